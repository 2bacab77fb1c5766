import Foundation

/// A progress bar with a rate and the time left, drawn on stderr, only when
/// stderr is a terminal (so redirected output and JSON stay clean). Work on
/// another thread may report to it.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let label: String
    private let unit: String
    private let started = Date()
    private let shown = isatty(STDERR_FILENO) == 1
    private var lastDrawn = Date.distantPast

    init(_ label: String, unit: String) {
        self.label = label
        self.unit = unit
    }

    func update(_ done: Int, of total: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard shown, total > 0, done >= total || Date().timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = Date()
        let elapsed = max(Date().timeIntervalSince(started), 0.001)
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Double(total - done) / rate : 0
        let width = 24, filled = min(width, width * done / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let line = "\(label) [\(bar)] \(done.formatted())/\(total.formatted()) \(unit)  "
            + "\(Int(rate).formatted())/s  \(Self.duration(left)) left"
        FileHandle.standardError.write(Data("\r\(line)\u{1B}[K".utf8))
    }

    /// Clears the line.
    func finish() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60)m\(String(format: "%02d", whole % 60))s" : "\(whole)s"
    }
}
