import ArgumentParser
import Foundation
import PlaceDomain
import PlaceStore

extension Role: ExpressibleByArgument {}

struct SignInCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign-in",
        abstract: "Sign in as a member; later commands use the sign-in until it goes unused for THISTLE_LOCK_AFTER minutes.",
        discussion: """
            The passphrase is read from the file THISTLE_PASSPHRASE_FILE names, or asked without echo. The unlocked \
            team key waits in a 0600 file under $XDG_RUNTIME_DIR/thistle (the per-user tmpfs), never on disk; \
            without XDG_RUNTIME_DIR every command asks again.
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONFlag

    func validate() throws {
        if global.member == nil { throw ValidationError("give --as MEMBER_ID: the member signing in") }
    }

    func run() throws {
        let (_, signedIn) = try global.signIn()
        struct Shown: Encodable { let member: String, kept: Bool }
        let kept = SessionFolder.fromEnvironment() != nil
        try printRecord(Shown(member: signedIn.member.id.rawValue, kept: kept), json: output.json,
                        text: "Signed in as \(signedIn.member.name)"
                            + (kept ? "." : " for this command only: XDG_RUNTIME_DIR is not a private folder, so nothing is kept."))
    }
}

struct SignOutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign-out", abstract: "End every sign-in kept on this database (or, with --all, on every database).")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "End the sign-ins of every database.") var all = false

    func run() throws {
        let ended = SessionFolder.fromEnvironment()?.end(database: all ? nil : global.databasePath) ?? 0
        print(ended == 0 ? "No one was signed in." : "Signed out (\(ended) " + (ended == 1 ? "sign-in" : "sign-ins") + " ended).")
    }
}

struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member", abstract: "Manage members: add one, set a passphrase, disable a leaver (synced to every laptop).",
        subcommands: [AddMember.self, SetPassphrase.self, DisableMember.self])
}

struct AddMember: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a member with a first passphrase (admins only).",
        discussion: "The new member's passphrase comes from THISTLE_NEW_PASSPHRASE_FILE, or is asked twice without echo.")
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The new member's id (default: made up).", valueName: "member-id")) var id: String?
    @Option(help: ArgumentHelp("Their name.", valueName: "text")) var name: String
    @Option(help: ArgumentHelp("Their agency.", valueName: "agency-id")) var agency: String
    @Option(help: ArgumentHelp("Their role: frontline, lead, analyst or admin.", valueName: "role")) var role: Role
    @Option(help: ArgumentHelp("A place they serve (repeat for more).", valueName: "place-id")) var place: [String] = []
    @OptionGroup var output: JSONFlag

    func run() throws {
        let (store, admin) = try global.signIn()
        let member = Member(
            id: MemberID(id ?? "member-" + store.newID()), name: try PlanRules.line(name, "a name", limit: 200),
            agencyID: AgencyID(agency), role: role, placeIDs: place.map { PlaceID($0) })
        let passphrase = try PassphraseInput.readNew(prompt: "Passphrase for \(member.name): ")
        try store.addMember(member, passphrase: passphrase, by: admin)
        struct Shown: Encodable { let id: String, name: String, agency: String, role: String, places: [String] }
        try printRecord(
            Shown(id: member.id.rawValue, name: member.name, agency: member.agencyID.rawValue, role: member.role.rawValue,
                  places: member.placeIDs.map(\.rawValue)),
            json: output.json, text: "Added \(member.name) as \(member.id)")
    }
}

struct SetPassphrase: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passphrase",
        abstract: "Change your passphrase, or (admins) set a member's forgotten one.",
        discussion: """
            Your own: your present passphrase (THISTLE_PASSPHRASE_FILE or asked), then the new one \
            (THISTLE_NEW_PASSPHRASE_FILE or asked twice). Another member's: admins only; the new one as above.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The member (default: you).", valueName: "member-id")) var member: String?

    func run() throws {
        let (store, actor) = try global.signIn()
        let target = member.map { MemberID($0) } ?? actor.member.id
        let current = target == actor.member.id ? try PassphraseInput.read(prompt: "Present passphrase: ") : nil
        let passphrase = try PassphraseInput.readNew(prompt: "New passphrase: ")
        try store.changePassphrase(of: target, to: passphrase, current: current, by: actor)
        if target == actor.member.id { SessionFolder.fromEnvironment()?.end(database: store.path) }
        print("Set a new passphrase for \(target); it reaches other laptops with the next sync.")
    }
}

struct DisableMember: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable",
        abstract: "Disable a leaver (admins only): they cannot sign in, and their open cases pass to --reassign-to.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The leaver.", valueName: "member-id")) var leaver: String
    @Option(name: .customLong("reassign-to"), help: ArgumentHelp("Who leads their open cases from now on.", valueName: "member-id"))
    var successor: String
    @OptionGroup var output: JSONFlag

    func run() throws {
        let (store, admin) = try global.signIn()
        let moved = try store.disableMember(MemberID(leaver), reassigningTo: MemberID(successor), by: admin, now: Date())
        struct Shown: Encodable { let member: String, disabled: Bool, reassignedTo: String, cases: [String] }
        try printRecord(
            Shown(member: leaver, disabled: true, reassignedTo: successor, cases: moved.map(\.rawValue)), json: output.json,
            text: "Disabled \(leaver); \(moved.count) open " + (moved.count == 1 ? "case" : "cases") + " now led by \(successor).")
    }
}
