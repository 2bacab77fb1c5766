import GRDB
import Synchronization

/// Applies ops to the tables. The tables are nothing but the result of
/// applying the op log in order, which is what lets a rebuild (and later a
/// merge) recompute them from the log alone.
enum Materializer {
    /// Applies an op whose value is already parsed (the write path has it).
    ///
    /// Replaying (`replaying`: a merge rebuilding a record from its ops) a
    /// create replaces a concurrent create of the same id, and a field op on
    /// a record a concurrent op deleted is skipped: the op stays in the log.
    /// `absent`: no op of the record was held, so it has no row to replace.
    static func apply(_ op: Op, value: JSONValue, replaying: Bool = false, absent: Bool = false, in db: Database) throws {
        guard let kind = EntityKind.named(op.entity) else {
            throw StoreError.invalidChange("unknown kind of record '\(op.entity)'")
        }
        let table = kind.mainTable
        if op.field == Op.wholeRecord {
            switch value {
            case .object(let fields):
                try insert(kind, id: op.entityID, fields: fields, replacing: replaying && !absent, in: db)
            case .null:
                try db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [op.entityID])
            default:
                throw StoreError.invalidChange("a whole \(kind) must be an object")
            }
        } else {
            guard op.field != "id", kind.columns.contains(op.field) else {
                throw StoreError.invalidChange("\(kind) has no field '\(op.field)'")
            }
            try db.cachedStatement(sql: "UPDATE \(table) SET \(op.field.quotedDatabaseIdentifier) = ? WHERE id = ?")
                .execute(arguments: [value.databaseValue, op.entityID])
            guard db.changesCount == 1 || replaying else {
                throw StoreError.invalidChange("there is no \(kind) \(op.entityID)")
            }
        }
    }

    private static func insert(
        _ kind: EntityKind, id: String, fields: [String: JSONValue], replacing: Bool, in db: Database
    ) throws {
        let (present, values) = try row(kind, id: id, fields: fields)
        if replacing {
            // A delete and an insert rather than INSERT OR REPLACE, whose implicit delete fires no
            // trigger: the dashboard's tallies (Tallies) must hear of the row it replaces.
            // Replaying runs with foreign keys deferred, so the gap breaks none.
            try db.cachedStatement(sql: "DELETE FROM \(kind.mainTable) WHERE id = ?").execute(arguments: [id])
        }
        try RowBatch.execute(db.cachedStatement(sql: insertSQL(kind, present)), binding: values[...], in: db)
    }

    /// A whole record's values in its kind's column order, and which columns
    /// it has as a bit set (the key of its INSERT's text); refused if its id
    /// is not `id` or it has a field the kind lacks.
    ///
    /// A column in `nullWhenAbsent` the record lacks is given NULL, which
    /// is what leaving it out gives a column with no default.
    private static func row(
        _ kind: EntityKind, id: String, fields: [String: JSONValue], nullWhenAbsent: UInt64 = 0
    ) throws -> (present: UInt64, values: [DatabaseValue]) {
        guard fields["id"] == .string(id) else {
            throw StoreError.invalidChange("the \(kind) record's id does not match \(id)")
        }
        precondition(kind.columns.count <= UInt64.bitWidth, "a kind of record has at most 64 columns")
        var present: UInt64 = 0
        var values: [DatabaseValue] = []
        values.reserveCapacity(kind.columns.count)
        var found = 0
        for (index, column) in kind.columns.enumerated() {
            let bit: UInt64 = 1 << UInt64(index)
            if let value = fields[column] {
                found += 1
                values.append(value.databaseValue)
            } else if nullWhenAbsent & bit != 0 {
                values.append(.null)
            } else {
                continue
            }
            present |= bit
        }
        guard found == fields.count else {
            let unknown = fields.keys.filter { !kind.columns.contains($0) }.sorted()
            throw StoreError.invalidChange("\(kind) has no field '\(unknown[0])'")
        }
        return (present, values)
    }

    /// Records new to the store (a write's new records; a merge's records no
    /// op of which was held, each arriving whole in one op), inserted a
    /// hundred rows a statement (`RowBatch`) while they come in runs of one
    /// kind with the same columns. `flush` before anything else touches the tables.
    ///
    /// Records of one kind often differ in which optional fields they have
    /// (a closed case has its closing, an open one not): a column with no
    /// default that a record lacks is given NULL, the same row, so that
    /// such records still make one run.
    struct NewRecords {
        private var run: (kind: String, present: UInt64, batch: RowBatch)?
        /// Each kind's columns with no default, as `withoutDefault` found them.
        private var withoutDefault: [String: UInt64] = [:]

        init() {}

        mutating func add(_ kind: EntityKind, id: String, fields: [String: JSONValue], in db: Database) throws {
            let nullWhenAbsent = try withoutDefault[kind.name] ?? Materializer.withoutDefault(kind, in: db)
            withoutDefault[kind.name] = nullWhenAbsent
            let (present, values) = try Materializer.row(kind, id: id, fields: fields, nullWhenAbsent: nullWhenAbsent)
            if run?.kind != kind.name || run?.present != present {
                try flush(in: db)
                run = (kind.name, present, RowBatch(oneRow: insertSQL(kind, present),
                                                    fullBatch: insertSQL(kind, present, rows: RowBatch.rowsAStatement)))
            }
            try run!.batch.add(values, in: db)
        }

        mutating func flush(in db: Database) throws {
            try run?.batch.flush(in: db)
        }

        /// Whether the run being gathered is of `kind`.
        func isGathering(_ kind: EntityKind) -> Bool {
            run?.kind == kind.name
        }
    }

    /// The columns of `kind` that have no default in its table (as a bit
    /// set in its column order), from the schema GRDB keeps for the connection.
    private static func withoutDefault(_ kind: EntityKind, in db: Database) throws -> UInt64 {
        let noDefault = Set(try db.columns(in: kind.table, in: "main").filter { $0.defaultValueSQL == nil }.map(\.name))
        var mask: UInt64 = 0
        for (index, column) in kind.columns.enumerated() where noDefault.contains(column) { mask |= 1 << UInt64(index) }
        return mask
    }

    /// The INSERT of `rows` rows of a kind with the present columns, made
    /// once for each kind, set of columns and number of rows.
    private static func insertSQL(_ kind: EntityKind, _ present: UInt64, rows: Int = 1) -> String {
        let key = InsertKey(kind: kind.name, present: present, rows: rows)
        if let known = insertTexts.withLock({ $0[key] }) { return known }
        let columns = kind.columns.indices.filter { present & (1 << UInt64($0)) != 0 }.map { kind.columns[$0] }
        let text = RowBatch.insertSQL(into: kind.mainTable, columns: columns, rows: rows)
        insertTexts.withLock { $0[key] = text }
        return text
    }

    private struct InsertKey: Hashable {
        let kind: String
        let present: UInt64
        let rows: Int
    }

    private static let insertTexts = Mutex<[InsertKey: String]>([:])
}
