import Crypto
import Foundation

/// Comparing and checking secrets without leaking, through timing, how
/// much of a guess was right.
public enum Secrets {
    /// Whether two byte strings are equal, taking the same time wherever they differ.
    public static func equal<A: DataProtocol, B: DataProtocol>(_ a: A, _ b: B) -> Bool {
        let left = Array(a), right = Array(b)
        var difference = UInt8(truncatingIfNeeded: left.count ^ right.count)
        for index in 0..<max(left.count, right.count) {
            let x = index < left.count ? left[index] : 0
            let y = index < right.count ? right[index] : 0
            difference |= x ^ y
        }
        return difference == 0
    }

    /// Whether `signature` (base64 Ed25519) signs `text` under `key`.
    static func verify(signature: String, of text: String, with key: Curve25519.Signing.PublicKey) -> Bool {
        guard let bytes = Data(base64Encoded: signature) else { return false }
        return key.isValidSignature(bytes, for: Data(text.utf8))
    }
}
