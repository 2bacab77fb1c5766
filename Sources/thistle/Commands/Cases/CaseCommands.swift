import ArgumentParser
import Foundation
import PlaceDomain
import PlaceStore

struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "Open, show and work a case.",
        subcommands: [
            OpenCase.self, ShowCase.self, CaseConsent.self, CaseRefer.self, CaseLead.self, CaseNote.self, CloseCase.self,
            ImportCases.self,
        ])
}

/// `--need CATEGORY[:urgent|soon|routine]` (routine when not given).
struct NeedSpec: ExpressibleByArgument {
    let category: NeedCategoryKey
    let urgency: Urgency

    init?(argument: String) {
        let parts = argument.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), !parts[0].isEmpty else { return nil }
        guard let urgency = parts.count == 2 ? Urgency(rawValue: parts[1]) : .routine else { return nil }
        category = NeedCategoryKey(parts[0])
        self.urgency = urgency
    }
}

struct OpenCase: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open a case at your door for a resident, with their needs.")
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The resident (an id from `resident add` or `resident find`).", valueName: "resident-id"))
    var resident: String
    @Option(help: ArgumentHelp("A need: a category from the taxonomy, optionally :urgent, :soon or :routine. Repeat for more.",
                               valueName: "category[:urgency]"))
    var need: [NeedSpec] = []
    @Option(help: ArgumentHelp("The resident's story in their words, kept as the case summary.", valueName: "text"))
    var note: String?
    @OptionGroup var output: FormatOptions

    func run() throws {
        let action = try CaseAction(global)
        guard let person = try action.store.resident(ResidentID(resident)) else {
            throw UnknownID(kind: "resident", id: resident)
        }
        for spec in need where try action.store.needCategory(spec.category) == nil {
            throw StoreError.unknownNeedCategory(spec.category.rawValue)
        }
        let needs = need.map { NewNeed(id: NeedID(action.store.newID()), category: $0.category, urgency: $0.urgency) }
        try action.apply(nil, output.resolved) {
            try CaseFile.open(
                id: CaseID(action.store.newID()), residentID: person.id, placeID: person.placeID, needs: needs,
                summary: note ?? "", by: action.actor, now: action.now)
        }
    }
}

struct ShowCase: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a case: needs, referrals, consent.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The case id.", valueName: "case-id")) var caseID: String
    @OptionGroup var output: FormatOptions

    func run() throws {
        let action = try CaseAction(global)
        try action.show(CaseID(caseID), output.resolved)
    }
}

struct CaseConsent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent", abstract: "Record (or withdraw) consent to share a case with agencies.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The case id.", valueName: "case-id")) var caseID: String
    @Option(help: ArgumentHelp("An agency the case may be shared with. Repeat for more.", valueName: "agency-id"))
    var agency: [String] = []
    @Option(help: "The lawful basis: consent, public-task, legal-obligation or vital-interests.")
    var basis: ConsentBasis = .consent
    @Option(help: ArgumentHelp("The data-sharing agreement it rests on (default: the one standing for the case's place).",
                               valueName: "reference"))
    var dsa: String?
    @Flag(help: "Withdraw consent for these agencies instead.") var withdraw = false
    @OptionGroup var output: FormatOptions

    func validate() throws {
        if agency.isEmpty { throw ValidationError("name at least one --agency") }
    }

    func run() throws {
        let action = try CaseAction(global)
        let original = try action.caseFile(caseID)
        for id in agency where try action.store.agency(AgencyID(id)) == nil { throw UnknownID(kind: "agency", id: id) }
        try action.apply(original, output.resolved) {
            try agency.reduce(CaseUpdate(file: original, events: [])) { update, id in
                let next = withdraw
                    ? try update.file.withdrawConsent(
                        agency: AgencyID(id), services: try action.servicesInFlight(update.file), by: action.actor,
                        now: action.now)
                    : try update.file.recordConsent(
                        id: ConsentID(action.store.newID()), agency: AgencyID(id), basis: basis,
                        dataSharingAgreement: dsa, standingAgreement: action.tree.dataSharingAgreement(at: original.case.placeID),
                        by: action.actor, now: action.now)
                return update.followed(by: next)
            }
        }
    }
}

