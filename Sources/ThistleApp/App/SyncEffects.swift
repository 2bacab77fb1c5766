import Foundation
import PlaceDomain
import PlaceStore

/// What the Sync screen shows: this device and its team, the enrolled
/// devices with when each last sent a bundle and how many ops it has not
/// had from here, and the open conflicts.
public struct SyncOverview: Equatable, Sendable {
    public var device: DeviceID
    public var team: String?
    public var ops: Int
    public var devices: [Peer]
    /// The team's hub, if this device has synced with it.
    public var hub: Hub?
    public var conflicts: [Conflict]
    public var memberNames: [MemberID: String]

    public struct Peer: Equatable, Sendable {
        public var id: DeviceID
        public var name: String
        public var lastBundle: String?
        /// Ops here that this device has not said it holds (nil for this device).
        public var unshared: Int?
    }

    public struct Hub: Equatable, Sendable {
        /// Its URL, which holds no password.
        public var url: String
        public var lastSync: String
        /// Ops here it has not had since that sync.
        public var unshared: Int
    }
}

extension StoreEffects {
    func syncOverview() throws -> SyncOverview {
        let devices = try store.enrolledDevices().map { device in
            SyncOverview.Peer(
                id: device.id, name: device.name, lastBundle: device.lastBundle,
                unshared: device.id == store.deviceID ? nil : try store.opCount(after: try store.peerVector(device.id)))
        }
        return SyncOverview(
            device: store.deviceID, team: try store.localSetting("team_id"), ops: try store.logCounts().ops,
            devices: devices, hub: try store.lastHubSync().map { SyncOverview.Hub(url: $0.url, lastSync: $0.at, unshared: $0.unshared) },
            conflicts: try store.conflicts(),
            memberNames: Dictionary(try allMembers().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }))
    }

    /// Settles a conflict as the member, then reads the overview again.
    func resolve(_ conflictID: String, with value: JSONValue, by member: MemberID) throws -> Message {
        guard let conflict = try store.conflicts().first(where: { $0.id == conflictID }) else {
            return .failed("That conflict is no longer open.")
        }
        guard let acting = try store.member(member) else { return .failed("Member \(member) does not exist.") }
        do {
            try store.requireMayResolve(conflict, by: acting)
        } catch let refusal as CaseRuleViolation {
            return .failed(refusal.description)
        } catch let refusal as PlanRuleViolation {
            return .failed(refusal.description)
        } catch let refusal as NotPermitted {
            return .failed(refusal.description)
        }
        try store.resolve(conflict, with: value, by: member)
        return .syncLoaded(try syncOverview())
    }
}
