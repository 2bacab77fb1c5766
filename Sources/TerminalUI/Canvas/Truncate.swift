/// `text` cut to at most `width` cells. Never splits a grapheme cluster; a
/// wide character that does not fit is dropped whole. With `ellipsis`, a cut
/// string ends in "…" (one cell) so the reader knows there is more.
public func truncate(_ text: String, toWidth width: Int, ellipsis: Bool = true) -> String {
    guard width > 0 else { return "" }
    if displayWidth(of: text) <= width { return text }
    let budget = ellipsis ? width - 1 : width
    var kept = ""
    var used = 0
    for character in text {
        let w = displayWidth(of: character)
        if used + w > budget { break }
        kept.append(character)
        used += w
    }
    return ellipsis ? kept + "…" : kept
}

/// `text` padded with spaces on the left to `width` cells (truncated first if wider).
func rightAligned(_ text: String, width: Int) -> String {
    let cut = truncate(text, toWidth: width)
    return String(repeating: " ", count: max(0, width - displayWidth(of: cut))) + cut
}
