import Foundation
import PlaceStore
import PlaceSync

// The files commands read and write: read whole within a limit, written
// privately (only their owner can read them) and moved into place.

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

/// Reads a file no larger than `limit` bytes (a whole number of MiB);
/// a larger one is refused unread, by name (`invalid-input`).
func readBounded(_ path: String, limit: Int) throws -> Data {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path), let size = attributes[.size] as? Int else {
        throw Failure("cannot read \(path)")
    }
    guard size <= limit else { throw ImportError.tooLarge(path, limit: "\(limit >> 20) MiB") }
    guard let data = FileManager.default.contents(atPath: path) else { throw Failure("cannot read \(path)") }
    return data
}

/// Reads a bundle or an invite no larger than `limit` bytes; a larger one
/// is `bundle-unreadable`, like any other file that cannot be one.
func readBundle(_ path: String, limit: Int) throws -> Data {
    do {
        return try readBounded(path, limit: limit)
    } catch ImportError.tooLarge {
        throw SyncError.tooLarge(limit)
    }
}
