import Foundation
import GRDB

extension PlaceStore {
    /// Where the team's database lives unless `--db` says otherwise:
    /// `$XDG_DATA_HOME/thistle/thistle.sqlite`, else `~/.local/share/thistle/thistle.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base: String
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            base = data
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            base = (home as NSString).appendingPathComponent(".local/share")
        }
        return (base as NSString).appendingPathComponent("thistle/thistle.sqlite")
    }

    /// Closes the database so the file stands alone: the read-only
    /// connections go first, so the writer closes last and SQLite
    /// checkpoints the WAL into the file and removes it.
    public func close() throws {
        if let pool = writer as? DatabasePool {
            pool.releaseMemory()
            try pool.close()
        } else if let queue = writer as? DatabaseQueue, path != ":memory:" {
            try queue.close()
        }
    }
}
