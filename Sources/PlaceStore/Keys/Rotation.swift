import Foundation
import GRDB
import PlaceDomain

/// A new generation of the team key, when a device is revoked.
extension PlaceStore {
    /// `keyring` with a new generation, and the grants of it to every member
    /// who has a passphrase and is not disabled.
    public func rotationChanges(from keyring: TeamKeyring, by author: MemberID) throws -> (TeamKeyring, [Change]) {
        let rotated = keyring.rotated()
        let generation = rotated.currentGeneration
        let now = clock.now()
        let members = try writer.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM member WHERE disabled_at IS NULL ORDER BY id").map { MemberID($0) }
        }
        var changes: [Change] = []
        for member in members {
            guard let credential = try currentCredential(of: member) else { continue }
            changes.append(try Change.create(
                KeyGrant.seal(rotated.keys[generation]!, generation: generation, to: credential, by: author, at: now)))
        }
        return (rotated, changes)
    }

    /// The newest team key generation granted to `member` (or to anyone, when nil).
    public func newestKeyGeneration(grantedTo member: MemberID? = nil) throws -> Int {
        try writer.read { db in
            if let member {
                return try Int.fetchOne(db, sql: "SELECT MAX(generation) FROM key_grant WHERE member_id = ?",
                                        arguments: [member.rawValue]) ?? 0
            }
            return try Int.fetchOne(db, sql: "SELECT MAX(generation) FROM key_grant") ?? 0
        }
    }

    /// Devices an admin revoked.
    public func revokedDevices() throws -> Set<DeviceID> {
        try writer.read { db in
            Set(try String.fetchAll(db, sql: "SELECT id FROM device WHERE revoked_at IS NOT NULL").map { DeviceID($0) })
        }
    }
}
