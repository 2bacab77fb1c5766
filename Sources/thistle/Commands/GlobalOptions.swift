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

    var databasePath: String {
        let path = db ?? PlaceStore.defaultPath()
        return path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    func validate() throws {
        if let db, db.isEmpty { throw ValidationError("--db needs a file path") }
        if let member, member.isEmpty { throw ValidationError("--as needs a member id") }
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
