import ArgumentParser
import Foundation
import PlaceDomain
import PlaceStore

struct DirectoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "directory", abstract: "The service directory in and out as Open Referral UK (HSDS 3.0, UK profile).",
        discussion: "See docs/directory.md for the forms, the columns and the taxonomy mapping file.",
        subcommands: [ImportDirectory.self, ExportDirectory.self])
}

struct ImportDirectory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a directory (admins): shows what will change, then writes it all or nothing.",
        discussion: """
            PATH is a folder of the CSV form (organization.csv, service.csv, location.csv, address.csv, phone.csv, \
            service_at_location.csv, service_area.csv, taxonomy_term.csv, attribute.csv), a folder of JSON files, or one \
            JSON file (a service, an array of them, or {"contents": [...]}). Records are matched by id: importing again \
            updates, never duplicates, and nothing is deleted. Taxonomy terms become need categories through the mapping \
            file (--mapping, else $XDG_CONFIG_HOME/thistle/taxonomy-map.csv if there). Without --yes the preview is shown \
            and, at a terminal, you are asked; elsewhere nothing is written.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The folder or JSON file.", valueName: "path")) var path: String
    @Option(help: ArgumentHelp("The taxonomy mapping file (CSV: taxonomy,term,category).", valueName: "file.csv"))
    var mapping: String?
    @OptionGroup var confirm: PreviewOptions
    @OptionGroup var output: JSONFlag

    func run() throws {
        let work = try PlanWork(global)
        guard work.actor.member.role == .admin || confirm.dryRun else { throw NotPermitted("only an admin imports the service directory") }
        let (tables, form) = try Self.read(path)
        let categories = Set(try work.store.needCategories().map(\.id))
        let plan = try work.store.planDirectoryImport(tables, mapping: try Self.mapping(mapping, categories: categories))
        let preview = Self.preview(plan, from: path, form: form)
        if confirm.dryRun || !plan.changesAnything {
            try printRecord(Shown(plan, applied: false), json: output.json,
                            text: preview + (plan.changesAnything ? "\nDry run: nothing was written." : "\nNothing to change."))
            return
        }
        guard try Confirmation.proceed(
            preview, question: "Write these changes?", yes: confirm.yes, json: output.json,
            refusal: "nothing was imported: add --yes to write these changes, or --dry-run to only preview them")
        else { return print("Nothing was imported.") }
        try work.store.applyDirectoryImport(plan, by: work.actor)
        let written = plan.items.count { $0.effect != .unchanged }
        try printRecord(Shown(plan, applied: true), json: output.json,
                        text: (confirm.yes ? preview + "\n" : "") + "Imported: \(written) record\(written == 1 ? "" : "s") written.")
    }

    /// The tables at `path`, and which form they were in.
    static func read(_ path: String) throws -> (OpenReferralTables, String) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw Failure("\(path) does not exist") }
        let url = URL(fileURLWithPath: path)
        guard isFolder.boolValue else {
            guard url.pathExtension.lowercased() == "json" else {
                throw Failure("\(path) is not a .json file; the CSV form is a folder of tables (organization.csv, service.csv, …)")
            }
            var tables = OpenReferralTables()
            try tables.addJSON(file: url)
            return (tables, "JSON")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        if names.contains("organization.csv") || names.contains("service.csv") {
            return (try OpenReferralTables(csvDirectory: url), "CSV")
        }
        let json = names.filter { $0.lowercased().hasSuffix(".json") }
        guard !json.isEmpty else {
            throw Failure("\(path) holds neither the CSV form (organization.csv, service.csv, …) nor JSON files")
        }
        var tables = OpenReferralTables()
        for name in json { try tables.addJSON(file: url.appendingPathComponent(name)) }
        return (tables, "JSON")
    }

    /// The mapping named, else the user's own, else Thistle's taxonomy alone.
    static func mapping(_ named: String?, categories: Set<NeedCategoryKey>) throws -> TaxonomyMapping {
        let path = named ?? ((Config.path() as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent("taxonomy-map.csv")
        guard named != nil || FileManager.default.fileExists(atPath: path) else { return TaxonomyMapping(categories: categories) }
        let text = try ImportFile.text(at: path, limit: 1 << 20)
        return try TaxonomyMapping(csv: text, file: path, categories: categories)
    }

    /// How many new and changed records a preview names; the counts cover them all.
    static let listed = 40

    static func preview(_ plan: DirectoryImportPlan, from path: String, form: String) -> String {
        var lines = ["Open Referral UK directory at \(path) (\(form) form):"]
        for kind in ["organization", "location", "service"] {
            let counts = [DirectoryImportPlan.Effect.new, .changed, .unchanged].map { "\(plan.count(kind, $0)) \($0.rawValue)" }
            lines.append("  " + (kind + "s").padding(toLength: 15, withPad: " ", startingAt: 0) + counts.joined(separator: ", "))
        }
        let changes = plan.items.filter { $0.effect != .unchanged }
        for item in changes.prefix(Self.listed) {
            let fields = item.effect == .changed ? " (\(item.fields.joined(separator: ", ")))" : ""
            lines.append("  \(item.effect.rawValue) \(item.kind) \(item.id): \(item.name.oneLine(limit: 60))\(fields)")
        }
        if changes.count > Self.listed { lines.append("  … and \(changes.count - Self.listed) more (--json lists every one)") }
        if !plan.unmapped.isEmpty {
            lines.append("Terms meeting no need category (add a line for each to the mapping file):")
            for term in plan.unmapped {
                lines.append("  \(term.taxonomy.isEmpty ? "" : term.taxonomy + " ")\(term.code.isEmpty ? "" : term.code + " ")"
                             + "\"\(term.name.oneLine(limit: 60))\" on \(term.services) service\(term.services == 1 ? "" : "s")")
            }
        }
        if !plan.withoutNeeds.isEmpty {
            lines.append("Services meeting no need category (triage will not offer them): "
                         + plan.withoutNeeds.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    /// The plan as `--json` prints it.
    struct Shown: Encodable {
        struct Counts: Encodable { let new: Int, changed: Int, unchanged: Int }
        let applied: Bool
        let organizations: Counts, locations: Counts, services: Counts
        let changes: [DirectoryImportPlan.Item]
        let unmapped: [DirectoryImportPlan.UnmappedTerm]
        let withoutNeeds: [String]

        init(_ plan: DirectoryImportPlan, applied: Bool) {
            func counts(_ kind: String) -> Counts {
                Counts(new: plan.count(kind, .new), changed: plan.count(kind, .changed), unchanged: plan.count(kind, .unchanged))
            }
            self.applied = applied
            (organizations, locations, services) = (counts("organization"), counts("location"), counts("service"))
            changes = plan.items.filter { $0.effect != .unchanged }
            unmapped = plan.unmapped
            withoutNeeds = plan.withoutNeeds
        }
    }
}

struct ExportDirectory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the service directory as Open Referral UK files into a folder (made if missing).",
        discussion: "csv writes the tables (organization.csv, service.csv, …); json writes services.json. Files of those names are replaced.")
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("json or csv.", valueName: "format")) var format: DirectoryForm
    @Argument(help: ArgumentHelp("The folder to write into.", valueName: "dir")) var dir: String
    @OptionGroup var output: JSONFlag

    enum DirectoryForm: String, ExpressibleByArgument, CaseIterable { case json, csv }

    func run() throws {
        let (store, _) = try global.openStore()
        let tables = try store.directoryTables()
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw Failure("\(dir) is a file; give a folder to write into") }
        } else {
            do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                throw Failure("cannot make the folder \(dir)")
            }
        }
        let files = format == .csv ? tables.csvFiles().map { ($0.name, Data($0.text.utf8)) } : [("services.json", try tables.jsonFile())]
        for (name, data) in files {
            let path = (dir as NSString).appendingPathComponent(name)
            guard FileManager.default.createFile(atPath: path, contents: data) else { throw Failure("cannot write \(path)") }
        }
        struct Shown: Encodable { let dir: String, format: String, files: [String], services: Int }
        let services = tables.rows[.service]?.count ?? 0
        try printRecord(Shown(dir: dir, format: format.rawValue, files: files.map(\.0), services: services), json: output.json,
                        text: "Wrote \(services) services to \(dir) (\(files.map(\.0).joined(separator: ", ")))")
    }
}
