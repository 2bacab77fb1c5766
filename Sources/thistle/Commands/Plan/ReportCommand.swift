import ArgumentParser
import Foundation
import PlaceDomain
import PlaceReports
import PlaceStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports for a place's board.", subcommands: [DashboardReportCommand.self])
}

extension ReportFormat: ExpressibleByArgument {}

struct DashboardReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "A place's dashboard, rolled up over everything within it.",
        discussion: """
            html is one self-contained file (inline CSS and SVG, no scripts) to hand a board; md and csv \
            are for papers and spreadsheets; json carries every figure under the keys in docs/reports.md. \
            html, md and csv show counts of 1 to 4 as "<5" unless --no-suppress.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The place (an id from `thistle places`).", valueName: "place-id")) var place: String
    @Option(help: "text, md, csv, json or html.") var format: ReportFormat = .text
    @Flag(help: "Short for --format json.") var json = false
    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file")) var out: String?
    @Flag(help: "Show counts of 1 to 4 in the board formats too.") var noSuppress = false

    func validate() throws {
        if json && format != .text && format != .json {
            throw ValidationError("--json and --format \(format.rawValue) ask for different formats; give one")
        }
        if let out, out.isEmpty { throw ValidationError("--out needs a file path") }
    }

    func run() throws {
        let chosen = json ? .json : format
        let (store, signedIn) = try global.signIn()
        let tree = try store.placeTree()
        guard tree[PlaceID(place)] != nil else { throw StoreError.unknownPlace(place) }
        let board = try store.dashboard(of: PlaceID(place), tree: tree, now: Date())
        let suppress = chosen.suppressesByDefault && !noSuppress
        let report = try DashboardReport(board, suppress: suppress).render(chosen)
        try store.recordExport("dashboard report of \(place) as \(chosen.rawValue)" + (suppress ? "" : ", small counts shown")
                               + (out.map { " to \($0)" } ?? ""), by: signedIn.member.id)
        guard let out else {
            print(report, terminator: "")
            return
        }
        // Written whole to a temporary file beside the target, then moved into place.
        let url = URL(fileURLWithPath: out)
        var isFolder: ObjCBool = false
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw Failure("cannot write \(out): the folder \(folder) does not exist")
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid())")
        do {
            try Data(report.utf8).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else { throw Failure(String(cString: strerror(errno))) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw Failure("cannot write \(out): \((error as? Failure)?.description ?? error.localizedDescription)")
        }
        FileHandle.standardError.write(Data("thistle: wrote \(out)\n".utf8))
    }
}
