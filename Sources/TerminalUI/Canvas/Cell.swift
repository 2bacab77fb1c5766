/// One terminal cell: the grapheme drawn there and its style. The cell just
/// right of a wide character is a continuation: empty text, drawn by its lead.
public struct Cell: Hashable, Sendable {
    /// The grapheme cluster shown, " " when blank, "" for a continuation cell.
    public var text: String
    public var style: Style

    /// A cell showing `text` in `style`.
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// A blank cell.
    public static let blank = Cell(" ")

    /// Whether this is the right half of a wide character.
    public var isContinuation: Bool { text.isEmpty }

    /// Cells the grapheme covers: 2 for a wide character, 1 otherwise, 0 for a continuation.
    public var width: Int { isContinuation ? 0 : max(1, displayWidth(of: text)) }
}
