import Crypto
import Foundation
import PlaceDomain
import PlaceStore
import PostgresNIO

/// What one sync with the hub did.
public struct HubSyncResult: Sendable {
    /// Ops this device sent that the hub did not have.
    public var pushed: Int
    /// Ops the hub had that this device did not.
    public var pulled: Int
    /// Ops the hub sent back that were here already.
    public var duplicates: Int
    /// Conflicts open now that were not open before.
    public var newConflicts: [Conflict]
    /// Residents the pull brought who look like residents already here.
    public var possibleDuplicates: [(ResidentID, ResidentID)]
    /// Where this device has read the hub up to.
    public var cursor: Int64
}

/// How far a sync with the hub has got, for a progress line.
public struct HubProgress: Sendable, Equatable {
    public enum Phase: String, Sendable { case pulling, pushing }
    public var phase: Phase
    public var done: Int
    public var total: Int
}

extension TeamMembership {
    /// Ops per pushed transaction and per pulled page.
    public static let hubBatch = 1_000

    /// Pulls what the hub has that this device lacks, pushes what the hub
    /// lacks, then pulls again for anything another device pushed meanwhile.
    /// Each pulled page is applied in one transaction, and the cursor moves
    /// only after it is; each pushed batch is one hub transaction. So an
    /// interrupted sync leaves both sides consistent, and running it again
    /// finishes the work without losing or duplicating an op.
    public func syncWithHub(
        _ store: PlaceStore, at address: HubAddress, password: String?,
        progress: (@Sendable (HubProgress) -> Void)? = nil, batch: Int = hubBatch,
        interruptPush: (@Sendable (Int, PostgresConnection) async throws -> Void)? = nil
    ) async throws -> HubSyncResult {
        let hub = try await HubConnection.open(address, password: password)
        do {
            let result = try await sync(store, with: hub, progress: progress, batch: batch, interruptPush: interruptPush)
            hub.close()
            return result
        } catch {
            hub.close()
            throw error
        }
    }

    private func sync(
        _ store: PlaceStore, with hub: HubConnection, progress: (@Sendable (HubProgress) -> Void)?, batch: Int,
        interruptPush: (@Sendable (Int, PostgresConnection) async throws -> Void)?
    ) async throws -> HubSyncResult {
        let hubID = try await hub.prepare()
        let cursorKey = "hub-cursor:" + hubID
        var cursor = Int64(try store.localSetting(cursorKey) ?? "") ?? 0
        if cursor > (try await hub.lastSeq(team: teamID)) { cursor = 0 }
        let conflictsBefore = Set(try store.conflicts().map(\.id))
        var result = HubSyncResult(pushed: 0, pulled: 0, duplicates: 0, newConflicts: [], possibleDuplicates: [],
                                   cursor: cursor)
        var enrolled: [String: Curve25519.Signing.PublicKey] = [:]
        for device in try store.enrolledDevices() {
            if let raw = try store.enrolledKey(device.id), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) {
                enrolled[device.id.rawValue] = key
            }
        }

        func pullAll() async throws {
            let total = Int(try await hub.lastSeq(team: teamID) - result.cursor)
            var done = 0
            while true {
                let rows = try await hub.pull(team: teamID, after: result.cursor, limit: batch)
                guard rows.last != nil else { break }
                let opened = try openHubRows(
                    rows, enrolled: &enrolled, revoked: Set(try store.revokedDevices().map(\.rawValue)),
                    newestGranted: try store.newestKeyGeneration())
                let imported = try store.importOps(opened.ops)
                if let read = opened.readUpTo {
                    result.cursor = read
                    try store.setLocalSettings([cursorKey: String(read)])
                }
                if opened.keyChanged { throw SyncError.teamKeyChanged }
                result.pulled += imported.new
                result.duplicates += imported.duplicates
                result.possibleDuplicates += imported.possibleDuplicates
                done += rows.count
                progress?(HubProgress(phase: .pulling, done: done, total: max(total, done)))
                if rows.count < batch { break }
            }
        }

        try await pullAll()
        let hubHas = try await hub.vector(team: teamID)
        let missing = try store.ops(after: Dictionary(uniqueKeysWithValues: hubHas.map { (DeviceID($0.key), $0.value) }))
        // Erased residents' keys leave the hub with every push that knows of the erasure.
        let forgetting = try store.erasedResidents().map { PlaceStore.keyOpID($0.rawValue) }
        var batchIndex = 0
        for start in stride(from: 0, to: missing.count, by: batch) {
            let chunk = Array(missing[start..<min(start + batch, missing.count)])
            let rows = try hubRows(chunk, pushedBy: store.deviceID.rawValue)
            let index = batchIndex
            var beforeCommit: (@Sendable (PostgresConnection) async throws -> Void)?
            if let interruptPush { beforeCommit = { try await interruptPush(index, $0) } }
            let pushed = try await hub.push(rows, team: teamID, pushedBy: store.deviceID.rawValue, forgetting: forgetting,
                                            beforeCommit: beforeCommit)
            batchIndex += 1
            result.pushed += Int(pushed.to - pushed.from)
            // Nobody else pushed since this device last read the hub: what
            // it just wrote is all that follows its cursor.
            if pushed.from == result.cursor {
                result.cursor = pushed.to
                try store.setLocalSettings([cursorKey: String(pushed.to)])
            }
            progress?(HubProgress(phase: .pushing, done: start + chunk.count, total: missing.count))
        }
        try await pullAll()
        try store.recordHubSync(url: hub.address.url)
        result.newConflicts = try store.conflicts().filter { !conflictsBefore.contains($0.id) }
        return result
    }

}
