import Crypto
import Foundation
import PlaceDomain
import PlaceStore

/// A device enrolled in the team: its id, a name for people, and the public
/// half of the Ed25519 key it signs bundles with. Synced as ops.
public struct EnrolledDevice: Hashable, Codable, Sendable {
    public var id: DeviceID
    public var name: String
    public var publicKey: String
    public var enrolledAt: Date
    public var enrolledByID: DeviceID?
}

/// This device's place in a team: the team's id and shared key (which
/// encrypts bundles) and this device's signing key. Kept in the database's
/// local settings, never in an op: they do not leave the device except in
/// an invite. (Unchecked Sendable: the keys are immutable values that swift-crypto does not mark.)
public struct TeamMembership: @unchecked Sendable {
    public let teamID: String
    let teamKey: SymmetricKey
    let signingKey: Curve25519.Signing.PrivateKey

    static let teamSetting = "team_id", keySetting = "team_key", deviceKeySetting = "device_signing_key"

    /// This device's membership, or `notInTeam`.
    public static func of(_ store: PlaceStore) throws -> TeamMembership {
        guard let team = try store.localSetting(teamSetting), let key = try store.localSetting(keySetting),
            let device = try store.localSetting(deviceKeySetting),
            let keyData = Data(base64Encoded: key), let deviceData = Data(base64Encoded: device),
            let signing = try? Curve25519.Signing.PrivateKey(rawRepresentation: deviceData)
        else { throw SyncError.notInTeam }
        return TeamMembership(teamID: team, teamKey: SymmetricKey(data: keyData), signingKey: signing)
    }

    /// Creates a team with this device as its first member.
    @discardableResult
    public static func create(in store: PlaceStore, deviceName: String, now: Date = Date()) throws -> TeamMembership {
        if let team = try store.localSetting(teamSetting) { throw SyncError.alreadyInTeam(team) }
        let membership = TeamMembership(
            teamID: "team-" + store.newID(), teamKey: SymmetricKey(size: .bits256), signingKey: Curve25519.Signing.PrivateKey())
        try membership.save(in: store)
        try store.write(by: nil, [try enrolment(store.deviceID, name: deviceName, key: membership.signingKey.publicKey,
                                                by: nil, now: now)])
        return membership
    }

    func save(in store: PlaceStore) throws {
        try store.setLocalSettings([
            Self.teamSetting: teamID,
            Self.keySetting: teamKey.withUnsafeBytes { Data($0) }.base64EncodedString(),
            Self.deviceKeySetting: signingKey.rawRepresentation.base64EncodedString(),
        ])
    }

    static func enrolment(_ device: DeviceID, name: String, key: Curve25519.Signing.PublicKey, by: DeviceID?, now: Date) throws
        -> Change
    {
        try Change.create(
            EnrolledDevice(id: device, name: name, publicKey: key.rawRepresentation.base64EncodedString(), enrolledAt: now,
                           enrolledByID: by),
            as: .device, id: device.rawValue)
    }
}

/// What `team invite` hands the new device: the team, its key, the new
/// device's id and signing key (already enrolled by the inviting device).
/// It is a secret: whoever holds it can join the team.
struct Invite: Codable {
    var format = "thistle-invite"
    var version = 1
    var team: String
    var teamKey: String
    var device: String
    var deviceName: String
    var deviceKey: String
    /// The ops enrolling every device known to the inviter, so the new
    /// device can verify the first bundle it is given.
    var enrolments: [Op]
}

extension TeamMembership {
    /// Enrols a new device and returns the invite file's bytes.
    public func invite(from store: PlaceStore, deviceName: String, now: Date = Date()) throws -> Data {
        let device = DeviceID("device-" + store.newID())
        let key = Curve25519.Signing.PrivateKey()
        try store.write(by: nil, [try Self.enrolment(device, name: deviceName, key: key.publicKey, by: store.deviceID, now: now)])
        let invite = Invite(
            team: teamID, teamKey: teamKey.withUnsafeBytes { Data($0) }.base64EncodedString(), device: device.rawValue,
            deviceName: deviceName, deviceKey: key.rawRepresentation.base64EncodedString(),
            enrolments: try store.allOps().filter { $0.entity == EntityKind.device.name })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(invite)
    }

    /// Creates the new device's database at `path` from an invite. It holds
    /// nothing yet: the first bundle from a team device brings the team's data.
    public static func join(invite data: Data, at path: String) throws -> PlaceStore {
        guard data.count <= 1_048_576 else { throw SyncError.tooLarge(1_048_576) }
        guard let invite = try? JSONDecoder().decode(Invite.self, from: data), invite.format == "thistle-invite" else {
            throw SyncError.unreadable("not an invite")
        }
        guard invite.version == 1 else { throw SyncError.unknownFormat(invite.version) }
        guard let key = Data(base64Encoded: invite.teamKey), key.count == 32,
            let deviceKey = Data(base64Encoded: invite.deviceKey),
            let signing = try? Curve25519.Signing.PrivateKey(rawRepresentation: deviceKey)
        else { throw SyncError.unreadable("the invite's keys are damaged") }
        guard invite.enrolments.allSatisfy({ $0.entity == EntityKind.device.name }) else {
            throw SyncError.unreadable("the invite holds more than enrolments")
        }
        let store = try PlaceStore.open(at: path, create: true, device: DeviceID(invite.device))
        try TeamMembership(teamID: invite.team, teamKey: SymmetricKey(data: key), signingKey: signing).save(in: store)
        _ = try store.importOps(invite.enrolments)
        return store
    }
}
