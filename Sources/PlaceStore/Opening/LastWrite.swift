import Foundation
import GRDB
import PlaceDomain

/// A marker beside the database (`PATH-last-write`) naming the newest op in
/// the log after this computer's last write. A write is acknowledged once it
/// is in the write-ahead log; SQLite copies it into the main file only at a
/// checkpoint, so a `-wal` lost after a crash (deleted, or left behind when
/// the file was copied) takes the last writes with it and the file would
/// open without a word. With the marker, opening a file whose log ends
/// before it is refused (`StoreError.writesMissing`) until the `-wal` is put
/// back or the marker deleted. A new or rebuilt database forgets it.
enum LastWrite {
    static let suffix = "-last-write"

    /// Notes `newest` after a committed write (best effort: a marker that
    /// cannot be written only means a later loss goes unnoticed).
    static func record(_ newest: HLCTimestamp, for path: String) {
        guard path != ":memory:", !path.isEmpty else { return }
        let marker = path + suffix
        try? Data(newest.description.utf8).write(to: URL(fileURLWithPath: marker), options: .atomic)
        // Private like the database beside it.
        chmod(marker, 0o600)
    }

    static func forget(_ path: String) {
        try? FileManager.default.removeItem(atPath: path + suffix)
    }

    /// Refuses a file whose log ends before the marker.
    static func check(_ path: String, _ writer: any DatabaseWriter) throws {
        guard let data = FileManager.default.contents(atPath: path + suffix),
            let marked = HLCTimestamp(String(decoding: data, as: UTF8.self))
        else { return }
        // A file from before the op log (never written here) has nothing to compare.
        let newest = try writer.read { db -> HLCTimestamp? in
            guard try db.tableExists("op") else { return nil }
            return try PlaceStore.lastHLC(db)
        }
        if let newest, newest < marked {
            throw StoreError.writesMissing(path, since: Date(timeIntervalSince1970: Double(newest.millis) / 1000))
        }
    }
}
