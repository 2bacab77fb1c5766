import Crypto
import Foundation
import GRDB

/// How personal details are read: every connection gets, in its temp
/// schema, a view named like each table that holds sealed columns (temp
/// names come before main ones, so `SELECT * FROM resident` reads the
/// view) showing those columns opened with the keys the sign-in unlocked.
/// Every query, report and export reads through them; only the write path
/// names the tables themselves (`main.resident`). Nothing opened is ever
/// written back to the file.
///
/// A value that cannot be opened reads as `(locked)` before sign-in and
/// `(erased)` once its resident's key is destroyed (NULL where the column
/// may be empty).
enum RevealViews {
    /// Adds the SQL functions the views use. Run on every new connection.
    static func addFunctions(to db: Database, unlocked: Unlocked) {
        db.add(function: DatabaseFunction("thistle_key_owner", argumentCount: 1, pure: true) { values in
            guard let text = String.fromDatabaseValue(values[0]) else { return nil }
            return firstSealed(in: text).flatMap { sealed -> String? in
                if case .resident(let id) = sealed.owner { return id }
                return nil
            }
        })
        db.add(function: DatabaseFunction("thistle_reveal", argumentCount: 6, pure: false) { values in
            guard let stored = String.fromDatabaseValue(values[0]) else { return nil }
            return reveal(
                stored, wrapped: String.fromDatabaseValue(values[1]), table: String.fromDatabaseValue(values[2]) ?? "",
                row: String.fromDatabaseValue(values[3]) ?? "", field: String.fromDatabaseValue(values[4]) ?? "",
                notNull: Bool.fromDatabaseValue(values[5]) ?? true, unlocked: unlocked)
        })
    }

    /// Creates the views, once the schema is the current one (never under
    /// a migration, whose unqualified names must reach the tables).
    static func createViews(in db: Database) throws {
        // Only over a migrated schema (views over tables a migration will change would break it).
        // A few reads, not three a table: every connection of every process makes these views.
        guard try Migrations.areComplete(db) else { return }
        let made = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_temp_master WHERE type = 'view'"))
        let tables = SealedColumns.byTable.keys.filter { !made.contains($0) }.sorted()
        guard !tables.isEmpty else { return }
        let columns = Dictionary(grouping: try Row.fetchAll(
            db,
            sql: """
                SELECT t.value AS tbl, p.name, p."notnull" FROM json_each(?) t, pragma_table_info(t.value, 'main') p
                ORDER BY t.value, p.cid
                """, arguments: [JSONValue.array(tables.map(JSONValue.string)).jsonText]
        )) { $0["tbl"] as String }
        for table in tables {
            guard let rule = SealedColumns.byTable[table] else { continue }
            let list = (columns[table] ?? []).map { row -> String in
                let name: String = row["name"]
                let quoted = name.quotedDatabaseIdentifier
                guard rule.columns.contains(name) else { return "t.\(quoted)" }
                let notNull: Bool = row["notnull"]
                return """
                    thistle_reveal(t.\(quoted), (SELECT k.wrapped FROM main.sealing_key k WHERE k.id = thistle_key_owner(t.\(quoted))), \
                    '\(table)', t.id, '\(name)', \(notNull ? 1 : 0)) AS \(quoted)
                    """
            }
            try db.execute(sql: """
                CREATE TEMP VIEW \(table.quotedDatabaseIdentifier) AS
                SELECT \(list.joined(separator: ", ")) FROM main.\(table.quotedDatabaseIdentifier) t
                """)
        }
    }

    /// `stored` opened: as it is when it is not sealed; a JSON object with
    /// its sealed members opened; a placeholder (or nil for a column that
    /// may be empty) when it does not open.
    static func reveal(
        _ stored: String, wrapped: String?, table: String, row: String, field: String, notNull: Bool, unlocked: Unlocked
    ) -> String? {
        if let sealed = SealedValue(text: stored) {
            switch open(sealed, wrapped: wrapped, binding: SealedValue.binding(table: table, row: row, field: field),
                        unlocked: unlocked) {
            case .success(let plain): return plain
            case .failure(let placeholder): return notNull ? placeholder.rawValue : nil
            }
        }
        guard stored.hasPrefix("{"), stored.contains(SealedValue.prefix), case .object(var members)? = JSONValue(jsonText: stored)
        else { return stored }
        for (name, value) in members {
            guard case .string(let text) = value, let sealed = SealedValue(text: text) else { continue }
            switch open(sealed, wrapped: wrapped, binding: SealedValue.binding(table: table, row: row, field: field + "." + name),
                        unlocked: unlocked) {
            case .success(let plain): members[name] = .string(plain)
            case .failure: members[name] = .null
            }
        }
        return JSONValue.object(members).jsonText
    }

    enum Placeholder: String, Error {
        case locked = "(locked)", erased = "(erased)", unreadable = "(unreadable)"
    }

    /// Whether `text` is what a value that did not open reads as.
    static func isPlaceholder(_ text: String) -> Bool { Placeholder(rawValue: text) != nil }

    static func open(_ sealed: SealedValue, wrapped: String?, binding: Data, unlocked: Unlocked)
        -> Result<String, Placeholder>
    {
        guard let keyring = unlocked.keyring else { return .failure(.locked) }
        let key: SymmetricKey?
        switch sealed.owner {
        case .team(let generation):
            key = keyring.keys[generation]
        case .resident(let id):
            guard let wrapped else { return .failure(.erased) }
            key = unlocked.residentKey(id, wrapped: wrapped)
        }
        guard let key, let plain = sealed.open(with: key, binding: binding) else { return .failure(.unreadable) }
        return .success(plain)
    }

    /// The first sealed value in `text`, itself or a member of a JSON object.
    static func firstSealed(in text: String) -> SealedValue? {
        if let sealed = SealedValue(text: text) { return sealed }
        guard text.hasPrefix("{"), text.contains(SealedValue.prefix), case .object(let members)? = JSONValue(jsonText: text)
        else { return nil }
        for (_, value) in members.sorted(by: { $0.key < $1.key }) {
            if case .string(let member) = value, let sealed = SealedValue(text: member) { return sealed }
        }
        return nil
    }
}

extension PlaceStore {
    /// An op's value (one field, or a whole record) with its sealed columns
    /// opened: what conflicts show and compare (two laptops that set the
    /// same name agree, though each sealed it with its own nonce).
    func revealed(_ value: JSONValue, entity: String, row: String, field: String, in db: Database) throws -> JSONValue {
        guard let kind = EntityKind.named(entity), let rule = SealedColumns.byTable[kind.table] else { return value }
        func open(_ value: JSONValue, column: String) throws -> JSONValue {
            guard rule.columns.contains(column) else { return value }
            let text: String
            switch value {
            case .string(let string): text = string
            case .object: text = value.jsonText
            default: return value
            }
            guard let sealed = RevealViews.firstSealed(in: text) else { return value }
            var wrapped: String?
            if case .resident(let id) = sealed.owner {
                wrapped = try String.fetchOne(db, sql: "SELECT wrapped FROM main.sealing_key WHERE id = ?", arguments: [id])
            }
            let opened = RevealViews.reveal(text, wrapped: wrapped, table: kind.table, row: row, field: column,
                                            notNull: true, unlocked: unlocked)
            if case .object = value { return opened.flatMap { JSONValue(jsonText: $0) } ?? .null }
            return opened.map { .string($0) } ?? .null
        }
        if field == Op.wholeRecord, case .object(var fields) = value {
            for (column, member) in fields { fields[column] = try open(member, column: column) }
            return .object(fields)
        }
        return try open(value, column: field)
    }
}
