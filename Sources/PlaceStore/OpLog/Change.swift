import Foundation
import PlaceDomain

/// A change a user or import asks for, before it becomes an op: which
/// record, which field (or `*` for the whole record) and the new value.
public struct Change: Hashable, Sendable {
    public let entity: EntityKind
    public let entityID: String
    public let field: String
    public let value: JSONValue

    public init(entity: EntityKind, entityID: String, field: String, value: JSONValue) {
        self.entity = entity
        self.entityID = entityID
        self.field = field
        self.value = value
    }

    /// A whole record written anew (not a field, not a delete).
    var isNewRecord: Bool { field == Op.wholeRecord && value != .null }

    /// Creates a whole record.
    /// A record whose id is derived (an indicator value, a scorecard) gets it as its `id` field.
    public static func create<Record: StoredRecord>(_ record: Record) throws -> Change {
        var value = try RecordCoding.jsonObject(record)
        if case .object(var fields) = value, fields["id"] == nil {
            fields["id"] = .string(record.recordID)
            value = .object(fields)
        }
        return Change(entity: Record.entity, entityID: record.recordID, field: Op.wholeRecord, value: value)
    }

    /// Creates a record of a kind whose domain value has no id of its own
    /// (a consent override, a lead change), under `id`.
    public static func create<Record: Encodable>(_ record: Record, as entity: EntityKind, id: String) throws -> Change {
        guard case .object(var fields) = try RecordCoding.jsonObject(record) else {
            throw StoreError.invalidChange("a \(entity) must encode as an object")
        }
        fields["id"] = .string(id)
        return Change(entity: entity, entityID: id, field: Op.wholeRecord, value: .object(fields))
    }

    /// The field changes that turn `old` into `new` (same record), one per
    /// column that differs; a column `new` no longer has is set to null.
    public static func changes<Record: StoredRecord>(from old: Record, to new: Record) throws -> [Change] {
        guard case .object(let before) = try RecordCoding.jsonObject(old),
            case .object(let after) = try RecordCoding.jsonObject(new)
        else { return [] }
        return Set(before.keys).union(after.keys).sorted().compactMap { column in
            let value = after[column] ?? .null
            guard value != (before[column] ?? .null) else { return nil }
            return Change(entity: Record.entity, entityID: new.recordID, field: column, value: value)
        }
    }

    /// Sets one field of an existing record.
    public static func set<Record: StoredRecord>(
        _ type: Record.Type, id: String, _ field: String, to value: JSONValue
    ) -> Change {
        Change(entity: Record.entity, entityID: id, field: field, value: value)
    }
}

/// A domain value that the op log can write: it names its entity kind and id.
public protocol StoredRecord: Codable, Sendable {
    static var entity: EntityKind { get }
    var recordID: String { get }
}

/// Turns records into the JSON objects ops carry, with column names as
/// keys and dates as ISO 8601 UTC text.
enum RecordCoding {
    static func jsonObject<Record: Encodable>(_ record: Record) throws -> JSONValue {
        try JSONValueEncoder().encode(record)
    }

    /// The same by way of JSON text: what `jsonObject` must equal (tested).
    static func jsonObjectThroughText<Record: Encodable>(_ record: Record) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .custom { keys in
            NamedKey(ColumnNaming.column(forProperty: keys.last!.stringValue))
        }
        return try JSONDecoder().decode(JSONValue.self, from: try encoder.encode(record))
    }
}

extension Change {
    /// Refuses a value whose text holds a control character other than a
    /// tab or a new line, naming the field.
    func requirePlainText() throws {
        func check(_ value: JSONValue, _ field: String) throws {
            switch value {
            case .string(let text):
                if let control = PlainText.firstControl(in: text) {
                    let code = String(control.value, radix: 16, uppercase: true)
                    throw StoreError.invalidChange(
                        "the \(field.replacingOccurrences(of: "_", with: " ")) holds a control character "
                            + "(U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code)); type plain text")
                }
            case .array(let items): for item in items { try check(item, field) }
            case .object(let fields): for (name, item) in fields { try check(item, name) }
            default: break
            }
        }
        try check(value, field)
    }
}
