/// A multi-line text input: a `TextField` per line, a cursor row, Enter to
/// break a line, Backspace at a line's start (Delete at its end) to join
/// two. Long lines scroll sideways at the cursor, as in nano; rows scroll to
/// keep the cursor in view. `limit` caps the characters, new lines counted.
public struct TextArea: Equatable, Sendable {
    public private(set) var lines: [TextField]
    /// The cursor's line; its column is that line's field's cursor.
    public private(set) var row: Int
    public var limit: Int?
    /// Characters in all, a new line counting one (kept as it edits).
    public private(set) var count: Int

    /// A text area holding `text`, the cursor at its end.
    public init(text: String = "", limit: Int? = nil) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { TextField(text: String($0)) }
        row = lines.count - 1
        self.limit = limit
        count = lines.reduce(lines.count - 1) { $0 + $1.count }
    }

    public var text: String { lines.map(\.text).joined(separator: "\n") }

    private var isFull: Bool { limit.map { count >= $0 } ?? false }

    /// Applies an editing key; false for keys a text area does not use.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .enter:
            guard !isFull else { return true }
            let characters = Array(lines[row].text)
            let cursor = lines[row].cursor
            lines[row] = TextField(text: String(characters[..<cursor]))
            lines.insert(TextField(text: String(characters[cursor...]), cursor: 0), at: row + 1)
            row += 1
            count += 1
        case .backspace where lines[row].cursor == 0 && row > 0:
            join(row - 1)
        case .delete where lines[row].cursor == lines[row].count && row < lines.count - 1:
            join(row)
        case .up, .down:
            let target = key == .up ? row - 1 : row + 1
            guard lines.indices.contains(target) else { return true }
            lines[target] = TextField(text: lines[target].text, cursor: lines[row].cursor)
            row = target
        case .pageUp, .pageDown:
            let target = min(max(0, row + (key == .pageUp ? -10 : 10)), lines.count - 1)
            lines[target] = TextField(text: lines[target].text, cursor: lines[row].cursor)
            row = target
        case .character where isFull:
            return true
        default:
            let before = lines[row].count
            guard lines[row].handle(key) else { return false }
            count += lines[row].count - before
        }
        return true
    }

    /// Joins line `index + 1` onto line `index`, the cursor where they meet.
    private mutating func join(_ index: Int) {
        let meeting = lines[index].count
        lines[index] = TextField(text: lines[index].text + lines[index + 1].text, cursor: meeting)
        lines.remove(at: index + 1)
        row = index
        count -= 1
    }

    /// Draws the lines that fit, the cursor's line scrolled to show the cursor.
    public func draw(into canvas: inout Canvas, rect: Rect) {
        guard rect.width > 0, rect.height > 0 else { return }
        let top = max(0, row - rect.height + 1)
        for (offset, index) in lines.indices.dropFirst(top).prefix(rect.height).enumerated() {
            lines[index].draw(into: &canvas, rect: rect.row(offset), focused: index == row)
        }
    }
}
