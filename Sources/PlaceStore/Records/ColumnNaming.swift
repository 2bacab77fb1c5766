import Foundation

/// Maps Swift property names to column names and back: `placeIDs` ⇄
/// `place_ids`, `closedByID` ⇄ `closed_by_id`. Foundation's snake-case
/// strategies split acronyms (`place_i_ds`), so Thistle keeps its own.
enum ColumnNaming {
    /// Every record written or read asks for the same few dozen names again and again.
    private static let known = KnownColumns()
    private static let knownProperties = KnownColumns()

    static func column(forProperty name: String) -> String {
        if let column = known[name] { return column }
        let column = splitIntoColumn(name)
        known[name] = column
        return column
    }

    private static func splitIntoColumn(_ name: String) -> String {
        var words: [String] = []
        var current = ""
        let characters = Array(name)
        for (index, character) in characters.enumerated() {
            let startsWord = character.isUppercase && !current.isEmpty
                && (!(characters[index - 1].isUppercase)
                    || (index + 1 < characters.count && characters[index + 1].isLowercase
                        && characters[index + 1] != "s"))
            if startsWord {
                words.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.lowercased() }.joined(separator: "_")
    }

    static func property(forColumn name: String) -> String {
        if let property = knownProperties[name] { return property }
        let property = splitIntoProperty(name)
        knownProperties[name] = property
        return property
    }

    private static func splitIntoProperty(_ name: String) -> String {
        let words = name.split(separator: "_").map(String.init)
        guard let first = words.first else { return name }
        return first + words.dropFirst().map { word in
            switch word {
            case "id": return "ID"
            case "ids": return "IDs"
            default: return word.prefix(1).uppercased() + word.dropFirst()
            }
        }.joined()
    }
}

/// A coding key made from a string, for the custom key strategies.
struct NamedKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}

/// Names already worked out: columns by property name, or properties by column name (any thread).
private final class KnownColumns: @unchecked Sendable {
    private let lock = NSLock()
    private var columns: [String: String] = [:]

    subscript(property: String) -> String? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return columns[property]
        }
        set {
            lock.lock()
            columns[property] = newValue
            lock.unlock()
        }
    }
}
