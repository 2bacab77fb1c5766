/// A stretch of cells on one row that changed and share one style: what a
/// backend writes in one go.
public struct CanvasRun: Hashable, Sendable {
    /// The row.
    public var y: Int
    /// The first column.
    public var x: Int
    /// The graphemes, left to right; a wide one covers two columns.
    public var cells: [String]
    public var style: Style

    /// A run of `cells` at (`x`, `y`) in `style`.
    public init(y: Int, x: Int, cells: [String], style: Style) {
        self.y = y
        self.x = x
        self.cells = cells
        self.style = style
    }

    /// The run's text as one string.
    public var text: String { cells.joined() }
    /// Columns the run covers.
    public var width: Int { cells.reduce(0) { $0 + max(1, displayWidth(of: $1)) } }
}

/// What changed between two canvases, as runs; everything when there is no
/// previous canvas or its size differs (the terminal must be redrawn whole).
public struct CanvasDiff: Equatable, Sendable {
    /// The runs to write, top to bottom, left to right.
    public let runs: [CanvasRun]

    /// The difference that turns `previous` into `current`.
    public init(from previous: Canvas?, to current: Canvas) {
        let base = previous.flatMap { $0.size == current.size ? $0 : nil }
        var runs: [CanvasRun] = []
        for y in 0..<current.size.height {
            runs += Self.runs(in: current.rows[y], comparedWith: base?.rows[y], y: y)
        }
        self.runs = runs
    }

    /// Columns written in total: how much work a present costs.
    public var cellCount: Int { runs.reduce(0) { $0 + $1.width } }

    private static func runs(in row: [Cell], comparedWith old: [Cell]?, y: Int) -> [CanvasRun] {
        let changed = changedColumns(row, old)
        var runs: [CanvasRun] = []
        var x = 0
        while x < row.count {
            // A continuation is written with its lead, never on its own.
            guard changed[x], !row[x].isContinuation else { x += 1; continue }
            let style = row[x].style
            var run = CanvasRun(y: y, x: x, cells: [], style: style)
            while x < row.count, changed[x], row[x].style == style || row[x].isContinuation {
                if !row[x].isContinuation { run.cells.append(row[x].text) }
                x += 1
            }
            runs.append(run)
        }
        return runs
    }

    /// Which columns differ; a wide character counts as changed in both its
    /// columns when either half differs, so it is always rewritten whole.
    private static func changedColumns(_ row: [Cell], _ old: [Cell]?) -> [Bool] {
        guard let old else { return Array(repeating: true, count: row.count) }
        var changed = zip(row, old).map { $0 != $1 }
        for x in row.indices where row[x].isContinuation && x > 0 {
            let either = changed[x] || changed[x - 1]
            changed[x] = either
            changed[x - 1] = either
        }
        return changed
    }
}

extension Canvas {
    /// The runs that turn `previous` into this canvas; all cells when `previous` is nil or another size.
    public func changes(from previous: Canvas?) -> [CanvasRun] {
        CanvasDiff(from: previous, to: self).runs
    }
}
