import Foundation
import PlaceStore
import PlaceSync

// The files commands write privately (only their owner can read them), and
// the bundles they read; other files are read through PlaceStore's ImportFile.

/// Writes a file only its owner can read, whole, then moves it into place.
func writePrivately(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid())")
    guard FileManager.default.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]),
        rename(temporary.path, url.path) == 0
    else {
        try? FileManager.default.removeItem(at: temporary)
        throw Failure("cannot write \(path)")
    }
}

/// Reads a bundle or an invite no larger than `limit` bytes; a larger one
/// is `bundle-unreadable`, like any other file that cannot be one.
func readBundle(_ path: String, limit: Int) throws -> Data {
    do {
        return try ImportFile.data(at: path, limit: limit)
    } catch .tooLarge {
        throw SyncError.tooLarge(limit)
    }
}
