import ArgumentParser
import Foundation
import PlaceDomain
import PlaceStore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "The audit trail: who viewed or changed what, in signed chains per device.",
        subcommands: [VerifyAudit.self, ShowAudit.self])
}

/// A broken audit chain: exit status 1, code `audit-broken`.
struct AuditBroken: CodedRefusal {
    let problems: [AuditProblem]
    var code: String { "audit-broken" }
    var description: String {
        "the audit trail has been tampered with: " + problems.prefix(5).map(\.description).joined(separator: "; ")
            + (problems.count > 5 ? "; and \(problems.count - 5) more" : "")
    }
}

struct VerifyAudit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every device's audit chain; any edited, removed, inserted or reordered entry is named (exit 1).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONFlag

    func run() throws {
        let (store, _) = try global.signIn()
        let report = try store.verifyAudit()
        guard report.isIntact else { throw AuditBroken(problems: report.problems) }
        struct Chain: Encodable { let device: String, entries: Int, signed: Int }
        struct Shown: Encodable { let intact: Bool, devices: [Chain] }
        let chains = report.chains.map { Chain(device: $0.deviceID.rawValue, entries: $0.entries, signed: $0.signed) }
        try printRecord(Shown(intact: true, devices: chains), json: output.json, text: (
            ["The audit trail is intact."] + chains.map { "  \($0.device): \($0.entries) entries, \($0.signed) signed" }
        ).joined(separator: "\n"))
    }
}

struct ShowAudit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Who viewed or changed a case, newest first (its lead, a lead serving its place, or an admin).")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("case"), help: ArgumentHelp("The case.", valueName: "case-id")) var caseID: String
    @OptionGroup var output: FormatOptions

    func run() throws {
        let (store, _, actor, _) = try global.acting()
        let members = Dictionary(uniqueKeysWithValues: try allPages(store.members) { NameKey(name: $0.name, id: $0.id.rawValue) }
            .map { ($0.id, $0.name) })
        var listing = Listing(keys: ["at", "member", "name", "action", "detail", "device"])
        listing.rows = try store.caseAudit(CaseID(caseID), for: actor).map { entry in
            [.text(ISOTime.string(entry.at)), .text(entry.memberID?.rawValue),
             .text(entry.memberID.flatMap { members[$0] }), .text(entry.action.rawValue), .text(entry.detail),
             .text(entry.deviceID.rawValue)]
        }
        print(listing.render(output.resolved), terminator: "")
    }
}
