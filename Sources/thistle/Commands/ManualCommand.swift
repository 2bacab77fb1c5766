import ArgumentParser
import Foundation

/// `thistle manual`: the man page, thistle(1), in roff, made from the
/// command definitions themselves (argument-parser's description of every
/// command, option and argument), so it never drifts from `--help`.
/// `make install` writes it to `$(PREFIX)/share/man/man1/thistle.1`.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual", abstract: "Print the man page, thistle(1), in roff.", shouldDisplay: false)

    func run() throws {
        print(try ManualPage.roff(), terminator: "")
    }
}

/// thistle(1) from argument-parser's description of the commands.
enum ManualPage {
    /// What argument-parser says of a command (`--experimental-dump-help`), the parts the page uses.
    struct Command: Decodable {
        struct Argument: Decodable {
            struct Name: Decodable { let kind: String, name: String }
            let kind: String
            let names: [Name]?
            let valueName: String?
            let abstract: String?
            let discussion: String?
            let isOptional: Bool
            let isRepeating: Bool
            let shouldDisplay: Bool
        }

        let commandName: String
        let abstract: String?
        let discussion: String?
        let shouldDisplay: Bool
        let arguments: [Argument]?
        let subcommands: [Command]?
    }

    struct Dump: Decodable { let command: Command }

    static func roff() throws -> String {
        let dump: String
        do {
            _ = try Thistle.parseAsRoot(["--experimental-dump-help"])
            throw Failure("argument-parser did not describe the commands")
        } catch let failure as Failure {
            throw failure
        } catch {
            dump = Thistle.fullMessage(for: error)
        }
        let root = try JSONDecoder().decode(Dump.self, from: Data(dump.utf8)).command
        return page(root)
    }

    static func page(_ root: Command) -> String {
        var out = """
            .TH THISTLE 1 "" "thistle \(Thistle.version)" "User Commands"
            .SH NAME
            thistle \\- \(text(root.abstract ?? ""))
            .SH SYNOPSIS
            .B thistle
            [\\fIcommand\\fR] [\\fIoptions\\fR]
            .SH DESCRIPTION

            """
        out += paragraphs(root.discussion ?? "")
        out += ".SH COMMANDS\n"
        for command in root.subcommands ?? [] { section(command, path: ["thistle"], into: &out) }
        out += """
            .SH ENVIRONMENT
            .TP
            .B THISTLE_PASSPHRASE_FILE
            A file only you can read holding your passphrase, for scripts (else it is asked without echo).
            .TP
            .B THISTLE_NEW_PASSPHRASE_FILE
            The same for a new passphrase (\\fBmember add\\fR, \\fBmember passphrase\\fR).
            .TP
            .B THISTLE_LOCK_AFTER
            Minutes (1 to 1440), or seconds with an s, before an unused sign-in locks; 15 minutes by default.
            .TP
            .B XDG_DATA_HOME
            Where the team's database (thistle/thistle.sqlite) and the demo (thistle/demo.sqlite) live by default.
            .TP
            .B XDG_RUNTIME_DIR
            A private folder where a sign-in is kept between commands until it goes idle.
            .TP
            .B NO_COLOR
            When set and not empty, the workspace draws without colour.
            .TP
            .B PGPASSWORD
            The hub's password for \\fBsync hub\\fR (or ~/.pgpass).
            .SH EXIT STATUS
            0 done; 1 refused (a rule, an unknown id, a bad database, a failed check of \\fBdoctor\\fR); \
            2 terminal unusable; 64 bad command line; 130 ended by Ctrl-C or SIGTERM.
            .SH SEE ALSO
            \\fBthistle doctor\\fR checks a setup. The project's docs/cli.md and docs/user-guide.md.

            """
        return out
    }

    /// A command's section: its synopsis, description and options, then its own subcommands.
    static func section(_ command: Command, path: [String], into out: inout String) {
        guard command.shouldDisplay, command.commandName != "help" else { return }
        let path = path + [command.commandName]
        let arguments = (command.arguments ?? []).filter { $0.shouldDisplay && !isHelpOrVersion($0) }
        if let subcommands = command.subcommands, !subcommands.isEmpty {
            for subcommand in subcommands { section(subcommand, path: path, into: &out) }
            return
        }
        out += ".SS \"\(text(path.joined(separator: " ")))\"\n"
        out += ".B \(text(path.joined(separator: " ")))\n"
        out += arguments.map(synopsis).joined(separator: " ") + "\n.PP\n"
        out += paragraphs([command.abstract, command.discussion].compactMap { $0 }.joined(separator: "\n\n"))
        for argument in arguments {
            out += ".TP\n\(usage(argument))\n\(text(argument.abstract ?? ""))\n"
        }
    }

    static func isHelpOrVersion(_ argument: Command.Argument) -> Bool {
        argument.names?.contains { ["help", "version"].contains($0.name) } ?? false
    }

    /// An argument as a synopsis shows it: optional ones in brackets, repeating ones with an ellipsis.
    static func synopsis(_ argument: Command.Argument) -> String {
        var shown = usage(argument)
        if argument.isRepeating { shown += " ..." }
        return argument.isOptional ? "[" + shown + "]" : shown
    }

    static func usage(_ argument: Command.Argument) -> String {
        let value = "\\fI\(text(argument.valueName ?? "value"))\\fR"
        guard argument.kind != "positional", let name = argument.names?.first(where: { $0.kind == "long" }) ?? argument.names?.first
        else { return value }
        let flag = "\\fB" + (name.kind == "short" ? "\\-" : "\\-\\-") + text(name.name) + "\\fR"
        return argument.kind == "flag" ? flag : flag + " " + value
    }

    static func paragraphs(_ text: String) -> String {
        text.components(separatedBy: "\n\n").map { self.text($0.replacingOccurrences(of: "\n", with: " ")) }
            .filter { !$0.isEmpty }.map { $0 + "\n" }.joined(separator: ".PP\n")
    }

    /// Text safe in roff: backslashes and hyphens escaped, anything past ASCII
    /// by its code point, no line starting with a control character.
    static func text(_ plain: String) -> String {
        var escaped = ""
        for scalar in plain.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\e"
            case "-": escaped += "\\-"
            case _ where scalar.value > 127: escaped += "\\[u" + String(format: "%04X", scalar.value) + "]"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }
}
