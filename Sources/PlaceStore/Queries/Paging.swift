import GRDB

/// Which page of a list to fetch. Lists page by their sort key (a name and
/// id, or the triage queue's urgency, age and id), never by offset, so a
/// page costs the same at row 10 and at row 100,000.
public enum PageRequest<Key: Hashable & Sendable>: Hashable, Sendable {
    case first(Int)
    case after(Key, Int)
    case before(Key, Int)
    case last(Int)

    /// Whether the page is read from its key backward (`.before`, `.last`).
    var isBackward: Bool {
        switch self {
        case .first, .after: return false
        case .before, .last: return true
        }
    }

    var limit: Int {
        switch self {
        case .first(let n), .after(_, let n), .before(_, let n), .last(let n): return max(1, n)
        }
    }
}

/// The sort key of a row in a list sorted by name.
public struct NameKey: Hashable, Sendable {
    public var name: String
    public var id: String
    public init(name: String, id: String) {
        self.name = name
        self.id = id
    }
}

/// One page of rows, and whether there are more beyond it in the
/// direction it was fetched.
public struct Page<Row: Sendable>: Sendable {
    public var rows: [Row]
    public var hasMore: Bool
    public init(rows: [Row], hasMore: Bool) {
        self.rows = rows
        self.hasMore = hasMore
    }
}

extension Page: Equatable where Row: Equatable {}

extension PlaceStore {
    /// A page of `Record`s sorted by (name, id), restricted by `condition`
    /// (SQL over the table aliased `t`).
    func pageByName<Record: ThistleRecord>(
        _ type: Record.Type, where condition: String = "1", arguments: StatementArguments = [],
        _ request: PageRequest<NameKey>
    ) throws -> Page<Record> {
        let table = Record.databaseTableName.quotedDatabaseIdentifier
        var sql = "SELECT t.* FROM \(table) t WHERE (\(condition))"
        var allArguments = arguments
        switch request {
        case .first, .last:
            break
        case .after(let key, _), .before(let key, _):
            sql += " AND (t.name, t.id) \(request.isBackward ? "<" : ">") (?, ?)"
            _ = allArguments.append(contentsOf: [key.name, key.id])
        }
        let order = request.isBackward ? "DESC" : "ASC"
        sql += " ORDER BY t.name \(order), t.id \(order) LIMIT \(request.limit + 1)"
        let finalSQL = sql
        let finalArguments = allArguments
        var rows = try writer.read { try Record.fetchAll($0, sql: finalSQL, arguments: finalArguments) }
        let hasMore = rows.count > request.limit
        if hasMore { rows.removeLast() }
        if request.isBackward { rows.reverse() }
        return Page(rows: rows, hasMore: hasMore)
    }
}
