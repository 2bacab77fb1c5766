import TerminalUI

/// The `:` command palette: a fuzzy search over every command the current
/// screen and the app offer, each shown with its key.
public struct Palette: Equatable, Sendable {
    public var entries: [KeyBinding]
    public var field = TextField(text: "", cursor: 0)
    public var selection = 0

    public init(entries: [KeyBinding]) {
        var seen = Set<Command>()
        self.entries = entries.filter { seen.insert($0.command).inserted }
    }

    public static let bindings: [KeyBinding] = [
        KeyBinding([.enter], .open, label: "run", help: "Run the selected command"),
        KeyBinding([.up, .down], .moveDown, label: "choose", help: "Choose a command"),
        KeyBinding([.escape], .back, label: "cancel", help: "Close the palette"),
    ]

    /// Entries matching the typed text, best first.
    public var matches: [KeyBinding] {
        let query = field.text.lowercased().filter { !$0.isWhitespace }
        guard !query.isEmpty else { return entries }
        return entries
            .compactMap { entry in Self.score(query, in: entry.help.lowercased()).map { (entry, $0) } }
            .sorted { $0.1 > $1.1 }
            .map(\.0)
    }

    public var chosen: KeyBinding? {
        let found = matches
        return found.indices.contains(selection) ? found[selection] : nil
    }

    mutating func handle(_ key: Key) {
        switch key {
        case .up: selection = max(0, selection - 1)
        case .down: selection = min(max(0, matches.count - 1), selection + 1)
        default:
            if field.handle(key) { selection = 0 }
        }
    }

    /// Subsequence match: every query character in order. Runs of adjacent
    /// matches and matches at word starts score higher; nil if no match.
    static func score(_ query: String, in text: String) -> Int? {
        var score = 0
        var previous: String.Index?
        var index = text.startIndex
        for character in query {
            guard let found = text[index...].firstIndex(of: character) else { return nil }
            if let previous, text.index(after: previous) == found { score += 5 }
            if found == text.startIndex || text[text.index(before: found)] == " " { score += 3 }
            score += 1
            previous = found
            index = text.index(after: found)
        }
        return score - text.count / 10
    }
}
