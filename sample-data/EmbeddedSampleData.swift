import Foundation

/// The demo place's files appended to a `make dist` binary: the pack
/// (`scripts/pack-sample-data`), then a trailer naming its size. Unpacked
/// once into the user's cache folder, where `thistle demo` reads them.
enum EmbeddedSampleData {
    static let magic = "THISTLE-SAMPLE-DATA "
    /// The magic, the pack's size in 12 digits, a new line.
    static let trailerLength = magic.utf8.count + 13

    /// The folder of unpacked files, or nil when this executable carries none.
    static func unpack(executable: String = "/proc/self/exe",
                       environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        guard let file = FileHandle(forReadingAtPath: executable) else { return nil }
        defer { try? file.close() }
        guard let end = try? file.seekToEnd(), end > UInt64(trailerLength) else { return nil }
        try? file.seek(toOffset: end - UInt64(trailerLength))
        guard let trailer = try? file.read(upToCount: trailerLength),
            let text = String(data: trailer, encoding: .utf8), text.hasPrefix(magic), text.hasSuffix("\n"),
            let size = UInt64(text.dropFirst(magic.count).dropLast()), size < end - UInt64(trailerLength)
        else { return nil }

        let base = environment["XDG_CACHE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.cache"
        // Named by the pack's size and place in the file: another build unpacks afresh.
        let folder = URL(fileURLWithPath: base).appendingPathComponent("thistle/sample-data-\(end)-\(size)")
        let fife = folder.appendingPathComponent("fife")
        if FileManager.default.fileExists(atPath: fife.path) { return fife }

        try? file.seek(toOffset: end - UInt64(trailerLength) - size)
        guard let pack = try? file.read(upToCount: Int(size)), pack.count == Int(size),
            let files = parse(pack)
        else { return nil }
        // Written beside, then moved into place whole: two first runs at once both end with every file.
        let making = folder.appendingPathComponent("fife.\(getpid())")
        do {
            try FileManager.default.createDirectory(at: making, withIntermediateDirectories: true)
            for (name, data) in files { try data.write(to: making.appendingPathComponent(name)) }
            try FileManager.default.moveItem(at: making, to: fife)
        } catch {
            try? FileManager.default.removeItem(at: making)
            return FileManager.default.fileExists(atPath: fife.path) ? fife : nil
        }
        return fife
    }

    /// The files in a pack, or nil if it does not read.
    static func parse(_ pack: Data) -> [(name: String, data: Data)]? {
        var files: [(String, Data)] = []
        var index = pack.startIndex
        func line() -> String? {
            guard let newline = pack[index...].firstIndex(of: 0x0A) else { return nil }
            defer { index = newline + 1 }
            return String(data: pack[index..<newline], encoding: .utf8)
        }
        while index < pack.endIndex {
            guard let name = line(), !name.isEmpty, !name.contains("/"), let sizeText = line(), let size = Int(sizeText),
                size >= 0, size <= pack.endIndex - index
            else { return nil }
            files.append((name, Data(pack[index..<index + size])))
            index += size
        }
        return files
    }
}
