import GRDB
import GRDBSQLite

/// Rows for one INSERT, sent a hundred to a statement: each statement has
/// its own fixed cost, and a merge brings tens of thousands of rows. A
/// shorter run at the end goes one row a statement (through the text every
/// single insert shares, so no statement is prepared for each length).
///
/// The rows are bound and stepped through SQLite's C API on GRDB's cached
/// statements: GRDB's arguments (a `StatementArguments` made, checked and
/// bound value by value) were a seventh of a generated place's profile.
/// What this passes by in GRDB is only its bookkeeping for transaction
/// observers (Thistle has none) and for statements that open or close a
/// transaction, of no use to an INSERT inside the write's own; SQL tracing
/// still sees every statement.
struct RowBatch {
    static let rowsAStatement = 100
    /// The INSERT of one row, and of a hundred.
    private let oneRow: String
    private let fullBatch: String
    private var values: [DatabaseValue] = []
    private var count = 0

    init(oneRow: String, fullBatch: String) {
        self.oneRow = oneRow
        self.fullBatch = fullBatch
    }

    /// `INSERT INTO table (columns) VALUES (?, …)[, (?, …)…]` for `rows` rows.
    static func insertSQL(into table: String, columns: [String], rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        return "INSERT INTO \(table) (\(columns.map(\.quotedDatabaseIdentifier).joined(separator: ", "))) VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    mutating func add(_ row: [DatabaseValue], in db: Database) throws {
        values += row
        count += 1
        if count == Self.rowsAStatement { try flush(in: db) }
    }

    mutating func flush(in db: Database) throws {
        guard count > 0 else { return }
        if count == Self.rowsAStatement {
            try Self.execute(db.cachedStatement(sql: fullBatch), binding: values[...], in: db)
        } else {
            let statement = try db.cachedStatement(sql: oneRow)
            let width = values.count / count
            for start in stride(from: 0, to: values.count, by: width) {
                try Self.execute(statement, binding: values[start..<start + width], in: db)
            }
        }
        values.removeAll(keepingCapacity: true)
        count = 0
    }

    /// Binds `values` to `statement`'s parameters in order and runs it once:
    /// every row the write path and a merge insert goes through here.
    static func execute(_ statement: Statement, binding values: ArraySlice<DatabaseValue>, in db: Database) throws {
        let handle = statement.sqliteStatement
        precondition(Int(sqlite3_bind_parameter_count(handle)) == values.count, "a row batch binds every parameter")
        sqlite3_reset(handle)
        // The bound copies are freed once it has run.
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value.storage {
            case .null:
                code = sqlite3_bind_null(handle, index)
            case .int64(let integer):
                code = sqlite3_bind_int64(handle, index, integer)
            case .double(let double):
                code = sqlite3_bind_double(handle, index, double)
            case .string(let text) where text.isEmpty:
                // (An empty text's buffer may have no address, and a NULL address binds NULL.)
                code = sqlite3_bind_text(handle, index, "", 0, transient)
            case .string(var text):
                code = text.withUTF8 { utf8 in
                    utf8.withMemoryRebound(to: CChar.self) { sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), transient) }
                }
            case .blob(let data):
                code = data.isEmpty
                    ? sqlite3_bind_zeroblob(handle, index, 0)
                    : data.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), transient) }
            }
            guard code == SQLITE_OK else { throw failure(code, statement, db) }
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw failure(code, statement, db) }
    }

    /// SQLite's error, as GRDB would have thrown it.
    private static func failure(_ code: Int32, _ statement: Statement, _ db: Database) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
    }

    /// `SQLITE_TRANSIENT`: SQLite copies the value before the bind returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
