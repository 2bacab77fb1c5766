import ArgumentParser
import Foundation
import PlaceStore
import PlaceSync
import SampleData

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build the synthetic Fife demo place (if missing) and open it.",
        discussion: """
            Everyone in the demo is fictional. Without --db it lives at $XDG_DATA_HOME/thistle/demo.sqlite, \
            apart from the team's database. --reset rebuilds it; only a Thistle database is ever replaced.
            """)
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Rebuild the demo database even if it exists.") var reset = false
    @Flag(name: .customLong("no-tui"), help: "Build the demo database but do not open the workspace.") var noTUI = false

    func run() throws {
        if !noTUI { try TerminalSession.check() }
        // The demo lives apart from the team's database unless --db says otherwise.
        let path = global.db == nil ? DemoCommand.defaultPath : global.databasePath
        try FileManager.default.createDirectoryIfDefault(for: path, explicit: global.db != nil)
        // A demo database is a team of one, so it can invite a second laptop and sync.
        let built = try DemoPlace.build(at: path, from: SampleData.fifeDirectory, reset: reset) { store, keys in
            try TeamMembership.create(in: store, keys: keys, deviceName: "demo laptop")
        }
        if noTUI {
            print(built ? "Built the demo place at \(path)" : "The demo place is already at \(path) (use --reset to rebuild it)")
            print("Every demo member's passphrase is \"\(DemoPlace.passphrase)\".")
            return
        }
        var options = global
        options.db = path
        try TerminalSession.run(options, passphraseHint: "The demo: every member's passphrase is \"\(DemoPlace.passphrase)\".")
    }

    /// `$XDG_DATA_HOME/thistle/demo.sqlite`, beside the team's database.
    static var defaultPath: String {
        ((PlaceStore.defaultPath() as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent("demo.sqlite")
    }
}

extension FileManager {
    /// The default database folder is Thistle's own, so it is made on first
    /// use; a folder the user named with --db must already exist.
    func createDirectoryIfDefault(for path: String, explicit: Bool) throws {
        guard !explicit else { return }
        try createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    }
}
