import ArgumentParser
import Foundation
import PlaceDomain
import PlaceStore

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (default: $XDG_DATA_HOME/thistle/thistle.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Act as this member (an id from `thistle members`).", valueName: "member-id"))
    var member: String?

    /// Long work about to start (a schema upgrade, a search index to make), on stderr.
    static func notice(_ text: String) {
        FileHandle.standardError.write(Data("thistle: \(text)\n".utf8))
    }

    /// `thistle --db X places` reads as `thistle places --db X`: global
    /// options given before the command name are moved after it, where
    /// each command declares them.
    static func movedAfterCommand(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if ["--db", "--as"].contains(argument), index + 1 < arguments.count {
                leading += arguments[index...(index + 1)]
                index += 2
            } else if argument.hasPrefix("--db=") || argument.hasPrefix("--as=") {
                leading.append(argument)
                index += 1
            } else {
                break
            }
        }
        // The command names only when needed: each command's configuration is built to read its name.
        guard !leading.isEmpty, index < arguments.count,
            Thistle.configuration.subcommands.contains(where: { $0.configuration.commandName == arguments[index] })
        else { return arguments }
        return [arguments[index]] + leading + arguments[(index + 1)...]
    }

    var databasePath: String {
        let path = db ?? PlaceStore.defaultPath()
        return path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    func validate() throws {
        if let db, db.isEmpty { throw ValidationError("--db needs a file path") }
        if let member, member.isEmpty { throw ValidationError("--as needs a member id") }
    }

    /// For verbs that act as a member: the store, the place tree, who is
    /// signed in and now.
    func acting(
        _ connections: PlaceStore.Connections = .single
    ) throws -> (store: PlaceStore, tree: PlaceTree, actor: ActingMember, now: Date) {
        let (store, signedIn) = try signIn(connections)
        let tree = try store.placeTree()
        return (store, tree, ActingMember(member: signedIn.member, tree: tree), Date())
    }

    /// Opens the database and signs in: `--as`'s session (or, without
    /// `--as`, the one used last) if it has not gone idle, else `--as` with
    /// a passphrase (THISTLE_PASSPHRASE_FILE or asked without echo). A
    /// successful sign-in is kept for the next command.
    func signIn(_ connections: PlaceStore.Connections = .single) throws -> (PlaceStore, SignedIn) {
        let store = try PlaceStore.open(at: databasePath, connections: connections, notice: Self.notice)
        return (store, try signIn(store))
    }

    /// Signs in on an open store, which then signs its audit entries.
    func signIn(_ store: PlaceStore) throws -> SignedIn {
        if let kept = try keptSignIn(store) {
            try store.unlock(kept, notice: Self.notice)
            return kept
        }
        guard let member, let found = try store.member(MemberID(member)) else { throw SignInError.notSignedIn }
        let passphrase = try PassphraseInput.read(prompt: "Passphrase for \(found.name): ")
        let signedIn = try store.signIn(found.id, passphrase: passphrase)
        try store.unlock(signedIn, notice: Self.notice)
        SessionFolder.fromEnvironment()?.keep(signedIn, for: store.path, idle: try IdleLock.fromEnvironment())
        return signedIn
    }

    /// The sign-in kept from an earlier command, if it has not gone idle
    /// (checking first that `--as`, if given, names a member).
    func keptSignIn(_ store: PlaceStore) throws -> SignedIn? {
        let named = try namedMember(in: store)
        guard try store.hasCredentials() else { throw SignInError.madeBeforeSignIn }
        let sessions = SessionFolder.fromEnvironment()
        guard let (memberID, keyring) = sessions?.session(for: store.path, member: named?.id),
            let found = try named ?? store.member(memberID)
        else { return nil }
        // The team key changed since (a device was revoked): sign in again to open the new one.
        guard try store.newestKeyGeneration(grantedTo: memberID) <= keyring.currentGeneration else { return nil }
        // The file was replaced since (a rebuilt demo, a restored copy): its keys are not these; sign in again.
        let opensHere = (try? store.deviceSigningKey(keys: keyring)) != nil
        guard try opensHere || !store.hasDeviceKey() else {
            sessions?.end(database: store.path)
            return nil
        }
        guard !found.isDisabled else {
            sessions?.end(database: store.path)
            throw SignInError.disabled
        }
        return SignedIn(member: found, keyring: keyring)
    }

    /// Opens the existing database and checks `--as` names a member (for
    /// the verbs that need no sign-in: the place, agencies, members and services).
    func openStore() throws -> (PlaceStore, Member?) {
        let store = try PlaceStore.open(at: databasePath, connections: .single, notice: Self.notice)
        return (store, try namedMember(in: store))
    }

    /// The member `--as` names, if given; refused when there is no such member.
    func namedMember(in store: PlaceStore) throws -> Member? {
        try member.map { id in
            guard let found = try store.member(MemberID(id)) else { throw StoreError.unknownMember(id) }
            return found
        }
    }
}

/// How long an unused sign-in lasts: `THISTLE_LOCK_AFTER` minutes (1 to
/// 1,440), or seconds with an `s` (`90s`; 5 to 86,400), else config.toml's
/// `lock_after`, else 15 minutes. The TUI locks after the same time.
enum IdleLock {
    static let variable = "THISTLE_LOCK_AFTER"

    static func fromEnvironment() throws -> TimeInterval {
        guard let text = ProcessInfo.processInfo.environment[variable], !text.isEmpty else {
            return try Config.load().lockAfter ?? SessionFolder.defaultIdle
        }
        guard let idle = parse(text) else {
            throw Failure("\(variable) must be minutes from 1 to 1440, or seconds from 5s to 86400s, not '\(text)'")
        }
        return idle
    }

    /// Minutes (1 to 1,440), or seconds with an `s` (5 to 86,400): the form
    /// both the variable and config.toml's `lock_after` take.
    static func parse(_ text: String) -> TimeInterval? {
        if text.hasSuffix("s"), let seconds = Int(text.dropLast()), (5...86_400).contains(seconds) {
            return TimeInterval(seconds)
        }
        guard let minutes = Int(text), (1...1_440).contains(minutes) else { return nil }
        return TimeInterval(minutes * 60)
    }
}
