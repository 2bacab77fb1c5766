/// Why a place's files could not be imported. Nothing is written when any
/// file is refused.
public enum ImportError: Error, Equatable, CustomStringConvertible {
    case missingFile(String)
    case malformed(file: String, line: Int?, String)

    public var description: String {
        switch self {
        case .missingFile(let file):
            return "\(file) is missing"
        case .malformed(let file, let line, let reason):
            return line.map { "\(file):\($0): \(reason)" } ?? "\(file): \(reason)"
        }
    }
}
