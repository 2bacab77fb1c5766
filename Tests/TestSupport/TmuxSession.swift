import Foundation

/// A real terminal for end-to-end tests: a detached tmux session (UTF-8,
/// TERM=screen-256color, which is what tmux speaks: its End key is ESC [4~,
/// which xterm's terminfo would not decode),
/// its own server socket) running a command, read with `capture-pane`.
/// Waiting polls the screen until the text appears or a deadline passes.
public final class TmuxSession {
    public let name: String
    private let socket: String

    /// The command runs with its clock starting at `now` (by libfaketime), so
    /// what shows as overdue or stalled in the demo does not depend on the
    /// day the tests run; nil for the real clock.
    public init(command: [String], width: Int = 80, height: Int = 24, environment: [String: String] = [:],
                now: Date? = AppDriver.morningAfterDemo) throws {
        if now != nil { Self.sweepStaleFaketime() }
        name = "thistle-e2e-\(getpid())-\(Int.random(in: 0..<1_000_000))"
        socket = name
        let base = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "screen-256color", "TZ": "UTC"]
            .merging(SignInEnvironment.demo) { $1 }
        let exports = (base.merging(environment) { $1 })
            .map { "\($0.key)=\(Self.quote($0.value))" }.sorted().joined(separator: " ")
        let clock = now.map { "faketime -f \(Self.quote("@" + Self.fakeTimeFormat.string(from: $0))) " } ?? ""
        // The shell line after the command reports its exit status and keeps the pane open to read it.
        let line = "env \(exports) \(clock)\(command.map(Self.quote).joined(separator: " ")); "
            + "echo \"[exit status $?]\"; sleep 600"
        try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", name, line])
        try tmux(["set-option", "-t", name, "window-size", "manual"])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Sends keys in tmux's notation ("Enter", "Escape", "q", "C-c").
    public func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", name] + keys)
    }

    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The visible screen as text.
    public func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name])
    }

    /// Waits until `predicate` holds for the screen and the screen has settled
    /// (two captures 100 ms apart are the same: tmux may show a frame half
    /// drawn, and what a test asserts next must be the whole frame); returns
    /// that screen, or throws with the last one.
    @discardableResult
    public func waitFor(
        _ description: String, timeout: TimeInterval = 20, _ predicate: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        var matched: String?
        while Date() < deadline {
            last = try screen()
            if predicate(last) {
                if last == matched { return last }
                matched = last
                usleep(100_000)
                continue
            }
            matched = nil
            usleep(50_000)
        }
        throw TimedOut(description: "timed out waiting for \(description); the screen was:\n\(last)")
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 20) throws -> String {
        try waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// The visible screen with its colours and attributes as escape sequences.
    public func styledScreen() throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", name])
    }

    /// The process ids running in the pane, its shell's children included.
    public func processes(named name: String) throws -> [pid_t] {
        let pane = try tmux(["display-message", "-p", "-t", self.name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let listing = try Spawn.output(["ps", "-e", "-o", "pid=,ppid=,comm="])
        var tree: Set<String> = [pane]
        var found: [pid_t] = []
        // Parents come before their children in ps's order of pids often, not always: go round until nothing is added.
        var grew = true
        while grew {
            grew = false
            for line in listing.split(separator: "\n") {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                guard fields.count >= 3, tree.contains(fields[1]), !tree.contains(fields[0]) else { continue }
                tree.insert(fields[0])
                grew = true
                if fields[2] == name, let pid = pid_t(fields[0]) { found.append(pid) }
            }
        }
        return found
    }

    /// A click of the first button at a cell (from 0), pressed and released,
    /// as a terminal reports it (X10 encoding).
    public func click(x: Int, y: Int) throws {
        try mouse(0, x, y)
        try mouse(3, x, y)
    }

    /// A turn of the wheel at a cell.
    public func wheel(down: Bool, x: Int, y: Int) throws {
        try mouse(down ? 65 : 64, x, y)
    }

    private func mouse(_ button: Int, _ x: Int, _ y: Int) throws {
        let bytes = [27, 91, 77, 32 + button, 33 + x, 33 + y].map { Character(Unicode.Scalar(UInt8($0))) }
        try send("-l", String(bytes))
    }

    /// Whether the program in the pane asked the terminal for mouse events.
    public func wantsMouse() throws -> Bool {
        try tmux(["display-message", "-p", "-t", name, "#{mouse_any_flag}#{mouse_standard_flag}"])
            .contains("1")
    }

    /// Whether the pane is still in the alternate screen (a TUI is drawing).
    public func isAlternateScreen() throws -> Bool {
        try tmux(["display-message", "-p", "-t", name, "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let status = try Spawn.run(["tmux", "-u", "-L", socket] + arguments, output: outputPath)
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw TimedOut(description: "tmux \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }

    /// Removes what the faketime wrapper of a killed session left behind: it
    /// names a semaphore and a shared memory by its pid and removes them only
    /// when it ends normally, so a later wrapper given the same pid fails
    /// ("sem_open: File exists"). Only those of processes no longer running.
    static func sweepStaleFaketime() {
        let shm = "/dev/shm"
        for file in (try? FileManager.default.contentsOfDirectory(atPath: shm)) ?? [] {
            guard file.hasPrefix("sem.faketime_sem_") || file.hasPrefix("faketime_shm_"),
                let pid = pid_t(file.split(separator: "_").last ?? ""), kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            try? FileManager.default.removeItem(atPath: shm + "/" + file)
        }
    }

    private static let fakeTimeFormat: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter
    }()

    private static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    public struct TimedOut: Error, CustomStringConvertible {
        public let description: String
    }
}

/// Finds the `thistle` binary that `make test` built.
public enum ThistleBinary {
    public static var path: String {
        if let path = ProcessInfo.processInfo.environment["THISTLE_BIN"], !path.isEmpty { return path }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/thistle").path
    }

    /// Runs thistle to completion with no terminal; returns status, stdout and stderr.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        let ran = try ChildProcess.run(path, arguments, environment: SignInEnvironment.demo.merging(environment) { $1 })
        return (ran.status, ran.stdout, ran.stderr)
    }
}

/// A program run to completion with no terminal.
public struct ChildProcess {
    /// The exit status, or the signal that ended it when `signalled`.
    public let status: Int32
    public let signalled: Bool
    public let stdout: String
    public let stderr: String

    /// Runs `executable` with this process's environment and `environment` over it.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> ChildProcess
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Both pipes are drained at once: a child filling one while the other is read would wait for ever.
        nonisolated(unsafe) var errData = Data()
        let stderrRead = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            stderrRead.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        stderrRead.wait()
        process.waitUntilExit()
        return ChildProcess(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}
