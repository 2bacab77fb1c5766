import Foundation
import PlaceDomain

/// Encodes a domain value straight into the `JSONValue` an op carries, with
/// column names as keys (`ColumnNaming`, every key, as the key strategy of
/// a `JSONEncoder` would) and dates as ISO 8601 UTC text: what encoding to
/// JSON text and parsing it back gave, without the text in between (it was
/// a third of the cost of writing a generated place).
struct JSONValueEncoder {
    func encode<Value: Encodable>(_ value: Value) throws -> JSONValue {
        let root = Slot()
        try Self.encode(value, into: root, path: [])
        return root.value
    }

    /// Where one value goes: filled once, or grown as an object or array.
    final class Slot {
        var value: JSONValue = .null
        var members: [String: Slot]?
        var elements: [Slot]?

        var resolved: JSONValue {
            if let members { return .object(members.mapValues(\.resolved)) }
            if let elements { return .array(elements.map(\.resolved)) }
            return value
        }
    }

    static func encode<Value: Encodable>(_ value: Value, into slot: Slot, path: [any CodingKey]) throws {
        switch value {
        case let date as Date: slot.value = .string(ISOTime.string(date))
        case let string as String: slot.value = .string(string)
        case let bool as Bool: slot.value = .bool(bool)
        case let int as any BinaryInteger: slot.value = .int(Int64(int))
        case let double as Double: slot.value = number(double)
        case let float as Float: slot.value = number(Double(float))
        default:
            let encoder = SlotEncoder(slot: slot, codingPath: path)
            try value.encode(to: encoder)
            slot.value = slot.resolved
        }
    }

    /// A whole double reads back from JSON text as an integer.
    static func number(_ double: Double) -> JSONValue {
        double.isFinite && double == double.rounded() && abs(double) < 9_007_199_254_740_992
            ? .int(Int64(double)) : double.isFinite ? .double(double) : .null
    }
}

private struct SlotEncoder: Encoder {
    let slot: JSONValueEncoder.Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if slot.members == nil { slot.members = [:] }
        return KeyedEncodingContainer(KeyedSlot<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if slot.elements == nil { slot.elements = [] }
        return UnkeyedSlot(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleSlot(slot: slot, codingPath: codingPath) }
}

private struct KeyedSlot<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: JSONValueEncoder.Slot
    let codingPath: [any CodingKey]

    private func child(_ key: Key) -> JSONValueEncoder.Slot {
        let child = JSONValueEncoder.Slot()
        slot.members![ColumnNaming.column(forProperty: key.stringValue)] = child
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).value = .null }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try JSONValueEncoder.encode(value, into: child(key), path: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        SlotEncoder(slot: child(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        SlotEncoder(slot: child(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { SlotEncoder(slot: slot, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { SlotEncoder(slot: child(key), codingPath: codingPath + [key]) }
}

private struct UnkeyedSlot: UnkeyedEncodingContainer {
    let slot: JSONValueEncoder.Slot
    let codingPath: [any CodingKey]
    var count: Int { slot.elements?.count ?? 0 }

    private func next() -> JSONValueEncoder.Slot {
        let child = JSONValueEncoder.Slot()
        slot.elements!.append(child)
        return child
    }

    mutating func encodeNil() throws { next().value = .null }
    mutating func encode<T: Encodable>(_ value: T) throws { try JSONValueEncoder.encode(value, into: next(), path: codingPath) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        SlotEncoder(slot: next(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        SlotEncoder(slot: next(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { SlotEncoder(slot: next(), codingPath: codingPath) }
}

private struct SingleSlot: SingleValueEncodingContainer {
    let slot: JSONValueEncoder.Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.value = .null }
    mutating func encode<T: Encodable>(_ value: T) throws { try JSONValueEncoder.encode(value, into: slot, path: codingPath) }
}
