import GRDB
import PlaceDomain

/// A delete and an update made on devices that had not seen each other
/// conflict: neither wins silently. A delete op (the whole record set to
/// null) names, in `resolves`, every op of the record its device held, so
/// any other op of the record is one it never saw. While such a delete is
/// *contested*, the record stays (nothing is lost) and the conflict lists
/// the deletion beside the record as it now stands, until a person deletes
/// it again (an op naming everything) or keeps it (a whole-record op naming
/// the conflict's ops, which *overrules* the delete). Like the rest of a
/// merge this reads the op set alone, so a rebuild gives the same tables.
extension PlaceStore {
    /// What the deletes among one record's ops come to.
    struct DeleteVerdicts {
        /// Deletes a replay skips: contested, overruled by a keep, or carried by a later delete.
        var skipped: Set<String> = []
        /// Each contested delete with the newest op it never saw.
        var contested: [(delete: Op, unseen: Op)] = []
    }

    /// Judges the deletes among `ops`, all of one record.
    static func deleteVerdicts(_ ops: [Op]) -> DeleteVerdicts {
        var verdicts = DeleteVerdicts()
        // In log order, never in the order this device happened to receive them.
        let ordered = ops.sorted { ($0.hlc, $0.deviceID.rawValue, $0.id) < ($1.hlc, $1.deviceID.rawValue, $1.id) }
        let deletes = ordered.filter(\.isDelete)
        guard !deletes.isEmpty else { return verdicts }
        for delete in deletes {
            // A keep that named this delete overrules it; a later delete that
            // named it carries it (and stands or is contested in its place).
            if ops.contains(where: { $0.id != delete.id && $0.resolvedIDs.contains(delete.id) }) {
                verdicts.skipped.insert(delete.id)
                continue
            }
            let seen = delete.resolvedIDs
            if let unseen = ordered.last(where: { $0.id != delete.id && !$0.isDelete && !seen.contains($0.id) }) {
                verdicts.skipped.insert(delete.id)
                verdicts.contested.append((delete, unseen))
            }
        }
        return verdicts
    }

    /// The ops of every record (all, or among `records`) that has a delete, by record.
    static func opsOfDeletedRecords(_ db: Database, in records: Set<RecordKey>? = nil) throws -> [RecordKey: [Op]] {
        var found: [RecordKey: [Op]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT DISTINCT entity, entity_id FROM op WHERE field = '*' AND value = 'null'") {
            let key = RecordKey(entity: row[0], id: row[1])
            guard records?.contains(key) ?? true else { continue }
            found[key] = try Op.fetchAll(db, sql: "SELECT * FROM op WHERE entity = ? AND entity_id = ?",
                                         arguments: [key.entity, key.id])
        }
        return found
    }

    /// Records (all, or `records`) with a contested delete, as conflicts on
    /// the whole record (`*`): the deletion, and the record as it stands.
    static func deleteConflicts(_ db: Database, in records: Set<RecordKey>? = nil) throws -> [Conflict] {
        try opsOfDeletedRecords(db, in: records).sorted { ($0.key.entity, $0.key.id) < ($1.key.entity, $1.key.id) }
            .compactMap { key, ops -> Conflict? in
                guard let contested = deleteVerdicts(ops).contested.first, let kind = EntityKind.named(key.entity) else {
                    return nil
                }
                let row = try Row.fetchOne(db, sql: "SELECT * FROM \(kind.table.quotedDatabaseIdentifier) WHERE id = ?",
                                           arguments: [key.id])
                var kept: [String: JSONValue] = [:]
                for (column, value) in row ?? Row() { kept[column] = JSONValue(value) }
                let value = { (op: Op, value: JSONValue) in
                    Conflict.Value(opID: op.id, value: value, author: op.authorID, device: op.deviceID, at: op.hlc)
                }
                return Conflict(id: "\(key.entity)/\(key.id)/*", entity: key.entity, entityID: key.id, field: Op.wholeRecord,
                                values: [value(contested.delete, .null), value(contested.unseen, .object(kept))])
            }
    }

    /// Every op id of a record: what a delete written now has seen.
    static func opIDs(of entity: String, _ id: String, in db: Database) throws -> String {
        JSONValue.array(try String.fetchAll(db, sql: "SELECT id FROM op WHERE entity = ? AND entity_id = ? ORDER BY id",
                                            arguments: [entity, id]).map { .string($0) }).jsonText
    }
}

extension Op {
    /// Whether this op deletes its record.
    var isDelete: Bool { field == Op.wholeRecord && value == "null" }

    /// The ops this one names in `resolves`.
    var resolvedIDs: Set<String> { Op.ids(inResolves: resolves) }

    /// The op ids a `resolves` list (JSON text) names.
    static func ids(inResolves resolves: String?) -> Set<String> {
        guard let resolves, case .array(let ids)? = JSONValue(jsonText: resolves) else { return [] }
        return Set(ids.compactMap(\.stringValue))
    }
}

extension JSONValue {
    /// A column's value as JSON (arrays and objects stay the JSON text they are stored as).
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let number): self = .int(number)
        case .double(let number): self = .double(number)
        case .string(let text): self = .string(text)
        case .blob(let data): self = .string(data.base64EncodedString())
        }
    }
}
