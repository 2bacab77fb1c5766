import PlaceStore

/// A row of a keyset-paged list: it knows its own sort key.
public protocol ListRow: Equatable, Sendable {
    associatedtype Key: Hashable & Sendable
    var listKey: Key { get }
}

/// A window onto a long list that lives in SQLite. Only up to three pages
/// are held; moving past either end of the window asks for the next page
/// by key (never by offset), so the cost of a key press does not grow with
/// the list. Pure state: it returns the page it needs, the app fetches it.
public struct PagedList<Row: ListRow>: Equatable, Sendable {
    public private(set) var rows: [Row] = []
    /// Absolute index of `rows[0]` in the whole list.
    public private(set) var offset = 0
    /// Rows in the whole list (from the last count).
    public private(set) var total = 0
    public private(set) var hasMoreBefore = false
    public private(set) var hasMoreAfter = false
    /// Index into `rows` of the selected row.
    public private(set) var selection = 0
    /// Index into `rows` of the first visible row.
    public private(set) var top = 0
    /// Bumped whenever the list is reloaded, so late pages are ignored.
    public private(set) var generation = 0
    public private(set) var loaded = false
    private var pendingMove = 0
    let pageSize: Int

    public init(pageSize: Int = 100) { self.pageSize = max(1, pageSize) }

    public var selected: Row? { rows.indices.contains(selection) ? rows[selection] : nil }
    /// The 1-based position of the selection in the whole list.
    public var position: Int { rows.isEmpty ? 0 : offset + selection + 1 }

    /// Starts again from the first row (a new filter, say).
    public mutating func reload() -> PageRequest<Row.Key> {
        generation += 1
        pendingMove = 0
        return .first(pageSize)
    }

    /// Moves the selection; returns the page to fetch when it runs past the window.
    public mutating func move(by delta: Int, visibleRows: Int) -> PageRequest<Row.Key>? {
        let target = selection + delta
        defer { keepVisible(visibleRows) }
        if target >= rows.count, hasMoreAfter, let last = rows.last {
            pendingMove = target - (rows.count - 1)
            selection = rows.count - 1
            return .after(last.listKey, pageSize)
        }
        if target < 0, hasMoreBefore, let first = rows.first {
            pendingMove = target
            selection = 0
            return .before(first.listKey, pageSize)
        }
        selection = min(max(0, target), max(0, rows.count - 1))
        return nil
    }

    public mutating func moveToFirst(visibleRows: Int) -> PageRequest<Row.Key>? {
        if offset == 0 && !hasMoreBefore {
            selection = 0
            keepVisible(visibleRows)
            return nil
        }
        return .first(pageSize)
    }

    public mutating func moveToLast(visibleRows: Int) -> PageRequest<Row.Key>? {
        if !hasMoreAfter {
            selection = max(0, rows.count - 1)
            keepVisible(visibleRows)
            return nil
        }
        return .last(pageSize)
    }

    /// Takes a fetched page (ignored if it belongs to an older generation).
    public mutating func receive(
        _ page: Page<Row>, for request: PageRequest<Row.Key>, total: Int, generation: Int, visibleRows: Int
    ) {
        guard generation == self.generation else { return }
        self.total = total
        loaded = true
        switch request {
        case .first:
            rows = page.rows
            offset = 0
            hasMoreBefore = false
            hasMoreAfter = page.hasMore
            selection = 0
            top = 0
        case .last:
            rows = page.rows
            offset = max(0, total - rows.count)
            hasMoreBefore = page.hasMore
            hasMoreAfter = false
            selection = max(0, rows.count - 1)
            top = selection
        case .after:
            rows += page.rows
            hasMoreAfter = page.hasMore
            selection = min(rows.count - 1, selection + pendingMove)
            if rows.count > 3 * pageSize {
                let drop = rows.count - 3 * pageSize
                rows.removeFirst(drop)
                offset += drop
                selection -= drop
                top = max(0, top - drop)
                hasMoreBefore = true
            }
        case .before:
            rows = page.rows + rows
            offset = max(0, offset - page.rows.count)
            hasMoreBefore = page.hasMore
            selection = max(0, selection + page.rows.count + pendingMove)
            top += page.rows.count
            if rows.count > 3 * pageSize {
                rows.removeLast(rows.count - 3 * pageSize)
                hasMoreAfter = true
            }
        }
        pendingMove = 0
        keepVisible(visibleRows)
    }

    /// Scrolls so the selection is on screen.
    public mutating func keepVisible(_ visibleRows: Int) {
        let visible = max(1, visibleRows)
        if selection < top { top = selection }
        if selection >= top + visible { top = selection - visible + 1 }
        top = max(0, min(top, max(0, rows.count - visible)))
    }

    /// The rows on screen, and the index of the selection among them.
    public func visible(_ visibleRows: Int) -> (rows: ArraySlice<Row>, selection: Int) {
        let start = min(top, rows.count)
        let end = min(rows.count, start + max(0, visibleRows))
        return (rows[start..<end], selection - start)
    }
}

extension PagedList {
    /// Runs a list-movement command. Returns nil when `command` is not a
    /// movement, `.some(nil)` when it moved within the window, and
    /// `.some(request)` when a page must be fetched.
    mutating func perform(_ command: Command, _ visibleRows: Int) -> PageRequest<Row.Key>?? {
        switch command {
        case .moveUp: return .some(move(by: -1, visibleRows: visibleRows))
        case .moveDown: return .some(move(by: 1, visibleRows: visibleRows))
        case .pageUp: return .some(move(by: -max(1, visibleRows - 1), visibleRows: visibleRows))
        case .pageDown: return .some(move(by: max(1, visibleRows - 1), visibleRows: visibleRows))
        case .first: return .some(moveToFirst(visibleRows: visibleRows))
        case .last: return .some(moveToLast(visibleRows: visibleRows))
        default: return nil
        }
    }
}
