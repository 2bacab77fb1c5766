import Foundation
import TestSupport
import XCTest

/// The man page and the shell completions, both made from the command
/// definitions: every command and option is in them, and they are valid.
final class ManualAndCompletionTests: XCTestCase {
    /// Each command a user can run (no subcommands of its own), with its shown long options.
    func commands() throws -> [(path: String, options: [String])] {
        struct Command: Decodable {
            struct Argument: Decodable {
                struct Name: Decodable { let kind: String, name: String }
                let names: [Name]?
                let shouldDisplay: Bool
            }
            let commandName: String
            let shouldDisplay: Bool
            let arguments: [Argument]?
            let subcommands: [Command]?
        }
        struct Dump: Decodable { let command: Command }
        let dump = try ThistleBinary.run(["--experimental-dump-help"])
        var found: [(String, [String])] = []
        func visit(_ command: Command, _ path: String) {
            guard command.shouldDisplay, command.commandName != "help" else { return }
            let path = path.isEmpty ? command.commandName : path + " " + command.commandName
            guard let subcommands = command.subcommands, !subcommands.isEmpty else {
                let options = (command.arguments ?? []).filter(\.shouldDisplay)
                    .compactMap { $0.names?.first { $0.kind == "long" }?.name }.filter { !["help", "version"].contains($0) }
                return found.append((path, options))
            }
            subcommands.forEach { visit($0, path) }
        }
        (try JSONDecoder().decode(Dump.self, from: Data(dump.stdout.utf8)).command.subcommands ?? []).forEach { visit($0, "thistle") }
        return found
    }

    func testTheManPageHasEveryCommandAndOptionAndFormatsCleanly() throws {
        let manual = try ThistleBinary.run(["manual"])
        XCTAssertEqual(manual.status, 0, manual.stderr)
        XCTAssertTrue(manual.stdout.hasPrefix(".TH THISTLE 1 "), String(manual.stdout.prefix(200)))
        let sections = manual.stdout.components(separatedBy: "\n.SS ").dropFirst()
        let commands = try commands()
        XCTAssertGreaterThan(commands.count, 50)
        for (path, options) in commands {
            let title = "\"" + path.replacingOccurrences(of: "-", with: "\\-") + "\""
            guard let section = sections.first(where: { $0.hasPrefix(title + "\n") }) else {
                XCTFail("no section for \(path)")
                continue
            }
            for option in options {
                XCTAssertTrue(section.contains("\\fB\\-\\-" + option.replacingOccurrences(of: "-", with: "\\-") + "\\fR"),
                              "\(path) lacks --\(option)")
            }
        }
        XCTAssertFalse(manual.stdout.contains("manual"), "the hidden command is not in the page")

        // groff, as man uses it, with every warning on: none.
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("thistle.1").path
        try Data(manual.stdout.utf8).write(to: URL(fileURLWithPath: page))
        let groff = try ChildProcess.run("/usr/bin/groff", ["-man", "-Tutf8", "-ww", "-z", page])
        XCTAssertEqual(groff.status, 0)
        XCTAssertEqual(groff.stderr, "", "groff warns")
    }

    func testCompletionsGenerateForEachShellWithEveryCommand() throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try ThistleBinary.run(["--generate-completion-script", shell])
            XCTAssertEqual(script.status, 0, script.stderr)
            for command in ["doctor", "referral", "decline", "generate", "sync"] {
                XCTAssertTrue(script.stdout.contains(command), "\(shell) completion lacks \(command)")
            }
        }
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bash = folder.appendingPathComponent("thistle.bash").path
        try Data(try ThistleBinary.run(["--generate-completion-script", "bash"]).stdout.utf8).write(to: URL(fileURLWithPath: bash))
        XCTAssertEqual(try ChildProcess.run("/bin/bash", ["-n", bash]).status, 0, "the bash completion parses")

        let unknown = try ThistleBinary.run(["--generate-completion-script", "tcsh"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("tcsh"), unknown.stderr)
    }
}
