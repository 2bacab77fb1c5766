/// The key hints at the bottom of a screen, `↑↓ move  Enter open  q quit`.
/// Hints that do not fit are left out whole, never cut in half.
public struct Footer: Equatable, Sendable {
    /// One hint: the key as shown and what it does.
    public struct Hint: Hashable, Sendable {
        public var key: String
        public var label: String

        /// A hint.
        public init(key: String, label: String) {
            self.key = key
            self.label = label
        }

        /// "Enter open", or just the key when there is no label.
        public var text: String { label.isEmpty ? key : key + " " + label }
    }

    public var hints: [Hint]
    public var keyStyle: Style
    public var labelStyle: Style

    /// A footer from (key, label) pairs in the order shown.
    public init(hints: [(key: String, label: String)], keyStyle: Style = .bold, labelStyle: Style = .plain) {
        self.hints = hints.map { Hint(key: $0.key, label: $0.label) }
        self.keyStyle = keyStyle
        self.labelStyle = labelStyle
    }

    /// The hints that fit in `width` cells, separated by two spaces.
    public func fitting(width: Int) -> [Hint] {
        var shown: [Hint] = []
        var used = 0
        for hint in hints {
            let needed = displayWidth(of: hint.text) + (shown.isEmpty ? 0 : 2)
            guard used + needed <= width else { break }
            shown.append(hint)
            used += needed
        }
        return shown
    }

    /// The footer as plain text for `width` cells.
    public func text(width: Int) -> String { fitting(width: width).map(\.text).joined(separator: "  ") }

    /// Draws on the first row of `rect`.
    public func draw(into canvas: inout Canvas, rect: Rect) {
        let line = rect.row(0)
        canvas.fill(line)
        var x = line.x
        for (index, hint) in fitting(width: line.width).enumerated() {
            if index > 0 { x += canvas.put("  ", at: x, line.y) }
            x += canvas.put(hint.key, at: x, line.y, style: keyStyle)
            if !hint.label.isEmpty {
                x += canvas.put(" " + hint.label, at: x, line.y, style: labelStyle)
            }
        }
    }
}
