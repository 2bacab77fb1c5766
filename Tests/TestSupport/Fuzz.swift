import Foundation
import PlaceDomain

/// Damage for the fuzz tests of docs/RELIABILITY.md: files broken the ways
/// a disk, a USB stick or a careless edit breaks them, and the bad input a
/// user types. Everything is drawn from a seeded generator, so a failure's
/// seed and attempt number replay it.
public enum Fuzz {
    /// What a user might type or paste into any field or flag: blank, very
    /// long, control characters, right-to-left text, emoji, SQL-looking
    /// text, impossible and ancient dates, negative numbers.
    public static let badTexts: [String] = [
        "", " ", "   \t ", String(repeating: "x", count: 100_000), "tab\there", "new\nline", "nul\u{0}byte",
        "bell\u{7}", "escape\u{1B}[31m", "مرحبا بكم", "שלום", "\u{202E}reversed", "😀👩🏽‍⚕️🏴󠁧󠁢󠁳󠁣󠁴󠁿", "'; DROP TABLE need;--",
        "\" OR 1=1 --", "%s%n", "\\", "2025-02-30", "1900-01-01", "-5", "-1", "0", "1e308", "NaN",
    ]

    /// Invalid UTF-8, for the places that take bytes (files).
    public static let invalidUTF8: [Data] = [Data([0xFF, 0xFE]), Data([0xC3]), Data([0xED, 0xA0, 0x80]), Data([0x80, 0x41])]