struct CaseRefer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refer", abstract: "Refer one of a case's needs to a service that meets it and covers the place.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The case id.", valueName: "case-id")) var caseID: String
    @Option(help: ArgumentHelp("The need to refer (an id from `case show`).", valueName: "need-id")) var need: String
    @Option(help: ArgumentHelp("The service to refer it to.", valueName: "service-id")) var service: String
    @Option(name: .customLong("override-consent"),
            help: ArgumentHelp("Send without recorded consent for the service's agency, for this reason.", valueName: "reason"))
    var overrideConsent: String?
    @Option(help: "With --override-consent: the lawful basis, public-task (the default), legal-obligation or vital-interests.")
    var basis: ConsentBasis = .publicTask
    @Option(help: ArgumentHelp("With --override-consent: the data-sharing agreement (default: the one standing for the case's place).",
                               valueName: "reference"))
    var dsa: String?
    @OptionGroup var output: FormatOptions

    func run() throws {
        let action = try CaseAction(global)
        let original = try action.caseFile(caseID)
        let target = try action.service(service)
        try action.apply(original, output.resolved) {
            try original.refer(
                id: ReferralID(action.store.newID()), needID: NeedID(need), to: target,
                servicePlacesCover: target.covers(original.case.placeID, in: action.tree),
                consentOverride: overrideConsent.map {
                    ConsentOverrideRequest(reason: $0, basis: basis, dataSharingAgreement: dsa,
                                           standingAgreement: action.tree.dataSharingAgreement(at: original.case.placeID))
                }, by: action.actor, now: action.now)
        }
    }
}

struct CaseLead: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lead", abstract: "Hand a case to a new lead professional.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The case id.", valueName: "case-id")) var caseID: String
    @Option(help: ArgumentHelp("The new lead professional.", valueName: "member-id")) var member: String
    @OptionGroup var output: FormatOptions

    func run() throws {
        let action = try CaseAction(global)
        let original = try action.caseFile(caseID)
        guard let lead = try action.store.member(MemberID(member)) else { throw StoreError.unknownMember(member) }
        try action.apply(original, output.resolved) { try original.changeLead(to: lead, by: action.actor, now: action.now) }
    }
}

struct CaseNote: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to a case.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The case id.", valueName: "case-id")) var caseID: String
    @Option(help: ArgumentHelp("The note.", valueName: "text")) var text: String
    @OptionGroup var output: FormatOptions

    func run() throws {
        let action = try CaseAction(global)
        let file = try action.caseFile(caseID)
        let note = try file.note(id: NoteID(action.store.newID()), text: text, by: action.actor, now: action.now)
        try action.store.write(by: action.actor.id, [try .create(note)])
        print(output.resolved == .json ? CaseOutput.json(file).jsonText : CaseOutput.text(file), terminator: output.resolved == .json ? "\n" : "")
    }
}

struct CloseCase: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close a case once every need is met or closed and no referral is in flight.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The case id.", valueName: "case-id")) var caseID: String
    @Option(help: ArgumentHelp("Why the case is closing.", valueName: "text")) var reason: String?
    @OptionGroup var output: FormatOptions

    func run() throws {
        let action = try CaseAction(global)
        let original = try action.caseFile(caseID)
        try action.apply(original, output.resolved) { try original.closeCase(reason: reason, by: action.actor, now: action.now) }
    }
}

extension ConsentBasis: ExpressibleByArgument {}

extension CaseUpdate {
    /// This update, then `next` (a rule run on this update's file).
    func followed(by next: CaseUpdate) -> CaseUpdate {
        var combined = next
        combined.events = events + next.events
        combined.flaggedReferrals = flaggedReferrals + next.flaggedReferrals
        return combined
    }
}

