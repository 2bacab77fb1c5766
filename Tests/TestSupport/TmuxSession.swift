import Foundation

/// A real terminal for end-to-end tests: a detached tmux session (UTF-8,
/// TERM=screen-256color, which is what tmux speaks: its End key is ESC [4~,
/// which xterm's terminfo would not decode),
/// its own server socket) running a command, read with `capture-pane`.
/// Waiting polls the screen until the text appears or a deadline passes.
public final class TmuxSession {
    public let name: String
    private let socket: String

    public init(command: [String], width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        name = "thistle-e2e-\(getpid())-\(Int.random(in: 0..<1_000_000))"
        socket = name
        let exports = (["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "screen-256color"].merging(environment) { $1 })
            .map { "\($0.key)=\(Self.quote($0.value))" }.sorted().joined(separator: " ")
        // The shell line after the command reports its exit status and keeps the pane open to read it.
        let line = "env \(exports) \(command.map(Self.quote).joined(separator: " ")); "
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

    /// Waits until `predicate` holds for the screen; returns that screen, or throws with the last one.
    @discardableResult
    public func waitFor(
        _ description: String, timeout: TimeInterval = 20, _ predicate: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            usleep(50_000)
        }
        throw TimedOut(description: "timed out waiting for \(description); the screen was:\n\(last)")
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 20) throws -> String {
        try waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Whether the pane is still in the alternate screen (a TUI is drawing).
    public func isAlternateScreen() throws -> Bool {
        try tmux(["display-message", "-p", "-t", name, "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let status = try Self.spawnAndWait(["tmux", "-u", "-L", socket] + arguments, output: outputPath)
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw TimedOut(description: "tmux \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }

    /// Runs a program with its output in a file and waits for it with
    /// `waitpid`. Foundation's `Process` is not used: it learns of a child's
    /// exit through a descriptor the child inherits, and the tmux server the
    /// first command forks keeps that descriptor open, so it would wait forever.
    private static func spawnAndWait(_ arguments: [String], output: String) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = (["/usr/bin/env"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, environ)
        guard spawned == 0 else { throw TimedOut(description: "could not start tmux: error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
