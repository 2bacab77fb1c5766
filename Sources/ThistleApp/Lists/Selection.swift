/// The selected row and the first visible row of a list held whole (the
/// place tree, a place's communities, its agencies).
public struct Selection: Equatable, Sendable {
    public private(set) var index = 0
    public private(set) var top = 0

    public init() {}

    /// Runs a movement command; false when `command` is not one.
    mutating func perform(_ command: Command, count: Int, visibleRows: Int) -> Bool {
        let step = max(1, visibleRows - 1)
        switch command {
        case .moveUp: index -= 1
        case .moveDown: index += 1
        case .pageUp: index -= step
        case .pageDown: index += step
        case .first: index = 0
        case .last: index = count - 1
        default: return false
        }
        fit(count: count, visibleRows: visibleRows)
        return true
    }

    /// Selects row `row` (clamped) and scrolls to it.
    mutating func select(_ row: Int, count: Int, visibleRows: Int) {
        index = row
        fit(count: count, visibleRows: visibleRows)
    }

    /// Keeps the selection within the list and on screen.
    mutating func fit(count: Int, visibleRows: Int) {
        index = min(max(0, index), max(0, count - 1))
        let visible = max(1, visibleRows)
        if index < top { top = index }
        if index >= top + visible { top = index - visible + 1 }
        top = max(0, min(top, max(0, count - visible)))
    }
}
