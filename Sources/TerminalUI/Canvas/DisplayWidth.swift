/// How many terminal cells `character` takes: 0, 1 or 2.
///
/// Pure Swift so that every backend, and every test, measures the same way:
/// C0/C1 controls and lone combining or format marks take 0; East Asian
/// Wide/Fullwidth characters and emoji shown as pictures (emoji presentation,
/// an emoji with U+FE0F, ZWJ sequences, flags) take 2; everything else 1.
public func displayWidth(of character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if isControl(first) { return 0 }
    if scalars.count > 1, isWidePictureSequence(scalars) { return 2 }
    if first.properties.isEmojiPresentation || isEastAsianWide(first) { return 2 }
    switch first.properties.generalCategory {
    case .nonspacingMark, .enclosingMark:
        return 0
    case .format:
        // The soft hyphen is the one format character terminals draw.
        return first.value == 0xAD ? 1 : 0
    default:
        return 1
    }
}

/// How many terminal cells `text` takes: the sum over its grapheme clusters.
public func displayWidth(of text: some StringProtocol) -> Int {
    var total = 0
    for character in text { total += displayWidth(of: character) }
    return total
}

/// C0 controls, DEL and C1 controls: never drawn, never sent to the terminal.
func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
}

/// Multi-scalar clusters that terminals draw as one wide picture: an emoji
/// forced to picture style by U+FE0F (including keycaps), ZWJ sequences of
/// emoji, and pairs of regional indicators (flags).
private func isWidePictureSequence(_ scalars: Character.UnicodeScalarView) -> Bool {
    var hasEmoji = false, hasPresentationSelector = false, hasJoiner = false
    var regionalIndicators = 0
    for scalar in scalars {
        switch scalar.value {
        case 0xFE0F: hasPresentationSelector = true
        case 0x200D: hasJoiner = true
        case 0x1F1E6...0x1F1FF: regionalIndicators += 1
        default: break
        }
        if scalar.properties.isEmoji { hasEmoji = true }
    }
    if regionalIndicators >= 2 { return true }
    guard let first = scalars.first, first.properties.isEmoji else { return false }
    return hasEmoji && (hasPresentationSelector || hasJoiner)
}
