import Foundation
import PlaceDomain

/// Builds the demo database: the same ops every time (a fixed device, a
/// stepping clock from a fixed instant and seeded ids), so two demo
/// databases hold identical op sets.
public enum DemoPlace {
    public static let device: DeviceID = "device-demo"
    /// When the demo's history was written.
    public static let builtAt = Date(timeIntervalSince1970: 1_795_456_800)  // 2026-11-23T18:00:00Z
    /// Every demo member's passphrase (the README and `thistle demo` say so).
    public static let passphrase = "demo"

    /// Builds the demo at `path` from `directory`'s files. It is built in a
    /// temporary file beside `path` and moved into place only when complete,
    /// so a failure leaves nothing behind. With `reset`, an existing Thistle
    /// database there is replaced; any other file is refused. Every member
    /// gets the passphrase `demo`; `finishing` runs on the new database,
    /// with the team key it made, before it is moved into place.
    @discardableResult
    public static func build(
        at path: String, from directory: URL, reset: Bool,
        finishing: ((PlaceStore, TeamKeyring) throws -> Void)? = nil
    ) throws -> Bool {
        let files = FileManager.default
        try PlaceStore.requireFolder(of: path)
        if files.fileExists(atPath: path) {
            // Only a Thistle database is ever kept or replaced; the check reads the header, nothing more.
            try PlaceStore.checkIsThistleDatabase(path)
            guard reset else { return false }
        }
        let contents = try PlaceFiles(directory: directory)
        let clock = SteppingClock(start: builtAt)
        let open = { (temporary: String) in
            try PlaceStore.open(
                at: temporary, create: true, device: device, clock: clock,
                idSource: UUIDv7Source(clock: clock, random: SeededRandom(seed: 20_261_124)))
        }
        try buildBeside(path, open: open) { store in
            // The team and its keys first, so every personal detail after is written sealed.
            let changes = try contents.changes()
            let team: Set<EntityKind> = [.place, .agency, .member]
            try store.write(by: nil, changes.filter { team.contains($0.entity) })
            let keys = try store.createTeamKeys(
                passphrases: Dictionary(uniqueKeysWithValues: contents.members.map { ($0.id, passphrase) }), by: nil)
            store.useKeys(keys)
            try store.refreshSearchTokens()
            try store.write(by: nil, changes.filter { !team.contains($0.entity) })
            try finishing?(store, keys)
        }
        return true
    }

    /// Builds a new database for `path` in a temporary file beside it,
    /// moved into place only when `fill` has finished: a failure leaves
    /// nothing behind.
    static func buildBeside(_ path: String, open: (String) throws -> PlaceStore, fill: (PlaceStore) throws -> Void) throws {
        let temporary = path + ".building-\(getpid())"
        defer { removeDatabaseFiles(at: temporary) }
        let store = try open(temporary)
        try fill(store)
        try store.close()
        removeDatabaseFiles(at: path)
        guard rename(temporary, path) == 0 else { throw StoreError.notWritable(path) }
    }

    static func removeDatabaseFiles(at path: String) {
        for suffix in ["", "-wal", "-shm", LastWrite.suffix] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }
}
