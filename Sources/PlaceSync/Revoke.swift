import Crypto
import Foundation
import PlaceDomain
import PlaceStore

extension TeamMembership {
    /// The kinds of op that travel under the team key's first generation:
    /// devices, agencies, members, credentials and key grants. A laptop that
    /// has not heard of a rotation can still read them, and so learn the
    /// new generation; grants are sealed to members' keys and credentials to
    /// their passphrases, so the first generation reveals nothing more.
    static let keyKinds: Set<String> = Invite.kinds

    /// The key an op is sealed with for a bundle or the hub.
    func transportKey(for op: Op) -> SymmetricKey {
        Self.keyKinds.contains(op.entity) ? keyring.keys[keyring.keys.keys.min()!]! : keyring.current
    }

    /// Revokes `device` (a lost laptop): from now on its bundles and hub rows
    /// are refused, and a new generation of the team key, granted to every
    /// member who is not disabled, seals what is written from here. Admins
    /// only. Returns this device's membership under the new key.
    public func revoke(_ device: DeviceID, in store: PlaceStore, by admin: SignedIn, now: Date = Date()) throws
        -> TeamMembership
    {
        guard admin.member.role == .admin else { throw SyncError.notPermitted("only admins revoke devices") }
        guard device != store.deviceID else {
            throw SyncError.notPermitted("this device cannot revoke itself; revoke it from another team device")
        }
        guard try store.enrolledKey(device) != nil else { throw SyncError.unenrolledDevice(device.rawValue) }
        guard !(try store.revokedDevices().contains(device)) else {
            throw SyncError.notPermitted("\(device) is already revoked")
        }
        let (rotated, grants) = try store.rotationChanges(from: keyring, by: admin.member.id)
        try store.write(by: admin.member.id, [
            Change(entity: .device, entityID: device.rawValue, field: "revoked_at", value: .string(ISOTime.string(now))),
            Change(entity: .device, entityID: device.rawValue, field: "revoked_by_id", value: .string(admin.member.id.rawValue)),
        ] + grants)
        try store.keepDeviceKey(sealed: try PlaceStore.sealDeviceKey(signingKey, for: store.deviceID, under: rotated))
        return TeamMembership(teamID: teamID, keyring: rotated, signingKey: signingKey)
    }
}

extension TeamMembership {
    /// The generation a key grant op grants (0 for any other op).
    static func grantedGeneration(in op: Op) throws -> Int {
        guard op.entity == EntityKind.keyGrant.name, op.field == Op.wholeRecord,
            case .object(let fields)? = JSONValue(jsonText: op.value), case .int(let generation)? = fields["generation"]
        else { return 0 }
        return Int(generation)
    }
}
