import PlaceDomain

/// Why a place's files could not be imported. Nothing is written when any
/// file is refused.
public enum ImportError: Error, Equatable, CustomStringConvertible {
    case missingFile(String)
    case malformed(file: String, line: Int?, String)
    /// A file named on the command line that cannot be read, or is too large or not text.
    case unreadable(String)
    case tooLarge(String, limit: String)
    case notText(String)

    public var description: String {
        switch self {
        case .missingFile(let file):
            return "\(file) is missing"
        case .unreadable(let file):
            return "cannot read \(file)"
        case .tooLarge(let file, let limit):
            return "\(file) is larger than \(limit)"
        case .notText(let file):
            return "\(file) is not UTF-8 text"
        case .malformed(let file, let line, let reason):
            // The reason may quote the file: one line, and nothing of it over 64 characters.
            let reason = reason.oneLine(wordLimit: 64, limit: 240)
            return line.map { "\(file):\($0): \(reason)" } ?? "\(file): \(reason)"
        }
    }
}
