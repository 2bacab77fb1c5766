import ArgumentParser
import Foundation
import PlaceDomain
import PlaceStore
import TerminalUI
import ThistleApp

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open the workspace on the team's database (the default command).")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        // The terminal is checked first: a refusal there must not touch the database.
        try TerminalSession.check()
        let (store, member) = try global.openStore()
        try TerminalSession.run(store: store, member: member)
    }
}

/// Opens the curses backend and runs the app on it, turning how it ended
/// into the exit status.
enum TerminalSession {
    static func check() throws {
        if let problem = CursesBackend.unusableTerminal() {
            throw TerminalProblem(description: problem.description)
        }
    }

    static func run(store: PlaceStore, member: Member?) throws {
        let backend: CursesBackend
        do {
            backend = try CursesBackend()
        } catch {
            throw TerminalProblem(description: error.description)
        }
        let runtime = Runtime(
            state: AppState(size: backend.size, member: member), backend: backend,
            effects: StoreEffects(store: store), waker: backend.waker)
        let ending = runtime.run()
        backend.shutdown()
        if ending == .interrupted {
            // As a shell expects of a program ended by Ctrl-C or a signal.
            Foundation.exit(130)
        }
        if case .quitTooSmall(let size) = ending {
            throw TerminalProblem(
                description: "the terminal was too small: Thistle needs at least "
                    + "\(AppState.minimumSize.width)×\(AppState.minimumSize.height), it had \(size.width)×\(size.height)")
        }
    }
}

/// The terminal cannot be used; exits with status 2.
struct TerminalProblem: Error, CustomStringConvertible {
    let description: String
}
