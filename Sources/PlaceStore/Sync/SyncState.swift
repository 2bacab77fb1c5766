import Foundation
import GRDB
import PlaceDomain

/// What a device keeps about sync: its local settings (never ops), the
/// enrolled devices' public keys (synced), and version vectors.
extension PlaceStore {
    /// A device-local setting, or nil.
    public func localSetting(_ key: String) throws -> String? {
        try writer.read { try String.fetchOne($0, sql: "SELECT value FROM local_setting WHERE key = ?", arguments: [key]) }
    }

    /// Sets device-local settings in one transaction (not ops: they never sync).
    public func setLocalSettings(_ settings: [String: String]) throws {
        try writer.write { db in
            for (key, value) in settings {
                try db.execute(sql: "INSERT OR REPLACE INTO local_setting (key, value) VALUES (?, ?)", arguments: [key, value])
            }
        }
    }

    /// The newest HLC of each device's ops held here. Every device's ops
    /// arrive as a whole suffix, so this says exactly which ops are here.
    public func versionVector() throws -> [DeviceID: String] {
        try writer.read { db in
            Dictionary(
                try Row.fetchAll(db, sql: "SELECT device_id, MAX(hlc) FROM op GROUP BY device_id").map {
                    (DeviceID($0[0] as String), $0[1] as String)
                }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Ops newer than `vector` says a peer holds (every op for devices it does not list), oldest first.
    public func ops(after vector: [DeviceID: String]) throws -> [Op] {
        try writer.read { db in
            try Op.fetchAll(db, sql: "SELECT o.* FROM op o WHERE \(Self.newerThanVector) ORDER BY o.hlc, o.device_id, o.id",
                            arguments: [Self.json(vector)])
        }
    }

    /// How many ops are newer than `vector`.
    public func opCount(after vector: [DeviceID: String]) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM op o WHERE \(Self.newerThanVector)",
                             arguments: [Self.json(vector)]) ?? 0
        }
    }

    /// An op newer than the version vector given as JSON: every op of a device it does not list.
    static let newerThanVector = "o.hlc > COALESCE((SELECT value FROM json_each(?) WHERE key = o.device_id), '')"

    static func json(_ vector: [DeviceID: String]) -> String {
        JSONValue.object(Dictionary(uniqueKeysWithValues: vector.map { ($0.key.rawValue, JSONValue.string($0.value)) })).jsonText
    }

    /// What `peer` said it held the last time a bundle came from it.
    public func peerVector(_ peer: DeviceID) throws -> [DeviceID: String] {
        try vectorSetting("peer:" + peer.rawValue)
    }

    /// A version vector kept as a JSON object in a local setting; empty if none.
    private func vectorSetting(_ key: String) throws -> [DeviceID: String] {
        guard let text = try localSetting(key), case .object(let fields)? = JSONValue(jsonText: text) else { return [:] }
        return Dictionary(uniqueKeysWithValues: fields.compactMap { key, value in value.stringValue.map { (DeviceID(key), $0) } })
    }

    public func setPeerVector(_ peer: DeviceID, _ vector: [String: String]) throws {
        try setLocalSettings([
            "peer:" + peer.rawValue: JSONValue.object(vector.mapValues { .string($0) }).jsonText,
            "peer-synced:" + peer.rawValue: ISOTime.string(clock.now()),
        ])
    }

    /// Notes a finished sync with the hub at `url` (written without
    /// secrets) now: the hub then holds every op held here.
    public func recordHubSync(url: String) throws {
        try setLocalSettings(["hub-url": url, "hub-synced": ISOTime.string(clock.now()),
                              "hub-vector": Self.json(try versionVector())])
    }

    /// The hub this device last synced with, when, and how many ops here it has not had since.
    public func lastHubSync() throws -> (url: String, at: String, unshared: Int)? {
        guard let url = try localSetting("hub-url"), let at = try localSetting("hub-synced") else { return nil }
        return (url, at, try opCount(after: try vectorSetting("hub-vector")))
    }

    /// The public signing key an enrolled device signs with, or nil if it is not enrolled.
    public func enrolledKey(_ device: DeviceID) throws -> Data? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT public_key FROM device WHERE id = ?", arguments: [device.rawValue])
                .flatMap { Data(base64Encoded: $0) }
        }
    }

    /// Enrolled devices: id, name, when, and when a bundle last came from each.
    public func enrolledDevices() throws -> [(id: DeviceID, name: String, enrolledAt: String, lastBundle: String?)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, enrolled_at FROM device ORDER BY enrolled_at, id").map { row in
                let id: String = row["id"]
                let last = try String.fetchOne(db, sql: "SELECT value FROM local_setting WHERE key = ?",
                                               arguments: ["peer-synced:" + id])
                return (DeviceID(id), row["name"], row["enrolled_at"], last)
            }
        }
    }
}
