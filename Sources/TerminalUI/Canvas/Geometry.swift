/// A width and height in terminal cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    /// A size; negative values are kept as given, and treated as zero wherever cells are counted.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// No cells at all.
    public static let zero = Size(width: 0, height: 0)

    /// "80×24", the way the too-small notice names a size.
    public var description: String { "\(width)×\(height)" }

    /// Whether `other` fits inside this size.
    public func contains(_ other: Size) -> Bool { other.width <= width && other.height <= height }
}

/// A rectangle of cells: origin at its top-left, sizes never negative.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    /// A rectangle; negative sizes become zero so layout arithmetic can overshoot safely.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The rectangle covering a whole canvas of `size`.
    public init(size: Size) {
        self.init(x: 0, y: 0, width: size.width, height: size.height)
    }

    /// An empty rectangle at the origin.
    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    /// The size of the rectangle.
    public var size: Size { Size(width: width, height: height) }
    /// The column just past the right edge.
    public var maxX: Int { x + width }
    /// The row just past the bottom edge.
    public var maxY: Int { y + height }
    /// Whether the rectangle holds no cells.
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// The row numbers it covers, top to bottom.
    public var rows: Range<Int> { y..<maxY }
    /// The column numbers it covers, left to right.
    public var columns: Range<Int> { x..<maxX }

    /// Whether the cell at (`px`, `py`) lies inside.
    public func contains(x px: Int, y py: Int) -> Bool { columns.contains(px) && rows.contains(py) }

    /// The single row `index` rows down from the top (empty if outside).
    public func row(_ index: Int) -> Rect {
        guard index >= 0, index < height else { return Rect(x: x, y: y + index, width: width, height: 0) }
        return Rect(x: x, y: y + index, width: width, height: 1)
    }

    /// Shrunk by `amount` cells on every side.
    public func inset(by amount: Int) -> Rect { inset(dx: amount, dy: amount) }

    /// Shrunk by `dx` cells left and right and `dy` cells top and bottom.
    public func inset(dx: Int, dy: Int) -> Rect {
        Rect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy)
    }

    /// The top `n` rows and what is left below them.
    public func sliceTop(_ n: Int) -> (slice: Rect, rest: Rect) {
        let taken = min(max(0, n), height)
        return (Rect(x: x, y: y, width: width, height: taken),
                Rect(x: x, y: y + taken, width: width, height: height - taken))
    }

    /// The bottom `n` rows and what is left above them.
    public func sliceBottom(_ n: Int) -> (slice: Rect, rest: Rect) {
        let taken = min(max(0, n), height)
        return (Rect(x: x, y: maxY - taken, width: width, height: taken),
                Rect(x: x, y: y, width: width, height: height - taken))
    }

    /// The left `n` columns and what is left to their right.
    public func sliceLeft(_ n: Int) -> (slice: Rect, rest: Rect) {
        let taken = min(max(0, n), width)
        return (Rect(x: x, y: y, width: taken, height: height),
                Rect(x: x + taken, y: y, width: width - taken, height: height))
    }

    /// The right `n` columns and what is left to their left.
    public func sliceRight(_ n: Int) -> (slice: Rect, rest: Rect) {
        let taken = min(max(0, n), width)
        return (Rect(x: maxX - taken, y: y, width: taken, height: height),
                Rect(x: x, y: y, width: width - taken, height: height))
    }

    /// A rectangle of at most the given size, centred inside this one.
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(max(0, w), width)
        let ch = min(max(0, h), height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    /// The cells both rectangles cover (empty if they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return Rect(x: left, y: top, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }
}
