import Foundation

/// Runs programs for tests that start servers or terminals.
public enum Spawn {
    /// Runs a program with its output (stdout and stderr) in a file and
    /// waits for it with `waitpid`; returns its exit status. Foundation's
    /// `Process` is not used: it learns of a child's exit through a
    /// descriptor the child inherits, and a server the program forks (a
    /// tmux server, a postmaster) keeps that descriptor open, so it would
    /// wait forever.
    public static func run(_ arguments: [String], output: String) throws -> Int32 {
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
        guard spawned == 0 else { throw Failed(description: "could not start \(arguments[0]): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Runs a program and returns its output; throws with that output if it fails.
    @discardableResult
    public static func output(_ arguments: [String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let status = try run(arguments, output: path)
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw Failed(description: "\(arguments.joined(separator: " ")) failed (\(status)): \(text)")
        }
        return text
    }

    public struct Failed: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }
}
