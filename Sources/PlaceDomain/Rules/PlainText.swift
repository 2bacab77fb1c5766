/// Text as Thistle keeps it: what a person typed, never a control character
/// that would move a colleague's cursor, recolour their terminal or hide a
/// line (escape sequences, carriage returns, bells). Tabs and new lines are
/// kept: notes have paragraphs.
public enum PlainText {
    /// The first character of `text` that is not kept, if any.
    public static func firstControl(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { $0 != "\t" && $0 != "\n" && isControl($0) }
    }

    /// Unicode's control characters (general category Cc): U+0000–U+001F and
    /// U+007F–U+009F, a set Unicode's stability policy never changes. By
    /// value, not through the general-category table: every string of every
    /// write is checked, and the table's lookup was a twentieth of generating
    /// a place.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}

extension String {
    /// Text given by someone else (typed, or read from a file), as a refusal
    /// quotes it: on one line and at most 64 characters, whatever it holds.
    public var shownInRefusal: String { oneLine(wordLimit: 64, limit: 64) }
}

extension String {
    /// A message quoting text given by someone else, as it is shown: on one
    /// line, any word over `wordLimit` characters cut short, and at most
    /// `limit` characters.
    public func oneLine(wordLimit: Int = 160, limit: Int = 500) -> String {
        func cut(_ text: Substring, to limit: Int) -> String { text.count > limit ? text.prefix(limit - 1) + "…" : String(text) }
        let line = String(unicodeScalars.map { PlainText.isControl($0) ? " " : Character($0) })
        return cut(Substring(line.split(separator: " ", omittingEmptySubsequences: false).map { cut($0, to: wordLimit) }
            .joined(separator: " ")), to: limit)
    }
}

/// A UK postcode as typed at the door: letters, digits and spaces, at most
/// ten characters. It is kept as typed (trimmed); no postcode is allowed.
public enum Postcode {
    public static let maximumLength = 10

    /// The postcode trimmed, or nil when blank; refused when it cannot be one.
    public static func validate(_ text: String) throws -> String? {
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { return nil }
        guard trimmed.count <= maximumLength,
            trimmed.unicodeScalars.allSatisfy({ ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == " " })
        else { throw CaseRuleViolation.invalidPostcode(trimmed) }
        return trimmed
    }
}
