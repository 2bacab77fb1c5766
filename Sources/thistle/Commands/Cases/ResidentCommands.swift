import ArgumentParser
import Foundation
import PlaceDomain
import PlaceStore

struct ResidentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resident", abstract: "Register residents (with a check for likely duplicates).",
        subcommands: [AddResident.self, FindResident.self, UpdateResident.self, MergeResidents.self, ExportResident.self,
                      EraseResident.self])
}

struct AddResident: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Register a resident. Likely duplicates (same date of birth and a close name, or same date of birth and postcode) are refused unless --confirm-new.")
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Full name: given names, then family name.", valueName: "name")) var name: String
    @Option(help: ArgumentHelp("Date of birth.", valueName: "YYYY-MM-DD")) var dob: String
    @Option(help: "Postcode.") var postcode: String
    @Option(help: ArgumentHelp("The community they live in (an id from `thistle places`).", valueName: "place-id"))
    var place: String
    @Flag(name: .customLong("confirm-new"), help: "Register even though likely duplicates exist.") var confirmNew = false
    @OptionGroup var output: FormatOptions

    func run() throws {
        let action = try CaseAction(global)
        let checked = try ResidentInput.name(name)
        try ResidentInput.checkBirth(dob, now: action.now)
        let postcode = try Postcode.validate(postcode)
        try ResidentInput.checkPlace(place, in: action.tree)
        let candidate = ResidentCandidate(
            givenName: checked.givenName, familyName: checked.familyName, dateOfBirth: dob, postcode: postcode)
        let duplicates = ResidentMatcher.likelyDuplicates(of: candidate, among: try action.store.residents(bornOn: dob))
        if !duplicates.isEmpty && !confirmNew { throw PossibleDuplicate(candidates: duplicates) }
        let resident = Resident(
            id: ResidentID(action.store.newID()), givenName: checked.givenName, familyName: checked.familyName,
            dateOfBirth: dob, postcode: postcode, placeID: PlaceID(place))
        try action.store.write(by: action.actor.id, [try .create(resident)])
        let json = ResidentOutput.json(resident)
        print(output.resolved == .json ? json.jsonText : "Registered \(resident.fullName) as \(resident.id)")
    }
}

/// A resident as the CLI prints them: `{"id","name","dob","postcode","place"}`.
enum ResidentOutput {
    static func json(_ resident: Resident) -> JSONValue {
        .object([
            "id": .string(resident.id.rawValue), "name": .string(resident.fullName),
            "dob": resident.dateOfBirth.map { .string($0) } ?? .null,
            "postcode": resident.postcode.map { .string($0) } ?? .null, "place": .string(resident.placeID.rawValue),
        ])
    }
}

/// Likely duplicates were found; exit status 1, error code `possible-duplicate`.
struct PossibleDuplicate: Error, CustomStringConvertible {
    let candidates: [Resident]
    var description: String {
        "this may be someone already registered: "
            + candidates.map { "\($0.fullName) (\($0.id), born \($0.dateOfBirth ?? "?"), \($0.postcode ?? "no postcode"))" }
            .joined(separator: "; ") + ". Use their id, or add --confirm-new if this is a different person."
    }
}

/// Checks shared by `resident add` and `resident update`.
enum ResidentInput {
    /// "Given names Family" → the validated parts.
    static func name(_ text: String) throws -> ResidentName {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        return try ResidentName.validate(givenName: words.dropLast().joined(separator: " "), familyName: words.last ?? "")
    }

    static func checkBirth(_ text: String, now: Date) throws {
        try DateOfBirth.validate(text, now: now)
    }

    static func checkPlace(_ id: String, in tree: PlaceTree) throws {
        guard tree[PlaceID(id)] != nil else { throw StoreError.unknownPlace(id) }
    }
}

struct FindResident: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find", abstract: "Find residents by name, postcode or id.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Part of a name, a postcode or an id.") var text: String
    @OptionGroup var output: FormatOptions

    func run() throws {
        let action = try CaseAction(global)
        var listing = Listing(keys: ["id", "name", "dob", "postcode", "place"])
        listing.rows = try action.store.residents(matching: text, for: action.actor).map {
            [.text($0.id.rawValue), .text($0.fullName), .text($0.dateOfBirth), .text($0.postcode), .text($0.placeID.rawValue)]
        }
        print(listing.render(output.resolved), terminator: "")
    }
}

