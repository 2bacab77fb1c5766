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

    @Option(help: ArgumentHelp("The screen to open on once signed in.", valueName: "home|directory|queue|my-cases|referrals-in|sync"))
    var on: StartScreen = .home

    func run() throws {
        // The terminal is checked first: a refusal there must not touch the database.
        try TerminalSession.check()
        try TerminalSession.run(global, opening: on.command)
    }
}

/// The top-level screens the workspace can open on (`thistle --on queue`),
/// named as the tabs are.
enum StartScreen: String, CaseIterable, ExpressibleByArgument {
    case home, directory, queue, myCases = "my-cases", referralsIn = "referrals-in", sync

    var command: Command {
        switch self {
        case .home: return .goHome
        case .directory: return .goDirectory
        case .queue: return .goTriage
        case .myCases: return .goMyCases
        case .referralsIn: return .goReferralsIn
        case .sync: return .goSync
        }
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

    /// Signs in before the workspace opens when it can without asking (a
    /// kept sign-in, or `--as` with THISTLE_PASSPHRASE_FILE); otherwise the
    /// workspace asks in its own passphrase box.
    static func run(_ global: GlobalOptions, passphraseHint: String? = nil, opening: Command = .goHome) throws {
        let config = try Config.load()
        let store = try PlaceStore.open(at: global.databasePath, notice: GlobalOptions.notice)
        if let place = config.place, try store.placeTree()[place] == nil {
            throw Failure("\(config.path ?? "config.toml"): place '\(place.rawValue.shownInRefusal)' is not a place in "
                          + "\(global.databasePath); `thistle places` lists them")
        }
        let idle = try IdleLock.fromEnvironment()
        var member = try global.namedMember(in: store)
        var signedIn = false
        if let kept = try global.keptSignIn(store) {
            try store.unlock(kept, notice: GlobalOptions.notice)
            (member, signedIn) = (kept.member, true)
        } else if member != nil, PassphraseInput.fileIsGiven {
            (member, signedIn) = (try global.signIn(store).member, true)
        }
        try run(store: store, state: {
            var state = AppState(size: $0, member: member, needsSignIn: true, signedIn: signedIn,
                                 passphraseHint: passphraseHint, opening: opening, homePlace: config.place)
            state.keyOverrides = config.keys
            return state
        }, idle: idle, config: config)
    }

    static func run(store: PlaceStore, state: (Size) -> AppState, idle: TimeInterval, config: Config = Config()) throws {
        let backend: CursesBackend
        do {
            backend = try CursesBackend(theme: config.theme, mouse: config.mouse)
        } catch {
            throw TerminalProblem(description: error.description)
        }
        let runtime = Runtime(
            state: state(backend.size), backend: backend,
            effects: StoreEffects(store: store, sessions: SessionFolder.fromEnvironment(), idle: idle), waker: backend.waker,
            idleLock: idle)
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
