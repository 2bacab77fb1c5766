/// Splits `text` into lines of at most `width` cells, breaking between words.
/// Newlines in the text start new lines; a word wider than a whole line is
/// broken between grapheme clusters, never inside one.
public func wrap(_ text: String, toWidth width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = ""
        var lineWidth = 0
        for word in paragraph.split(separator: " ") {
            var word = String(word)
            var wordWidth = displayWidth(of: word)
            if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            while wordWidth > width {
                let head = truncate(word, toWidth: width, ellipsis: false)
                guard !head.isEmpty else { break }  // a wide character in a one-cell line
                lines.append(head)
                word.removeFirst(head.count)
                wordWidth = displayWidth(of: word)
            }
            if wordWidth > width { continue }
            line = word
            lineWidth = wordWidth
        }
        lines.append(line)
    }
    return lines
}
