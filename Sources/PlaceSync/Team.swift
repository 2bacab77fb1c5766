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
    /// When an admin revoked it (a lost laptop): its bundles and hub rows are refused from then on.
    public var revokedAt: Date?
    public var revokedByID: MemberID?
}

/// This device's place in a team: the team's id, the team keys (which
/// seal bundles and hub rows; they come from a member's sign-in) and this
/// device's signing key. The signing key is kept in the database's local
/// settings sealed under the team key, so a laptop found switched off
/// cannot sign as this device. (Unchecked Sendable: the keys are immutable
/// values that swift-crypto does not mark.)
public struct TeamMembership: @unchecked Sendable {
    public let teamID: String
    let keyring: TeamKeyring
    /// The team keys this membership seals and opens with.
    public var keys: TeamKeyring { keyring }
    let signingKey: Curve25519.Signing.PrivateKey

    var teamKey: SymmetricKey { keyring.current }

    static let teamSetting = "team_id"

    /// This device's membership, opened with a signed-in member's keys, or `notInTeam`.
    public static func of(_ store: PlaceStore, keys keyring: TeamKeyring) throws -> TeamMembership {
        guard let team = try store.localSetting(teamSetting) else { throw SyncError.notInTeam }
        let signing: Curve25519.Signing.PrivateKey?
        do { signing = try store.deviceSigningKey(keys: keyring) } catch {
            throw SyncError.unreadable("this device's signing key does not open with the team's keys")
        }
        guard let signing else { throw SyncError.notInTeam }
        return TeamMembership(teamID: team, keyring: keyring, signingKey: signing)
    }

    /// The team this database belongs to, if any (needs no keys).
    public static func teamID(of store: PlaceStore) throws -> String? {
        try store.localSetting(teamSetting)
    }

    /// Creates a team with this device as its first member. The team's keys
    /// are the ones its members already sign in to.
    @discardableResult
    public static func create(in store: PlaceStore, keys keyring: TeamKeyring, deviceName: String, now: Date = Date()) throws
        -> TeamMembership
    {
        if let team = try store.localSetting(teamSetting) { throw SyncError.alreadyInTeam(team) }
        let membership = TeamMembership(
            teamID: "team-" + store.newID(), keyring: keyring, signingKey: Curve25519.Signing.PrivateKey())
        try store.setLocalSettings([teamSetting: membership.teamID])
        try store.keepDeviceKey(sealed: try PlaceStore.sealDeviceKey(membership.signingKey, for: store.deviceID, under: keyring))
        store.signAuditEntries(with: membership.signingKey)
        try store.write(by: nil, [try enrolment(store.deviceID, name: deviceName, key: membership.signingKey.publicKey,
                                                by: nil, now: now)])
        return membership
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

/// What `team invite` hands the new device: the team, the new device's id
/// and its signing key sealed under the team key (already enrolled by the
/// inviting device), and what a member needs to sign in there. It holds no
/// key in the clear: without a member's passphrase it opens nothing.
struct Invite: Codable {
    var format = "thistle-invite"
    var version = 2
    var team: String
    var device: String
    var deviceName: String
    var sealedDeviceKey: String
    /// The ops of every enrolled device, agency, member, member credential
    /// and key grant, so a member can sign in on the new device and verify
    /// the first bundle it is given.
    var ops: [Op]

    static let kinds: Set<String> = Set([EntityKind.device, .agency, .member, .memberKey, .keyGrant].map(\.name))
}

extension TeamMembership {
    /// Enrols a new device and returns the invite file's bytes.
    public func invite(from store: PlaceStore, deviceName: String, now: Date = Date()) throws -> Data {
        let device = DeviceID("device-" + store.newID())
        let key = Curve25519.Signing.PrivateKey()
        try store.write(by: nil, [try Self.enrolment(device, name: deviceName, key: key.publicKey, by: store.deviceID, now: now)])
        let invite = Invite(
            team: teamID, device: device.rawValue, deviceName: deviceName,
            sealedDeviceKey: try PlaceStore.sealDeviceKey(key, for: device, under: keyring),
            ops: try store.allOps().filter { Invite.kinds.contains($0.entity) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(invite)
    }

    /// An invite is refused above this size.
    public static let maximumInviteSize = 4_194_304

    /// Creates the new device's database at `path` from an invite. It holds
    /// the team's people and keys; the first bundle from a team device
    /// brings the team's data.
    public static func join(invite data: Data, at path: String) throws -> PlaceStore {
        guard data.count <= maximumInviteSize else { throw SyncError.tooLarge(maximumInviteSize) }
        guard let invite = try? JSONDecoder().decode(Invite.self, from: data), invite.format == "thistle-invite" else {
            throw SyncError.unreadable("not an invite")
        }
        guard invite.version == 2 else { throw SyncError.unknownFormat(invite.version) }
        guard Data(base64Encoded: invite.sealedDeviceKey) != nil else { throw SyncError.unreadable("the invite's key is damaged") }
        guard invite.ops.allSatisfy({ Invite.kinds.contains($0.entity) }) else {
            throw SyncError.unreadable("the invite holds more than the team's devices, people and keys")
        }
        let store = try PlaceStore.open(at: path, create: true, device: DeviceID(invite.device))
        try store.setLocalSettings([teamSetting: invite.team])
        try store.keepDeviceKey(sealed: invite.sealedDeviceKey)
        _ = try store.importOps(invite.ops)
        return store
    }
}
