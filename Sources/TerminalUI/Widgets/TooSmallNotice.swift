/// What the whole screen shows when the terminal is smaller than the layout
/// needs: "Terminal too small: need 80×24, have 60×20. Enlarge the window.",
/// centred and wrapped. Shorter wordings are used as the screen shrinks, down
/// to just "80×24", so it never overflows or crashes, even at 1×1 or 0×0.
public enum TooSmallNotice {
    /// The wordings, longest first; the first that fits unbroken is shown.
    public static func messages(needed: Size, actual: Size) -> [String] {
        [
            "Terminal too small: need \(needed), have \(actual). Enlarge the window.",
            "Too small: need \(needed), have \(actual)",
            "need \(needed), have \(actual)",
            "need \(needed)",
            "\(needed)",
        ]
    }

    /// Clears `canvas` and draws the notice centred in it.
    public static func draw(into canvas: inout Canvas, needed: Size, actual: Size) {
        let area = canvas.bounds
        canvas.fill(area)
        guard !area.isEmpty else { return }
        let candidates = messages(needed: needed, actual: actual)
        var lines = [truncate(candidates.last ?? "", toWidth: area.width)]
        for message in candidates {
            let fitsUnbroken = message.split(separator: " ").allSatisfy { displayWidth(of: $0) <= area.width }
            let wrapped = wrap(message, toWidth: area.width)
            if fitsUnbroken, wrapped.count <= area.height {
                lines = wrapped
                break
            }
        }
        let top = area.y + max(0, (area.height - lines.count) / 2)
        for (row, line) in lines.enumerated() {
            let x = area.x + max(0, (area.width - displayWidth(of: line)) / 2)
            canvas.put(line, at: x, top + row, style: .bold, maxWidth: area.width)
        }
    }
}
