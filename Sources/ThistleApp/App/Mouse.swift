import TerminalUI

extension AppState {
    /// A click or the wheel, done as the keys would do it: the wheel moves
    /// three rows; a click on a tab or a footer hint runs its command; a
    /// click on a list row selects it, and on the selected row opens it.
    mutating func mouse(_ event: MouseEvent) -> [Effect] {
        guard lock == nil, !isTooSmall else { return [] }
        let wheel: Key? = switch event.kind {
        case .wheelUp: .up
        case .wheelDown: .down
        case .click: nil
        }
        if overlay != nil || stack.last?.isEditingText == true {
            // A box or a field has the keys: the wheel moves in it; a click does nothing there.
            guard let wheel else { return [] }
            return (0..<3).flatMap { _ in update(.key(wheel)) }
        }
        if let wheel {
            let command: Command = wheel == .up ? .moveUp : .moveDown
            return (0..<3).flatMap { _ in perform(command) }
        }
        let layout = Layout.split(size)
        if event.y == layout.tabs.y, member != nil {
            return tab(at: event.x - layout.tabs.x).map { perform(GlobalBindings.tabs[$0]) } ?? []
        }
        if event.y == layout.footer.y {
            let shown = bindings.filter(\.inFooter)
            let hints = Footer(hints: shown.map { ($0.keys[0].displayName, $0.label) }).fitting(width: layout.footer.width)
            var x = layout.footer.x
            for (index, hint) in hints.enumerated() {
                let width = displayWidth(of: hint.text)
                if (x..<x + width).contains(event.x) { return perform(shown[index].command) }
                x += width + 2
            }
            return []
        }
        guard let rows = stack.last?.visibleRows(layout.body, context) else { return [] }
        let row = event.y - rows.firstY
        guard (0..<rows.count).contains(row) else { return [] }
        if row == rows.selected { return perform(.open) }
        let command: Command = row > rows.selected ? .moveDown : .moveUp
        return (0..<abs(row - rows.selected)).flatMap { _ in perform(command) }
    }

    /// The top-level tab drawn at column `x`, if any.
    private func tab(at x: Int) -> Int? {
        let tabs = Tabs(titles: Self.tabTitles, selected: 0)
        var start = 0
        for index in tabs.titles.indices {
            let width = displayWidth(of: tabs.label(index))
            if (start..<start + width).contains(x) { return index }
            start += width
        }
        return nil
    }
}

extension Screen {
    /// Where a list screen's rows are drawn in `body`: the row of the first
    /// one shown, which of those shown is selected, and how many are shown.
    func visibleRows(_ body: Rect, _ context: ScreenContext) -> (firstY: Int, selected: Int, count: Int)? {
        // Each list has a line above its table, then the table's header.
        let firstY = body.y + 2, height = max(0, body.height - 2)
        switch self {
        case .home(let screen):
            guard let tree = context.overview?.tree else { return nil }
            let count = screen.rows(tree).count - screen.selection.top
            return (firstY, screen.selection.index - screen.selection.top, min(height, count))
        case .myCases(let screen):
            return screen.work.visibleRows(firstY: firstY, height: height)
        case .referralsIn(let screen):
            return screen.work.visibleRows(firstY: firstY, height: height)
        case .triageQueue(let screen):
            guard screen.list.loaded else { return nil }
            let (rows, selected) = screen.list.visible(max(1, height))
            return (firstY, selected, rows.count)
        default:
            return nil
        }
    }
}

extension WorkListState {
    func visibleRows(firstY: Int, height: Int) -> (firstY: Int, selected: Int, count: Int)? {
        guard let rows else { return nil }
        return (firstY, selection.index - selection.top, min(height, rows.count - selection.top))
    }
}
