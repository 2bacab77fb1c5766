import Foundation
import PlaceDomain

/// Reads JSON text (RFC 8259) into a `JSONValue` in one pass over its
/// UTF-8 bytes. Every op value is read at least once on import and on each
/// replay; through `JSONDecoder` (which tries each case in turn, throwing)
/// that was a third of a bundle's import.
///
/// It reads as `JSONDecoder` did, so tables materialised before and after
/// it agree: a number that is a whole number within Int64 (`2.0`, `1e2`,
/// `-0`) is an int, any other finite number a double; an object's first
/// value for a repeated key wins; a trailing comma is let through; leading
/// zeros, a lone surrogate, a number too large for a double and anything
/// after the value are refused.
struct JSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    /// A string with escapes is put together here, kept between strings (an op's value is one).
    private var unescaped: [UInt8] = []
    /// Deeper than this is refused rather than risking the stack.
    private static let maximumDepth = 512

    static func value(of text: String) -> JSONValue? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = JSONReader(bytes: bytes)
            guard let value = reader.readValue() else { return nil }
            reader.skipSpace()
            return reader.index == bytes.count ? value : nil
        }
    }

    /// The JSON document in `data`; nil if it is not one.
    static func value(in data: Data) -> JSONValue? {
        data.withUnsafeBytes { raw in
            var reader = JSONReader(bytes: raw.bindMemory(to: UInt8.self))
            guard let value = reader.readValue() else { return nil }
            reader.skipSpace()
            return reader.index == reader.bytes.count ? value : nil
        }
    }

    /// An array of ops as bundles carry them (`Op`'s coding keys; other keys
    /// are passed over, as JSONDecoder did), read without building a value
    /// per op; nil if the text is not one.
    static func ops(in data: Data) -> [Op]? {
        data.withUnsafeBytes { raw in
            var reader = JSONReader(bytes: raw.bindMemory(to: UInt8.self))
            guard let ops = reader.readOps() else { return nil }
            reader.skipSpace()
            return reader.index == reader.bytes.count ? ops : nil
        }
    }

    private mutating func readOps() -> [Op]? {
        skipSpace()
        guard current == UInt8(ascii: "[") else { return nil }
        return readElements { $0.readOp() }
    }

    /// One op object: each field a string (or null where `Op` allows none).
    private mutating func readOp() -> Op? {
        guard current == UInt8(ascii: "{") else { return nil }
        // Each field: nil while unseen, .some(nil) once read as null.
        var id, device, author, hlc, entity, entityID, field, value, supersedes, resolves: String??
        let read = readMembers { reader, key in
            func text(_ slot: inout String??) -> Bool {
                let read: String?
                if reader.current == UInt8(ascii: "\"") {
                    guard let string = reader.readString() else { return false }
                    read = string
                } else if reader.consume("null") {
                    read = nil
                } else {
                    return false
                }
                if slot == nil { slot = .some(read) }  // the first of a repeated key, as JSONDecoder took it
                return true
            }
            switch key {
            case "id": return text(&id)
            case "device_id": return text(&device)
            case "author_id": return text(&author)
            case "hlc": return text(&hlc)
            case "entity": return text(&entity)
            case "entity_id": return text(&entityID)
            case "field": return text(&field)
            case "value": return text(&value)
            case "supersedes": return text(&supersedes)
            case "resolves": return text(&resolves)
            default: return reader.readValue() != nil
            }
        }
        guard read, case let id?? = id, case let device?? = device, case let hlc?? = hlc, case let entity?? = entity,
            case let entityID?? = entityID, case let field?? = field, case let value?? = value
        else { return nil }
        return Op(id: id, deviceID: DeviceID(device), authorID: (author ?? nil).map { MemberID($0) },
                  hlc: hlc, entity: entity, entityID: entityID, field: field, value: value,
                  supersedes: supersedes ?? nil, resolves: resolves ?? nil)
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private mutating func consume(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] { return false }
        index += count
        return true
    }

    private mutating func readValue() -> JSONValue? {
        skipSpace()
        guard let byte = current else { return nil }
        switch byte {
        case UInt8(ascii: "{"): return readObject()
        case UInt8(ascii: "["): return readArray()
        case UInt8(ascii: "\""): return readString().map(JSONValue.string)
        case UInt8(ascii: "t"): return consume("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return consume("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return consume("null") ? .null : nil
        default: return readNumber()
        }
    }

    private mutating func readObject() -> JSONValue? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { return nil }
        var fields: [String: JSONValue] = [:]
        let read = readMembers { reader, key in
            guard let value = reader.readValue() else { return false }
            if fields[key] == nil { fields[key] = value }  // the first of a repeated key, as JSONDecoder took it
            return true
        }
        return read ? .object(fields) : nil
    }

    private mutating func readArray() -> JSONValue? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { return nil }
        return readElements { $0.readValue() }.map(JSONValue.array)
    }

    /// An object's members from its `{`: each key read here, its value by
    /// `member` (false if it cannot); a trailing comma is let through, as JSONDecoder allowed.
    private mutating func readMembers(_ member: (inout JSONReader, String) -> Bool) -> Bool {
        index += 1
        skipSpace()
        if current == UInt8(ascii: "}") {
            index += 1
            return true
        }
        var count = 0
        while true {
            skipSpace()
            if current == UInt8(ascii: "}"), count > 0 {
                index += 1
                return true
            }
            guard current == UInt8(ascii: "\""), let key = readString() else { return false }
            skipSpace()
            guard current == UInt8(ascii: ":") else { return false }
            index += 1
            skipSpace()
            guard member(&self, key) else { return false }
            count += 1
            skipSpace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return true
            default: return false
            }
        }
    }

    /// An array's elements from its `[`, each read by `element`; a trailing comma is let through.
    private mutating func readElements<Element>(_ element: (inout JSONReader) -> Element?) -> [Element]? {
        index += 1
        var elements: [Element] = []
        skipSpace()
        if current == UInt8(ascii: "]") {
            index += 1
            return elements
        }
        while true {
            skipSpace()
            if current == UInt8(ascii: "]"), !elements.isEmpty {
                index += 1
                return elements
            }
            guard let next = element(&self) else { return nil }
            elements.append(next)
            skipSpace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return elements
            default: return nil
            }
        }
    }

    /// A string from its opening quote: runs without escapes are copied whole.
    private mutating func readString() -> String? {
        index += 1
        var escapes = false
        var runStart = index
        while true {
            skipPlainBytes()
            guard let byte = current else { return nil }
            switch byte {
            case UInt8(ascii: "\""):
                let run = UnsafeBufferPointer(rebasing: bytes[runStart..<index])
                index += 1
                if !escapes { return String(decoding: run, as: UTF8.self) }
                unescaped.append(contentsOf: run)
                return String(decoding: unescaped, as: UTF8.self)
            case UInt8(ascii: "\\"):
                if !escapes { unescaped.removeAll(keepingCapacity: true) }
                escapes = true
                unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                index += 1
                guard let escaped = readEscape() else { return nil }
                if escaped.isASCII {
                    unescaped.append(UInt8(escaped.value))
                } else {
                    unescaped.append(contentsOf: UTF8.encode(escaped)!)
                }
                runStart = index
            case 0..<0x20:
                return nil
            default:
                index += 1
            }
        }
    }

    /// Moves past the bytes of a string that need nothing done (not a
    /// quote, a backslash or a control character), eight at a time: a
    /// bundle's sealed section is one string of 65 MB.
    private mutating func skipPlainBytes() {
        guard let base = bytes.baseAddress else { return }
        while index + 8 <= bytes.count,
            !Self.holdsSpecialByte(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
            index += 8
        }
        while index < bytes.count, bytes[index] >= 0x20, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
            index += 1
        }
    }

    /// Whether any of the eight bytes is a quote, a backslash or below 0x20
    /// (the word tricks for "has a zero byte" and "has a byte less than n").
    static func holdsSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        return hasZeroByte(word ^ (ones &* UInt64(UInt8(ascii: "\""))))
            || hasZeroByte(word ^ (ones &* UInt64(UInt8(ascii: "\\"))))
            || (word &- ones &* 0x20) & ~word & highs != 0
    }

    /// The character after a backslash (`\u` with its low surrogate, if any).
    private mutating func readEscape() -> Unicode.Scalar? {
        guard let byte = current else { return nil }
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            guard let unit = readHex4() else { return nil }
            switch unit {
            case 0xD800..<0xDC00:
                guard consume("\\u"), let low = readHex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
            case 0xDC00..<0xE000:
                return nil
            default:
                return Unicode.Scalar(unit)
            }
        default:
            return nil
        }
    }

    private mutating func readHex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var unit: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            unit = unit << 4 | UInt32(digit)
            index += 1
        }
        return unit
    }

    private mutating func readNumber() -> JSONValue? {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return nil }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        var whole = true
        if current == UInt8(ascii: ".") {
            index += 1
            guard skipDigits() > 0 else { return nil }
            whole = false
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() > 0 else { return nil }
            whole = false
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if whole, let value = Int64(text) { return .int(value) }
        guard let value = Double(text), value.isFinite else { return nil }
        // A whole number within Int64 reads as an int, as JSONDecoder gave it.
        if value.rounded() == value, value >= -9.223372036854775808e18, value < 9.223372036854775808e18 {
            return .int(Int64(value))
        }
        return .double(value)
    }

    @discardableResult
    private mutating func skipDigits() -> Int {
        let start = index
        while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
        return index - start
    }
}
