/// One of the eight colours every colour terminal has; `nil` where a colour
/// is expected means the terminal's own default.
public enum Color: Hashable, Sendable, CaseIterable {
    case black, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn: colours and attributes. Monochrome terminals and
/// `NO_COLOR` keep the attributes and drop the colours.
public struct Style: Hashable, Sendable {
    public var foreground: Color?
    public var background: Color?
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    /// A style; everything off and the terminal's colours unless given.
    public init(foreground: Color? = nil, background: Color? = nil,
                bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    /// The terminal's default look.
    public static let plain = Style()
    /// Bold text.
    public static let bold = Style(bold: true)
    /// Reverse video: how a selected row is shown.
    public static let reverse = Style(reverse: true)
    /// Dimmed text, for what matters less.
    public static let dim = Style(dim: true)
    /// Underlined text.
    public static let underline = Style(underline: true)

    /// This style with `overlay` on top: its colours win where set, its attributes are added.
    public func merged(with overlay: Style) -> Style {
        Style(foreground: overlay.foreground ?? foreground, background: overlay.background ?? background,
              bold: bold || overlay.bold, reverse: reverse || overlay.reverse,
              underline: underline || overlay.underline, dim: dim || overlay.dim)
    }
}

/// A piece of text in one style; a row of spans is a styled line.
public struct Span: Hashable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var style: Style

    /// Text drawn in `style`.
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// Plain text from a literal.
    public init(stringLiteral value: String) { self.init(value) }
}
