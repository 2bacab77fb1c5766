import TerminalUI

/// The `?` help: generated from the binding tables in force, so it can
/// never disagree with what the keys do.
public struct HelpContent: Equatable, Sendable {
    public var screen: [KeyBinding]
    public var global: [KeyBinding]
    public var scrollTop = 0

    public static let bindings: [KeyBinding] = [
        KeyBinding([.escape, .character("?")], .back, label: "close", help: "Close help"),
        KeyBinding([.up, .down, .pageUp, .pageDown], .moveDown, label: "scroll", help: "Scroll the help"),
    ]

    /// Sections of (keys, description) rows.
    var sections: [(title: String, entries: [(key: String, description: String)])] {
        [
            ("This screen", screen.map { ($0.keyNames, $0.help) }),
            ("Everywhere", global.map { ($0.keyNames, $0.help) }),
        ]
    }

    /// The widget that draws it.
    var overlay: HelpOverlay {
        HelpOverlay(
            title: "Keys", sections: sections.map { HelpOverlay.Section(title: $0.title, entries: $0.entries) },
            scrollOffset: scrollTop)
    }

    /// Scrolls within what fits on a screen of `size`.
    mutating func scroll(_ key: Key, in size: Size) {
        let area = Rect(size: size)
        let step = max(1, overlay.visibleRows(in: area) - 1)
        switch key {
        case .up, .character("k"): scrollTop -= 1
        case .down, .character("j"): scrollTop += 1
        case .pageUp: scrollTop -= step
        case .pageDown: scrollTop += step
        case .home: scrollTop = 0
        case .end: scrollTop = overlay.maxScrollOffset(in: area)
        default: break
        }
        scrollTop = max(0, min(scrollTop, overlay.maxScrollOffset(in: area)))
    }
}
