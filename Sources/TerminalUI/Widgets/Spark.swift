/// Charts made of text: a sparkline of a series and a horizontal bar, in
/// block characters that every UTF-8 terminal draws.
public enum Spark {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let eighths: [Character] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"].map { $0.first ?? " " }

    /// One cell per value, lowest to highest as ▁ to █; a missing value is a space.
    public static func line(_ values: [Double?]) -> String {
        let present = values.compactMap { $0 }
        guard let low = present.min(), let high = present.max() else { return String(repeating: " ", count: values.count) }
        let span = high - low
        return String(values.map { value -> Character in
            guard let value else { return " " }
            guard span > 0 else { return levels[3] }
            let index = Int(((value - low) / span * Double(levels.count - 1)).rounded())
            return levels[max(0, min(levels.count - 1, index))]
        })
    }

    /// A bar `value / maximum` of `width` cells, in eighths of a cell.
    public static func bar(_ value: Double, of maximum: Double, width: Int) -> String {
        guard width > 0, maximum > 0, value > 0 else { return "" }
        let eighthsLong = Int((min(value, maximum) / maximum * Double(width) * 8).rounded())
        let full = eighthsLong / 8
        let rest = eighthsLong % 8
        return String(repeating: "█", count: full) + (rest > 0 ? String(eighths[rest]) : "")
    }
}
