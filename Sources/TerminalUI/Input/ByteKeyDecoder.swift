/// Decodes raw terminal input bytes, as a user's typing produces them, into
/// keys: UTF-8 text (CJK and emoji included), control codes, and the xterm
/// escape sequences for arrows, Home/End, PgUp/PgDn, Insert/Delete, F1–F12
/// and Shift-Tab. An ESC not starting a known sequence is the Esc key. Pure;
/// used by tests and the headless backend to script input.
public struct ByteKeyDecoder: Sendable {
    /// A decoder.
    public init() {}

    /// The keys `text` produces when typed, escape sequences included.
    public static func keys(typing text: String) -> [Key] { ByteKeyDecoder().decode(Array(text.utf8)) }

    /// The keys in `bytes`, in order.
    public func decode(_ bytes: [UInt8]) -> [Key] {
        var keys: [Key] = []
        var text: [UInt8] = []
        func flushText() {
            guard !text.isEmpty else { return }
            for character in String(decoding: text, as: UTF8.self) {
                if let first = character.unicodeScalars.first, isControl(first) { continue }
                keys.append(.character(character))
            }
            text = []
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x1B {
                flushText()
                let (key, length) = escapeSequence(bytes, at: index)
                if let key { keys.append(key) }
                index += length
            } else if byte < 0x20 || byte == 0x7F {
                flushText()
                if let key = Key.fromScalar(UInt32(byte)) { keys.append(key) }
                index += 1
            } else {
                text.append(byte)
                index += 1
            }
        }
        flushText()
        return keys
    }

    /// The key for the escape sequence starting at `start` and how many bytes
    /// it used; a lone ESC (or one before anything unknown) is Esc, one byte.
    private func escapeSequence(_ bytes: [UInt8], at start: Int) -> (Key?, Int) {
        let next = start + 1 < bytes.count ? bytes[start + 1] : nil
        switch next {
        case UInt8(ascii: "["):
            return controlSequence(bytes, at: start)
        case UInt8(ascii: "O") where start + 2 < bytes.count:
            let key: Key? = switch bytes[start + 2] {
            case UInt8(ascii: "A"): .up
            case UInt8(ascii: "B"): .down
            case UInt8(ascii: "C"): .right
            case UInt8(ascii: "D"): .left
            case UInt8(ascii: "H"): .home
            case UInt8(ascii: "F"): .end
            case UInt8(ascii: "M"): .enter
            case UInt8(ascii: "P"): .function(1)
            case UInt8(ascii: "Q"): .function(2)
            case UInt8(ascii: "R"): .function(3)
            case UInt8(ascii: "S"): .function(4)
            default: nil
            }
            return key.map { ($0, 3) } ?? (.escape, 1)
        default:
            return (.escape, 1)
        }
    }

    /// `ESC [ params final`: cursor keys, `~` keys, Shift-Tab, and the Linux
    /// console's `ESC [ [ A`–`E` for F1–F5. Unknown but complete sequences
    /// are swallowed so their bytes never turn into typed text.
    private func controlSequence(_ bytes: [UInt8], at start: Int) -> (Key?, Int) {
        var index = start + 2
        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "["),
           (UInt8(ascii: "A")...UInt8(ascii: "E")).contains(bytes[index + 1]) {
            return (.function(Int(bytes[index + 1] - UInt8(ascii: "A")) + 1), 4)
        }
        var parameters = ""
        while index < bytes.count, (0x20...0x3F).contains(bytes[index]) {
            parameters.append(Character(Unicode.Scalar(bytes[index])))
            index += 1
        }
        guard index < bytes.count, (0x40...0x7E).contains(bytes[index]) else { return (.escape, 1) }
        let final = bytes[index]
        let length = index - start + 1
        let number = Int(parameters.split(separator: ";").first ?? "") ?? 1
        let key: Key? = switch final {
        case UInt8(ascii: "A"): .up
        case UInt8(ascii: "B"): .down
        case UInt8(ascii: "C"): .right
        case UInt8(ascii: "D"): .left
        case UInt8(ascii: "H"): .home
        case UInt8(ascii: "F"): .end
        case UInt8(ascii: "Z"): .backTab
        case UInt8(ascii: "P"): .function(1)
        case UInt8(ascii: "Q"): .function(2)
        case UInt8(ascii: "R"): .function(3)
        case UInt8(ascii: "S"): .function(4)
        case UInt8(ascii: "~"): Self.tildeKeys[number]
        default: nil
        }
        return (key, length)
    }

    /// `ESC [ n ~` keys (xterm and rxvt numbering).
    private static let tildeKeys: [Int: Key] = [
        1: .home, 7: .home, 4: .end, 8: .end, 2: .insert, 3: .delete, 5: .pageUp, 6: .pageDown,
        11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
        17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
        23: .function(11), 24: .function(12),
    ]
}
