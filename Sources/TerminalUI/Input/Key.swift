/// A key as the app sees it, whatever terminal or backend it came from.
public enum Key: Hashable, Sendable {
    /// A printable grapheme cluster, including " " and CJK or emoji text.
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete, insert
    /// Ctrl with a lowercase letter a–z.
    case ctrl(Character)
    /// F1–F12.
    case function(Int)

    /// How help and the footer name the key: "↑", "PgDn", "Ctrl-P", "Space".
    public var displayName: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .ctrl(let letter): return "Ctrl-" + letter.uppercased()
        case .function(let number): return "F\(number)"
        }
    }
}

/// What one read of terminal input means.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    /// The terminal changed size.
    case resize
}

extension Key {
    /// The key a single Unicode scalar stands for when a terminal sends it as
    /// text: control codes become Enter, Tab, Backspace, Esc or Ctrl-letter;
    /// printable scalars are characters; anything else is nil.
    static func fromScalar(_ value: UInt32) -> Key? {
        switch value {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x1B: return .escape
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(0x60 + value)!))
        case 0x00...0x1F, 0x80...0x9F: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// Consecutive character keys joined into grapheme clusters, so a flag,
    /// a ZWJ emoji or a letter with a combining accent that arrived one
    /// scalar at a time is one key, as the user sees it.
    static func joiningGraphemes(_ keys: [Key]) -> [Key] {
        var result: [Key] = []
        var text = ""
        func flush() {
            result += text.map { Key.character($0) }
            text = ""
        }
        for key in keys {
            if case .character(let character) = key {
                text.append(character)
            } else {
                flush()
                result.append(key)
            }
        }
        flush()
        return result
    }
}

extension Key {
    /// The key a person names: one character ("n", "?"), "Ctrl-K", "F5", or
    /// a named key ("Enter", "Esc", "Space", "PgDn"…; any case); nil otherwise.
    public init?(name: String) {
        let text = String(name.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        if text.count == 1, let character = text.first, !character.isWhitespace,
            !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            self = .character(character)
            return
        }
        let lower = text.lowercased()
        if lower.hasPrefix("ctrl-"), lower.count == 6, let letter = lower.last, ("a"..."z").contains(letter) {
            self = .ctrl(letter)
            return
        }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...12).contains(number) {
            self = .function(number)
            return
        }
        let named: [String: Key] = [
            "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab, "shift-tab": .backTab,
            "space": .character(" "), "backspace": .backspace, "del": .delete, "delete": .delete, "ins": .insert,
            "insert": .insert, "home": .home, "end": .end, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown,
            "pagedown": .pageDown, "up": .up, "down": .down, "left": .left, "right": .right,
        ]
        guard let key = named[lower] else { return nil }
        self = key
    }
}
