import Crypto
import Foundation

/// The team's data keys, one per generation. The newest seals what is
/// written now; older ones still open what was sealed before a rotation
/// (`team revoke`). A signed-in member holds the whole ring.
/// (Unchecked Sendable: swift-crypto's keys are immutable values it does not mark.)
public struct TeamKeyring: @unchecked Sendable {
    public let keys: [Int: SymmetricKey]

    public init(keys: [Int: SymmetricKey]) {
        precondition(!keys.isEmpty, "a keyring holds at least one key")
        self.keys = keys
    }

    /// A ring with one new random key, generation 1.
    public static func fresh() -> TeamKeyring { TeamKeyring(keys: [1: SymmetricKey(size: .bits256)]) }

    public var currentGeneration: Int { keys.keys.max()! }
    public var current: SymmetricKey { keys[currentGeneration]! }

    /// This ring plus a new random key one generation on.
    public func rotated() -> TeamKeyring {
        var next = keys
        next[currentGeneration + 1] = SymmetricKey(size: .bits256)
        return TeamKeyring(keys: next)
    }

    /// Opens an AES-GCM box sealed under any generation of the ring.
    public func open(_ box: AES.GCM.SealedBox, authenticating data: Data) -> Data? {
        for generation in keys.keys.sorted(by: >) {
            if let opened = try? AES.GCM.open(box, using: keys[generation]!, authenticating: data) { return opened }
        }
        return nil
    }

    /// `{"1": base64, ...}`: how a session file holds the ring.
    var encoded: [String: String] {
        Dictionary(uniqueKeysWithValues: keys.map { (String($0.key), $0.value.withUnsafeBytes { Data($0) }.base64EncodedString()) })
    }

    init?(encoded: [String: String]) {
        var keys: [Int: SymmetricKey] = [:]
        for (generation, text) in encoded {
            guard let number = Int(generation), number > 0, let data = Data(base64Encoded: text), data.count == 32 else {
                return nil
            }
            keys[number] = SymmetricKey(data: data)
        }
        guard !keys.isEmpty else { return nil }
        self.init(keys: keys)
    }
}

extension SymmetricKey {
    var data: Data { withUnsafeBytes { Data($0) } }
}
