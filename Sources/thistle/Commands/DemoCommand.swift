import ArgumentParser
import Foundation
import PlaceStore
import SampleData

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build the synthetic Fife demo place (if missing) and open it.",
        discussion: "Everyone in the demo is fictional. --reset rebuilds it; only a Thistle database is ever replaced.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Rebuild the demo database even if it exists.") var reset = false
    @Flag(name: .customLong("no-tui"), help: "Build the demo database but do not open the workspace.") var noTUI = false

    func run() throws {
        if !noTUI { try TerminalSession.check() }
        let path = global.databasePath
        try FileManager.default.createDirectoryIfDefault(for: path, explicit: global.db != nil)
        let built = try DemoPlace.build(at: path, from: SampleData.fifeDirectory, reset: reset)
        if noTUI {
            print(built ? "Built the demo place at \(path)" : "The demo place is already at \(path) (use --reset to rebuild it)")
            return
        }
        let (store, member) = try global.openStore()
        try TerminalSession.run(store: store, member: member)
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
