import ArgumentParser
import Foundation
import PlaceDomain
import PlaceStore
import PlaceSync
import SampleData

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create your team's database: its places, agencies and members from CSV, and its first admin.",
        discussion: """
            places.csv: id,name,kind,parent,code,population (kind council, area or community; parent empty for the \
            council; code an official area code such as a GSS code). agencies.csv: id,name,kind,description,website. \
            members.csv: id,name,agency,role,places (places separated by ;). The first admin's passphrase comes from \
            THISTLE_NEW_PASSPHRASE_FILE or is asked twice; the other members get theirs from an admin \
            (thistle member passphrase MEMBER). Shows what it will make; without --yes it asks at a terminal, and \
            elsewhere makes nothing. See docs/cli.md.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The places file.", valueName: "places.csv")) var places: String
    @Option(help: ArgumentHelp("The agencies file.", valueName: "agencies.csv")) var agencies: String
    @Option(help: ArgumentHelp("The members file.", valueName: "members.csv")) var members: String
    @Option(help: ArgumentHelp("The first admin (an admin in members.csv; needed when it has several).", valueName: "member-id"))
    var admin: String?
    @Option(help: ArgumentHelp("A name people know this device by.", valueName: "text")) var deviceName = "first device"
    @OptionGroup var confirm: PreviewOptions
    @OptionGroup var output: JSONFlag

    func run() throws {
        let path = global.databasePath
        guard !FileManager.default.fileExists(atPath: path) else {
            throw Failure("\(path) exists; init makes a new database (give another with --db)")
        }
        try FileManager.default.createDirectoryIfDefault(for: path, explicit: global.db != nil)
        func file(_ path: String) throws -> TeamFiles.File {
            let text = try ImportFile.text(at: path, limit: 16 << 20)
            return TeamFiles.File(name: path, text: text)
        }
        let team = try TeamFiles(places: try file(places), agencies: try file(agencies), members: try file(members))
        let admins = team.members.filter { $0.role == .admin }
        let first: Member
        if let admin {
            guard let found = team.members.first(where: { $0.id.rawValue == admin }), found.role == .admin else {
                throw Failure("--admin \(admin) is not an admin in \(members) (admins: \(admins.map(\.id.rawValue).joined(separator: ", ")))")
            }
            first = found
        } else {
            guard admins.count == 1 else {
                throw Failure(admins.isEmpty ? "\(members) has no admin: give the first admin the role admin"
                              : "\(members) has \(admins.count) admins: name the first with --admin (\(admins.map(\.id.rawValue).joined(separator: ", ")))")
            }
            first = admins[0]
        }
        let summary = Summary(team, db: path, admin: first)
        if confirm.dryRun {
            return try printRecord(summary, json: output.json, text: summary.text + "\nDry run: nothing was made.")
        }
        guard try Confirmation.proceed(
            summary.text, question: "Make it?", yes: confirm.yes, json: output.json,
            refusal: "nothing was made: add --yes to make it, or --dry-run to only check the files")
        else { return print("Nothing was made.") }
        let passphrase = try PassphraseInput.readNew(prompt: "Passphrase for \(first.name): ")
        var teamID = ""
        try team.build(
            at: path, needCategories: try PlaceFiles.needCategories(in: SampleData.fifeDirectory), admin: first.id,
            passphrase: passphrase
        ) { store, keys in
            teamID = try TeamMembership.create(in: store, keys: keys, deviceName: try PlanRules.line(deviceName, "a device name", limit: 100)).teamID
        }
        try printRecord(summary, json: output.json, text: (confirm.yes ? summary.text + "\n" : "") + "Made team \(teamID). Sign in with: thistle --db \(path) --as \(first.id)\n"
                        + "Then set the other members' first passphrases: thistle member passphrase MEMBER")
    }

    /// What init makes, as shown before and after.
    struct Summary: Encodable {
        let db: String
        let admin: String
        let places: [String: Int]
        let codes: Int
        let agencies: Int
        let members: [String: Int]

        init(_ team: TeamFiles, db: String, admin: Member) {
            self.db = db
            self.admin = admin.id.rawValue
            places = Dictionary(grouping: team.places, by: \.kind.rawValue).mapValues(\.count)
            codes = team.places.count { $0.code != nil }
            agencies = team.agencies.count
            members = Dictionary(grouping: team.members, by: \.role.rawValue).mapValues(\.count)
        }

        var text: String {
            func counts(_ values: [String: Int], _ order: [String]) -> String {
                let plurals = ["community": "communities", "frontline": "frontline"]
                return order.compactMap { key in
                    values[key].map { "\($0) \($0 == 1 ? key : plurals[key] ?? key + "s")" }
                }.joined(separator: ", ")
            }
            return """
                A new team database at \(db):
                  places    \(counts(places, PlaceKind.allCases.map(\.rawValue))) (\(codes) with an area code)
                  agencies  \(agencies)
                  members   \(counts(members, Role.allCases.map(\.rawValue)))
                  first admin \(admin), who signs in with the passphrase set next
                """
        }
    }
}
