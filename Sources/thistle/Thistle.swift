import ArgumentParser
import Foundation
import PlaceDomain

/// Runs the command line, giving each kind of failure its exit status.
@main
enum Entry {
    static func main() {
        // Swift would quietly mend bytes that are not UTF-8 into U+FFFD, and a mended name would be stored.
        for index in 1..<Int(CommandLine.argc) {
            guard let argument = CommandLine.unsafeArgv[index], String(validatingCString: argument) == nil else { continue }
            FileHandle.standardError.write(Data("thistle: argument \(index) is not UTF-8 text; nothing was done\n".utf8))
            exit(64)
        }
        do {
            let arguments = Array(CommandLine.arguments.dropFirst())
            var command: any ParsableCommand =
                try QuickQueue.parse(arguments) ?? Thistle.parseAsRoot(GlobalOptions.movedAfterCommand(arguments))
            try command.run()
        } catch let problem as TerminalProblem {
            FileHandle.standardError.write(Data("thistle: \(problem.description)\n".utf8))
            exit(2)
        } catch let refusal as Refusal {
            refusal.report(json: CommandLine.arguments.asksForJSON)
            exit(1)
        } catch {
            if let refusal = Refusal(error) {
                refusal.report(json: CommandLine.arguments.asksForJSON)
                exit(1)
            }
            // A usage error quotes what was typed: each of its lines is tidied like a refusal.
            let status = Thistle.exitCode(for: error)
            guard status != .success else { Thistle.exit(withError: error) }
            let lines = Thistle.fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false)
            FileHandle.standardError.write(Data((lines.map { String($0).oneLine() }.joined(separator: "\n") + "\n").utf8))
            exit(status.rawValue)
        }
    }
}

/// The `thistle` command: the TUI by default, and the CLI verbs.
struct Thistle: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "thistle",
        abstract: "A terminal workspace for integrated place teams.",
        discussion: """
            With no command, opens the workspace on the team's database. Exit status: 0 done, \
            1 refused (a rule, an unknown id, a bad database; with --json the reason is on stdout as \
            {"error": CODE, "message": TEXT}), 2 terminal unusable (not a terminal, TERM=dumb, too small), \
            64 bad command line, 130 ended by Ctrl-C or SIGTERM. See docs/cli.md.
            """,
        version: version,
        subcommands: [
            OpenCommand.self, DemoCommand.self, PlacesCommand.self, AgenciesCommand.self, MembersCommand.self,
            ServicesCommand.self, ResidentCommand.self, CaseCommand.self, NeedCommand.self, ReferralCommand.self,
            QueueCommand.self, ReferralsCommand.self, CasesCommand.self, PlanCommand.self, PriorityCommand.self,
            ActionCommand.self, IndicatorCommand.self, PlaceStandardCommand.self, VoiceCommand.self, PotCommand.self,
            LearningCommand.self, ReportCommand.self, TeamCommand.self, SyncCommand.self, ConflictsCommand.self,
            SignInCommand.self, SignOutCommand.self, MemberCommand.self, AuditCommand.self, RetentionCommand.self,
            InitCommand.self, DirectoryCommand.self, GenerateCommand.self, DoctorCommand.self, ManualCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )
}
