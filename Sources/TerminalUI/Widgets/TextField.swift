/// A one-line text input: its text and cursor are plain state the screen
/// keeps; `handle` edits them, `draw` shows them.
public struct TextField: Equatable, Sendable {
    public private(set) var text: String
    /// Cursor position in grapheme clusters (Characters), 0...count.
    public private(set) var cursor: Int
    /// `text.count`, kept as the text changes (counting a long note at every key would be slow).
    public private(set) var count: Int
    /// The most characters the field takes; a character typed beyond it is
    /// not inserted (nil: no limit).
    public var limit: Int?

    /// A field holding `text`, the cursor at the end unless given.
    public init(text: String = "", cursor: Int? = nil, limit: Int? = nil) {
        self.text = text
        count = text.count
        self.cursor = min(max(0, cursor ?? count), count)
        self.limit = limit
    }

    /// Applies an editing key; returns false for keys a field does not use
    /// (so the screen can act on them). Every printable character is text,
    /// including "q", "?" and digits.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            guard !character.unicodeScalars.contains(where: isControl) else { return false }
            if let limit, count >= limit { return true }
            insert(character)
        case .backspace:
            if cursor > 0 { remove(cursor - 1..<cursor) }
        case .delete:
            if cursor < count { remove(cursor..<cursor + 1) }
        case .left:
            cursor = max(0, cursor - 1)
        case .right:
            cursor = min(count, cursor + 1)
        case .home, .ctrl("a"):
            cursor = 0
        case .end, .ctrl("e"):
            cursor = count
        case .ctrl("u"):
            remove(0..<cursor)
        case .ctrl("k"):
            remove(cursor..<count)
        case .ctrl("w"):
            remove(wordStart(before: cursor)..<cursor)
        default:
            return false
        }
        return true
    }

    private mutating func insert(_ character: Character) {
        if cursor == count {
            // Typing (or a paste) at the end: a combining mark typed alone joins the character before it.
            text.append(character)
            if text.last == character { count += 1 }
            cursor = count
            return
        }
        let index = text.index(text.startIndex, offsetBy: cursor)
        let before = String(text[..<index]) + String(character)
        text = before + text[index...]
        // A combining mark typed alone joins the character before it, so the
        // cursor is counted again rather than just moved on by one.
        count = text.count
        cursor = min(before.count, count)
    }

    private mutating func remove(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let start = text.index(text.startIndex, offsetBy: range.lowerBound)
        let end = text.index(text.startIndex, offsetBy: range.upperBound)
        text.removeSubrange(start..<end)
        count = text.count
        cursor = range.lowerBound
    }

    /// Where Ctrl-W stops: the start of the word before `position`, spaces before it included.
    private func wordStart(before position: Int) -> Int {
        let characters = Array(text)
        var index = position
        while index > 0, characters[index - 1] == " " { index -= 1 }
        while index > 0, characters[index - 1] != " " { index -= 1 }
        return index
    }

    /// Draws the field on the first row of `rect`. When focused the cursor
    /// is a reverse cell, and text wider than the field scrolls so the
    /// cursor stays in view. An empty unfocused field shows `placeholder` dimmed.
    public func draw(into canvas: inout Canvas, rect: Rect, style: Style = .plain, focused: Bool = true,
                     placeholder: String = "") {
        let line = rect.row(0)
        canvas.fill(line, style: style)
        guard line.width > 0 else { return }
        if text.isEmpty, !focused, !placeholder.isEmpty {
            canvas.put(placeholder, at: line.x, line.y, style: style.merged(with: .dim), maxWidth: line.width)
            return
        }
        let characters = Array(text)
        let position = min(max(0, cursor), characters.count)
        let cursorWidth = position < characters.count ? max(1, displayWidth(of: characters[position])) : 1
        // The first character shown: as far left as lets the cursor cell fit.
        var first = 0
        var widthToCursor = characters[..<position].reduce(0) { $0 + displayWidth(of: $1) }
        while first < position, widthToCursor + (focused ? cursorWidth : 0) > line.width {
            widthToCursor -= displayWidth(of: characters[first])
            first += 1
        }
        var x = line.x
        for index in first..<characters.count {
            let used = canvas.put(String(characters[index]), at: x, line.y, style: style, maxWidth: line.maxX - x)
            if focused, index == position {
                canvas.restyle(Rect(x: x, y: line.y, width: max(1, used), height: 1)) { $0.merged(with: .reverse) }
            }
            x += used
            if x >= line.maxX { break }
        }
        if focused, position == characters.count, x < line.maxX {
            canvas.put(" ", at: x, line.y, style: style.merged(with: .reverse))
        }
    }
}
