import GRDB

/// Rows for one INSERT, sent a hundred to a statement: each statement has
/// its own fixed cost, and a merge brings tens of thousands of rows. A
/// shorter run at the end goes one row a statement (through the text every
/// single insert shares, so no statement is prepared for each length).
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
            try db.cachedStatement(sql: fullBatch).execute(arguments: StatementArguments(converted: values))
        } else {
            let width = values.count / count
            for start in stride(from: 0, to: values.count, by: width) {
                try db.cachedStatement(sql: oneRow).execute(arguments: StatementArguments(converted: Array(values[start..<start + width])))
            }
        }
        values.removeAll(keepingCapacity: true)
        count = 0
    }
}

extension StatementArguments {
    /// Positional arguments from values already converted. GRDB's generic
    /// initialiser for a sequence of values builds a key path at every call,
    /// a tenth of the write path's time; each value cast to the existential
    /// takes its other initialiser, which does not.
    init(converted values: [DatabaseValue]) {
        self.init(values.lazy.map { $0 as (any DatabaseValueConvertible)? })
    }
}
