import Crypto
import Foundation
import PlaceDomain

/// What a sign-in unlocks in an open store, held in memory only: the team's
/// keys (which seal and open personal details), the residents' keys opened
/// so far, and the device's signing key (which signs this device's audit
/// entries). Shared by every connection of the store, whose SQL functions
/// read it.
final class Unlocked: @unchecked Sendable {
    private let lock = NSLock()
    private var signer: Curve25519.Signing.PrivateKey?
    private var ring: TeamKeyring?
    /// The key residents' search tokens are made with (derived from `ring`).
    private var search: SymmetricKey?
    /// Residents' keys by owner, with the wrapped text each was opened from.
    private var opened: [String: (wrapped: String, key: SymmetricKey)] = [:]

    var signingKey: Curve25519.Signing.PrivateKey? {
        lock.lock()
        defer { lock.unlock() }
        return signer
    }

    var keyring: TeamKeyring? {
        lock.lock()
        defer { lock.unlock() }
        return ring
    }

    func set(_ key: Curve25519.Signing.PrivateKey?) {
        lock.lock()
        signer = key
        lock.unlock()
    }

    var searchKey: SymmetricKey? {
        lock.lock()
        defer { lock.unlock() }
        return search
    }

    func set(_ keyring: TeamKeyring?) {
        let derived = keyring.map(SearchTokens.key)
        lock.lock()
        ring = keyring
        search = derived
        opened = [:]
        lock.unlock()
    }

    /// The resident key `wrapped` holds, opened with the team keys (and kept
    /// for next time); nil when locked or when it does not open.
    func residentKey(_ owner: String, wrapped: String) -> SymmetricKey? {
        lock.lock()
        defer { lock.unlock() }
        if let known = opened[owner], known.wrapped == wrapped { return known.key }
        guard let ring, let key = SealedValue.unwrap(wrapped, owner: owner, with: ring) else { return nil }
        opened[owner] = (wrapped, key)
        return key
    }

    /// Keeps a key this store has just made, so sealing the rest of a write needs no unwrapping.
    func remember(_ owner: String, wrapped: String, key: SymmetricKey) {
        lock.lock()
        opened[owner] = (wrapped, key)
        lock.unlock()
    }
}

extension PlaceStore {
    /// From now on this store signs its audit entries with `deviceKey` (the
    /// device's signing key, opened with the team keys after sign-in).
    public func signAuditEntries(with deviceKey: Curve25519.Signing.PrivateKey) {
        unlocked.set(deviceKey)
    }

    /// From now on this store seals personal details it writes, and opens
    /// those it reads, with `keyring` (with nil, it opens none).
    public func useKeys(_ keyring: TeamKeyring?) {
        unlocked.set(keyring)
    }

    /// Forgets every key the sign-in unlocked (the idle lock, signing out).
    public func lock() {
        unlocked.set(nil as TeamKeyring?)
        unlocked.set(nil as Curve25519.Signing.PrivateKey?)
    }
}
