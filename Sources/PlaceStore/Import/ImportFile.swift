import Foundation

/// A file an import reads whole (team files, a directory's tables, a
/// taxonomy mapping, cases, indicator values, bundles): refused, naming it,
/// when it cannot be read or is larger than `limit` bytes, before any of it
/// is read; as text, also when it is not UTF-8.
public enum ImportFile {
    /// The file's bytes. `name` is how refusals name it (its path by default);
    /// `limit` is a whole number of MiB.
    public static func data(at path: String, named name: String? = nil, limit: Int) throws(ImportError) -> Data {
        let name = name ?? path
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int else {
            throw .unreadable(name)
        }
        guard size <= limit else { throw .tooLarge(name, limit: "\(limit >> 20) MiB") }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(name) }
        return data
    }

    /// The file's text.
    public static func text(at path: String, named name: String? = nil, limit: Int) throws(ImportError) -> String {
        guard let text = String(validating: try data(at: path, named: name, limit: limit), as: UTF8.self) else {
            throw .notText(name ?? path)
        }
        return text
    }
}
