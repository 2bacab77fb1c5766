import ArgumentParser
import Foundation

/// Runs the command line, giving each kind of failure its exit status.
@main
enum Entry {
    static func main() {
        do {
            var command = try Thistle.parseAsRoot(GlobalOptions.movedAfterCommand(Array(CommandLine.arguments.dropFirst())))
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
            Thistle.exit(withError: error)
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
            GenerateCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )
}
