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

    /// Closes the database: checkpoints the WAL so the file stands alone.
    public func close() throws {
        if let pool = writer as? DatabasePool { try pool.close() }
    }
}
