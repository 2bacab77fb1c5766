import ArgumentParser
import Foundation
import PlaceDomain
import PlaceStore

struct ResidentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resident", abstract: "Register residents (with a check for likely duplicates).",
        subcommands: [AddResident.self])
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
        let words = name.split(whereSeparator: \.isWhitespace).map(String.init)
        let checked = try ResidentName.validate(
            givenName: words.dropLast().joined(separator: " "), familyName: words.last ?? "")
        guard let birth = CalendarDate(dob), birth.isOnOrBefore(action.now) else {
            throw Failure("--dob \"\(dob)\" is not a date of birth: give a past date as YYYY-MM-DD")
        }
        guard action.tree[PlaceID(place)] != nil else { throw StoreError.unknownPlace(place) }
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

/// A calendar date `YYYY-MM-DD` that exists (no 31 February).
struct CalendarDate {
    let components: DateComponents

    init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(calendar: calendar, year: year, month: month, day: day)
        guard components.isValidDate else { return nil }
        self.components = components
    }

    func isOnOrBefore(_ now: Date) -> Bool {
        guard let date = components.date else { return false }
        return date <= now
    }
}