    /// One damaged copy of `data` and how it was damaged: bytes flipped,
    /// cut short, spliced with `other`, bytes inserted, a range deleted, a
    /// range repeated, random bytes, or (JSON) one value anywhere in it
    /// replaced by another type, nothing, an empty or a huge value.
    public static func damaged(_ data: Data, splicingWith other: Data, using random: inout SeededRandom) -> (Data, String) {
        var bytes = [UInt8](data)
        func at() -> Int { Int.random(in: 0..<max(1, bytes.count), using: &random) }
        switch Int.random(in: 0..<8, using: &random) {
        case 0 where !bytes.isEmpty:
            let flips = Int.random(in: 1...8, using: &random)
            for _ in 0..<flips { bytes[at()] ^= UInt8.random(in: 1...255, using: &random) }
            return (Data(bytes), "\(flips) bytes flipped")
        case 1:
            let length = at()
            return (Data(bytes.prefix(length)), "cut to \(length) bytes")
        case 2 where !other.isEmpty:
            let cut = at()
            let from = Int.random(in: 0..<other.count, using: &random)
            return (Data(bytes.prefix(cut)) + other[(other.startIndex + from)...],
                    "spliced at \(cut) with another file from \(from)")
        case 3:
            let place = min(at(), bytes.count)
            let inserted = (0..<Int.random(in: 1...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            bytes.insert(contentsOf: inserted, at: place)
            return (Data(bytes), "\(inserted.count) bytes inserted at \(place)")
        case 4 where !bytes.isEmpty:
            let start = at()
            let end = min(bytes.count, start + Int.random(in: 1...4096, using: &random))
            bytes.removeSubrange(start..<end)
            return (Data(bytes), "bytes \(start)..<\(end) deleted")
        case 5 where !bytes.isEmpty:
            let start = at()
            let end = min(bytes.count, start + Int.random(in: 1...65_536, using: &random))
            let times = Int.random(in: 2...20, using: &random)
            bytes.insert(contentsOf: Array(repeating: Array(bytes[start..<end]), count: times).joined(), at: end)
            return (Data(bytes), "bytes \(start)..<\(end) repeated \(times) times")
        case 6:
            let length = Int.random(in: 0...4096, using: &random)
            return (Data((0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }), "\(length) random bytes")
        default:
            guard let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
                return (Data(bytes.reversed()), "reversed")
            }
            var path: [String] = []
            let changed = replacingOneValue(in: json, path: &path, using: &random)
            let text = (try? JSONSerialization.data(withJSONObject: changed.value, options: [.fragmentsAllowed])) ?? Data()
            return (text, "\(path.isEmpty ? "the whole file" : path.joined()) set to \(changed.replacement)")
        }
    }

    /// `value` with one value somewhere in it (reached by random steps down
    /// its arrays and objects) replaced or removed; `path` names where.
    private static func replacingOneValue(in value: Any, path: inout [String], using random: inout SeededRandom)
        -> (value: Any, replacement: String)
    {
        let replacements: [Any?] = [nil, "", 0, -1, 1e308, [Any](), ["nested": true], NSNull(), true,
                                    String(repeating: "A", count: 100_000)] + badTexts.map { $0 as Any? }
        let descend = Int.random(in: 0..<4, using: &random) > 0
        if descend, var object = value as? [String: Any], !object.isEmpty {
            let key = object.keys.sorted()[Int.random(in: 0..<object.count, using: &random)]
            path.append(".\(key)")
            let pick = replacements[Int.random(in: 0..<replacements.count, using: &random)]
            if Int.random(in: 0..<2, using: &random) == 0, let child = object[key] {
                let changed = replacingOneValue(in: child, path: &path, using: &random)
                object[key] = changed.value
                return (object, changed.replacement)
            }
            object[key] = pick
            return (object, pick.map { String(describing: $0).prefix(20) + "" } ?? "nothing")
        }
        if descend, var array = value as? [Any], !array.isEmpty {
            let index = Int.random(in: 0..<array.count, using: &random)
            path.append("[\(index)]")
            let changed = replacingOneValue(in: array[index], path: &path, using: &random)
            array[index] = changed.value
            return (array, changed.replacement)
        }
        let pick = replacements[Int.random(in: 1..<replacements.count, using: &random)] ?? NSNull()
        return (pick, String(describing: pick).prefix(20) + "")
    }

    /// A CSV text with one thing wrong that only a reader of CSV would
    /// notice: a cell replaced by bad input, a column dropped from the
    /// header, a row with too many or too few cells, a row repeated, a quote
    /// left open, or the header gone.
    public static func damagedCSV(_ text: String, using random: inout SeededRandom) -> (String, String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard lines.count > 1 else { return (text + "\"", "a quote left open") }
        let row = Int.random(in: 1..<lines.count, using: &random)
        var cells = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        switch Int.random(in: 0..<6, using: &random) {
        case 0:
            let column = Int.random(in: 0..<cells.count, using: &random)
            let bad = badTexts[Int.random(in: 0..<badTexts.count, using: &random)]
            cells[column] = bad.contains(",") || bad.contains("\"") || bad.contains("\n")
                ? "\"" + bad.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : bad
            lines[row] = cells.joined(separator: ",")
            return (lines.joined(separator: "\n") + "\n", "line \(row + 1) column \(column + 1) set to \(bad.prefix(20))")
        case 1:
            var header = lines[0].split(separator: ",").map(String.init)
            let column = Int.random(in: 0..<header.count, using: &random)
            header.remove(at: column)
            lines[0] = header.joined(separator: ",")
            return (lines.joined(separator: "\n") + "\n", "header column \(column + 1) dropped")
        case 2:
            if Int.random(in: 0..<2, using: &random) == 0 { cells.append("extra") } else { cells.removeLast() }
            lines[row] = cells.joined(separator: ",")
            return (lines.joined(separator: "\n") + "\n", "line \(row + 1) with \(cells.count) cells")
        case 3:
            lines.insert(lines[row], at: row)
            return (lines.joined(separator: "\n") + "\n", "line \(row + 1) repeated")
        case 4:
            lines[row] = "\"" + lines[row]
            return (lines.joined(separator: "\n") + "\n", "a quote left open on line \(row + 1)")
        default:
            lines.removeFirst()
            return (lines.joined(separator: "\n") + "\n", "the header removed")
        }
    }
}
