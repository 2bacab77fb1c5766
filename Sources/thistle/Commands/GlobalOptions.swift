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

    /// `thistle --db X places` reads as `thistle places --db X`: global
    /// options given before the command name are moved after it, where
    /// each command declares them.
    static func movedAfterCommand(_ arguments: [String]) -> [String] {
        let commands = Set(Thistle.configuration.subcommands.compactMap { $0.configuration.commandName })
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
        guard !leading.isEmpty, index < arguments.count, commands.contains(arguments[index]) else { return arguments }
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

    /// For verbs that act as a member: the store, the place tree, who is acting (`--as` is required) and now.
    func acting() throws -> (store: PlaceStore, tree: PlaceTree, actor: ActingMember, now: Date) {
        let (store, member) = try openStore()
        guard let member else { throw Failure("this command acts as a member: give --as MEMBER_ID") }
        let tree = try store.placeTree()
        return (store, tree, ActingMember(member: member, tree: tree), Date())
    }

    /// Opens the existing database and checks `--as` names a member.
    func openStore() throws -> (PlaceStore, Member?) {
        let store = try PlaceStore.open(at: databasePath)
        guard let member else { return (store, nil) }
        guard let found = try store.member(MemberID(member)) else {
            throw StoreError.unknownMember(member)
        }
        return (store, found)
    }
}
