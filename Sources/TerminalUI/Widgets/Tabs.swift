/// A row of numbered tabs, "1 Home  2 Directory", the selected one highlighted.
public struct Tabs: Equatable, Sendable {
    public var titles: [String]
    /// Index of the current tab.
    public var selected: Int
    /// Whether each title is prefixed with the digit that selects it.
    public var numbered: Bool
    public var selectedStyle: Style

    /// Tabs with `titles`, `selected` highlighted.
    public init(titles: [String], selected: Int, numbered: Bool = true,
                selectedStyle: Style = Style(bold: true, reverse: true)) {
        self.titles = titles
        self.selected = selected
        self.numbered = numbered
        self.selectedStyle = selectedStyle
    }

    /// The text of tab `index` as drawn, padded by a space each side.
    public func label(_ index: Int) -> String {
        " " + (numbered ? "\(index + 1) " : "") + titles[index] + " "
    }

    /// Draws the tabs on the first row of `rect`; tabs that do not fit are cut.
    public func draw(into canvas: inout Canvas, rect: Rect) {
        let line = rect.row(0)
        canvas.fill(line)
        var x = line.x
        for index in titles.indices where x < line.maxX {
            let style = index == selected ? selectedStyle : .plain
            x += canvas.put(truncate(label(index), toWidth: line.maxX - x), at: x, line.y, style: style,
                            maxWidth: line.maxX - x)
        }
    }
}