struct UpdateResident: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Correct a resident's name, date of birth, postcode or place.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The resident id.", valueName: "resident-id")) var residentID: String
    @Option(help: ArgumentHelp("Full name: given names, then family name.", valueName: "name")) var name: String?
    @Option(help: ArgumentHelp("Date of birth.", valueName: "YYYY-MM-DD")) var dob: String?
    @Option(help: "Postcode.") var postcode: String?
    @Option(help: ArgumentHelp("The community they live in.", valueName: "place-id")) var place: String?
    @OptionGroup var output: FormatOptions

    func validate() throws {
        if name == nil && dob == nil && postcode == nil && place == nil {
            throw ValidationError("give at least one of --name, --dob, --postcode, --place")
        }
    }

    func run() throws {
        let action = try CaseAction(global)
        guard let original = try action.store.resident(ResidentID(residentID)) else {
            throw UnknownID(kind: "resident", id: residentID)
        }
        var updated = original
        if let name {
            let checked = try ResidentInput.name(name)
            updated.givenName = checked.givenName
            updated.familyName = checked.familyName
        }
        if let dob {
            try ResidentInput.checkBirth(dob, now: action.now)
            updated.dateOfBirth = dob
        }
        if let postcode { updated.postcode = try Postcode.validate(postcode) }
        if let place {
            try ResidentInput.checkPlace(place, in: action.tree)
            updated.placeID = PlaceID(place)
        }
        try action.store.update(original, to: updated, by: action.actor.id)
        let json = ResidentOutput.json(updated)
        print(output.resolved == .json ? json.jsonText : "Updated \(updated.fullName) (\(updated.id))")
    }
}

struct MergeResidents: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Merge two records of one person: OTHER's cases move to KEEP, and OTHER's id resolves to KEEP.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The record to keep.", valueName: "keep")) var keep: String
    @Argument(help: ArgumentHelp("The record merged into it.", valueName: "other")) var other: String
    @OptionGroup var output: FormatOptions

    func run() throws {
        let action = try CaseAction(global)
        guard let kept = try action.store.resident(ResidentID(keep)) else { throw UnknownID(kind: "resident", id: keep) }
        guard let merged = try action.store.resident(ResidentID(other)) else { throw UnknownID(kind: "resident", id: other) }
        guard merged.id.rawValue == other else { throw CaseRuleViolation.alreadyMerged(ResidentID(other), into: merged.id) }
        try ResidentMerge.check(keep: kept, other: merged, by: action.actor)
        try action.store.mergeResident(merged, into: kept, by: action.actor.id)
        let json = ResidentOutput.json(kept)
        print(output.resolved == .json ? json.jsonText : "Merged \(other) into \(kept.fullName) (\(kept.id))")
    }
}

struct ExportResident: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Everything held about a resident, and who viewed it, for a subject access request (leads and admins).",
        discussion: "Every case in it gets an export entry in the audit trail. The file is written 0600.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The resident.", valueName: "resident-id")) var resident: String
    @Option(help: ArgumentHelp("The subject access request's reference.", valueName: "text")) var request: String
    @Option(help: ArgumentHelp("Write it to this file instead of standard output.", valueName: "file")) var out: String?
    /// The export is JSON either way; `--json` also puts refusals on stdout as JSON.
    @OptionGroup var output: JSONFlag

    func run() throws {
        let action = try CaseAction(global)
        if let out, FileManager.default.fileExists(atPath: out) { throw Failure("\(out) exists; choose a new file") }
        let record = try action.store.subjectAccessExport(ResidentID(resident), request: request, by: action.actor)
        let names = Dictionary(uniqueKeysWithValues: try allPages(action.store.members) {
            NameKey(name: $0.name, id: $0.id.rawValue)
        }.map { ($0.id.rawValue, $0.name) })
        let json = SubjectAccessOutput.json(record, request: request, by: action.actor.id, at: action.now, names: names)
        guard let out else {
            print(json.jsonText)
            return
        }
        try writePrivately(Data((json.jsonText + "\n").utf8), to: out)
        FileHandle.standardError.write(Data("thistle: wrote \(out)\n".utf8))
    }
}

struct EraseResident: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Destroy a resident's key on every laptop and the hub, so their details can no longer be read (leads and admins).",
        discussion: """
            Records merged into the resident are erased too. The records and counts stay; the name, date of birth, \
            postcode, notes and reasons read as "(erased)" from then on. Cannot be undone.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The resident.", valueName: "resident-id")) var resident: String
    @Option(help: ArgumentHelp("Why (for example the erasure request's reference).", valueName: "text")) var reason: String
    @OptionGroup var output: FormatOptions

    func run() throws {
        let action = try CaseAction(global)
        let erased = try action.store.eraseResident(ResidentID(resident), reason: reason, by: action.actor)
        let ids = erased.map(\.rawValue)
        print(output.resolved == .json
              ? JSONValue.object(["erased": .array(ids.map { .string($0) })]).jsonText
              : "Erased \(ids.joined(separator: ", ")): their details can no longer be read")
    }
}