extension CaseAction {
    /// The services of a case's referrals, which consent withdrawal checks.
    func servicesInFlight(_ file: CaseFile) throws -> [Service] {
        try Set(file.referrals.map(\.serviceID)).sorted().compactMap { try store.service($0) }
    }
}

struct ImportCases: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Open cases at your door from a CSV or JSON file (paper forms, another system): all or nothing.",
        discussion: """
            The CSV's columns (JSON: an array of objects with these keys): ref, resident, given_name, family_name, dob, \
            postcode, place, needs, opened, summary. ref is the source's reference (the case becomes case-import-REF, so a second import \
            opens nothing twice); resident an existing id, or else given_name, family_name, dob, postcode and place \
            register someone new (refused if they may be someone already registered); needs CATEGORY[:urgency] \
            separated by ;; opened YYYY-MM-DD, not in the future. Every case is opened by the rules `case open` \
            follows: you are its door and its lead. See docs/cli.md.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The CSV or JSON file.", valueName: "file")) var file: String
    @OptionGroup var confirm: PreviewOptions
    @OptionGroup var output: JSONFlag

    func run() throws {
        let action = try CaseAction(global)
        let name = (file as NSString).lastPathComponent
        let text = try ImportFile.text(at: file, named: name, limit: 64 << 20)
        let rows = file.lowercased().hasSuffix(".json")
            ? try CaseImportRow.rows(json: text, file: name) : try CaseImportRow.rows(csv: text, file: name)
        let bar = ProgressBar("Checking", unit: "rows")
        let plan = try action.store.planCaseImport(rows, by: action.actor, now: action.now, progress: bar.update)
        bar.finish()
        let preview = Self.preview(plan, from: name)
        if confirm.dryRun || plan.opening.isEmpty {
            return try printRecord(Shown(plan, applied: false), json: output.json,
                                   text: preview + (plan.opening.isEmpty ? "\nNothing to open." : "\nDry run: nothing was written."))
        }
        guard try Confirmation.proceed(
            preview, question: "Open these cases?", yes: confirm.yes, json: output.json,
            refusal: "nothing was imported: add --yes to open these cases, or --dry-run to only check the file")
        else { return print("Nothing was imported.") }
        try action.store.applyCaseImport(plan, by: action.actor)
        try printRecord(Shown(plan, applied: true), json: output.json,
                        text: (confirm.yes ? preview + "\n" : "") + "Opened \(plan.opening.count) case\(plan.opening.count == 1 ? "" : "s").")
    }

    /// How many cases a preview names; the counts cover them all.
    static let listed = 20

    static func preview(_ plan: CaseImportPlan, from name: String) -> String {
        var lines = ["Cases from \(name):",
                     "  open \(plan.opening.count) (\(plan.newResidents) new resident\(plan.newResidents == 1 ? "" : "s"), "
                        + "\(Set(plan.opening.filter { !$0.newResident }.map(\.resident)).count) already registered)"]
        if !plan.skipped.isEmpty { lines.append("  skip \(plan.skipped.count) opened by an earlier import: \(plan.skipped.joined(separator: ", "))") }
        for item in plan.opening.prefix(Self.listed) {
            let who = item.newResident ? "\(item.residentName) (new)" : "\(item.residentName) (\(item.resident))"
            lines.append("  \(item.case) for \(who.oneLine(limit: 60)): \(item.needs.joined(separator: ", "))")
        }
        if plan.opening.count > Self.listed { lines.append("  … and \(plan.opening.count - Self.listed) more (--json lists every one)") }
        return lines.joined(separator: "\n")
    }

    /// `--json`: `{"applied","opened":[{"ref","case","resident","newResident","needs"}],"skipped":[case ids],"newResidents"}`.
    struct Shown: Encodable {
        let applied: Bool
        let opened: [CaseImportPlan.Item]
        let skipped: [String]
        let newResidents: Int
        init(_ plan: CaseImportPlan, applied: Bool) {
            self.applied = applied
            opened = plan.opening
            skipped = plan.skipped
            newResidents = plan.newResidents
        }
    }
}
