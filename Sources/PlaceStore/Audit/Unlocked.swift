import Crypto
import Foundation
import PlaceDomain

/// What a sign-in unlocks in an open store: the device's signing key, which
/// signs the audit entries this device writes. Held in memory only.
final class Unlocked: @unchecked Sendable {
    private let lock = NSLock()
    private var signer: Curve25519.Signing.PrivateKey?

    var signingKey: Curve25519.Signing.PrivateKey? {
        lock.lock()
        defer { lock.unlock() }
        return signer
    }

    func set(_ key: Curve25519.Signing.PrivateKey?) {
        lock.lock()
        signer = key
        lock.unlock()
    }
}

extension PlaceStore {
    /// From now on this store signs its audit entries with `deviceKey` (the
    /// device's signing key, opened with the team keys after sign-in).
    public func signAuditEntries(with deviceKey: Curve25519.Signing.PrivateKey) {
        unlocked.set(deviceKey)
    }
}
