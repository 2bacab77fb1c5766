import Foundation
import PlaceDomain
import TerminalUI

/// Logs a new case at the door, in four steps on one screen: who the
/// resident is (found, or registered after a duplicate check), their needs,
/// the agencies they consent to sharing with, and a first note. Nothing is
/// written until Enter on the note; then the new case opens.
public struct LogCaseScreen: Equatable, Sendable {
    public enum Step: Equatable, Sendable {
        case resident, newResident, duplicates, needs, consent, note
    }

    /// The worklist it was opened from, for the breadcrumb of the new case.
    public let from: String
    public var step: Step = .resident
    public var search = TextField(limit: ResidentSearch.maximumLength)
    public var matches: [Resident] = []
    public var matchSelection = 0
    /// The resident the case is for: found, or new (not yet written, no id).
    public var resident: Resident?
    public var isNewResident = false
    /// Name, date of birth, postcode and place of a new resident.
    public var fields = [
        TextField(limit: 2 * ResidentName.maximumLength + 1), TextField(limit: 10), TextField(limit: Postcode.maximumLength),
        TextField(limit: 200),
    ]
    public var fieldIndex = 0
    /// The communities the member serves, offered for the place field.
    public var communities: [Place] = []
    public var candidates: [Resident] = []
    public var candidateSelection = 0
    public var categories: [NeedCategory] = []
    public var needs: [NeedCategoryKey: Urgency] = [:]
    public var needSelection = 0
    public var agencies: [Agency] = []
    public var consentTo: Set<AgencyID> = []
    public var agencySelection = 0
    public var note = TextField()

    static let title = "Log a case"
    static let fieldLabels = ["Name", "Date of birth", "Postcode", "Place"]

    init(from: String) { self.from = from }

    /// Opens the screen from a worklist; a member who may not open cases is refused with the rule's message.
    static func open(from: String, _ context: ScreenContext) -> Outcome {
        guard let member = context.member else { return Outcome() }
        guard Member.rolesThatMayLead.contains(member.role) else {
            return Outcome(notice: CaseRuleViolation.roleMayNotTakeNeeds(member: member.id, role: member.role).description)
        }
        var screen = LogCaseScreen(from: from)
        if let tree = context.overview?.tree {
            screen.communities = tree.coverage(of: member.placeIDs).compactMap { tree[$0] }
                .filter { $0.kind == .community }.sorted { $0.name < $1.name }
        }
        return Outcome(effects: [.loadLogCaseChoices], push: .logCase(screen))
    }

    /// Whether a text field has focus, so printable keys are text.
    var isEditing: Bool { [.resident, .newResident, .note].contains(step) }

    public static let bindings: [KeyBinding] = [
        KeyBinding([.up, .character("k")], .moveUp, label: "", help: "Move up", inFooter: false),
        KeyBinding([.down, .character("j")], .moveDown, label: "move", help: "Move down"),
        KeyBinding([.character(" ")], .toggle, label: "tick", help: "Tick or untick the selected row"),
        KeyBinding([.character("u")], .cycleUrgency, label: "urgency",
                   help: "Change a ticked need's urgency: urgent, soon, routine"),
        KeyBinding([.character("N")], .confirmNew, label: "new person",
                   help: "None of these: register a new person"),
        KeyBinding([.enter], .open, label: "next", help: "Go on to the next step"),
        KeyBinding([.escape], .back, label: "back", help: "Go back a step"),
    ]

    /// The keys in force on the current step.
    var stepBindings: [KeyBinding] {
        switch step {
        case .resident:
            return [
                KeyBinding([.up, .down], .moveDown, label: "choose", help: "Choose a resident from the list"),
                KeyBinding([.enter], .open, label: "pick", help: "Pick the chosen resident"),
                KeyBinding([.character("+")], .newResident, label: "new resident", help: "Register a new resident"),
                KeyBinding([.escape], .back, label: "cancel", help: "Cancel and log nothing"),
            ]
        case .newResident:
            return [
                KeyBinding([.tab, .backTab], .moveDown, label: "next field", help: "Move between the fields"),
                KeyBinding([.up, .down], .moveUp, label: "place", help: "On Place: choose a community you serve"),
                KeyBinding([.enter], .open, label: "check", help: "Check the details and look for duplicates"),
                KeyBinding([.escape], .back, label: "back", help: "Back to the search"),
            ]
        case .note:
            return [
                KeyBinding([.enter], .open, label: "log case", help: "Open the case with this note"),
                KeyBinding([.escape], .back, label: "back", help: "Back to consent"),
            ]
        case .duplicates:
            return Self.bindings.filter { ![.toggle, .cycleUrgency].contains($0.command) }
        case .needs:
            return Self.bindings.filter { $0.command != .confirmNew }
        case .consent:
            return Self.bindings.filter { ![.cycleUrgency, .confirmNew].contains($0.command) }
        }
    }

    mutating func perform(_ command: Command, _ context: ScreenContext) -> Outcome? {
        switch (step, command) {
        case (.duplicates, .moveUp): candidateSelection = max(0, candidateSelection - 1)
        case (.duplicates, .moveDown): candidateSelection = min(max(0, candidates.count - 1), candidateSelection + 1)
        case (.duplicates, .open):
            guard candidates.indices.contains(candidateSelection) else { return Outcome() }
            resident = candidates[candidateSelection]
            isNewResident = false
            step = .needs
        case (.duplicates, .confirmNew): step = .needs
        case (.duplicates, .back): step = .newResident
        case (.needs, .moveUp): needSelection = max(0, needSelection - 1)
        case (.needs, .moveDown): needSelection = min(max(0, categories.count - 1), needSelection + 1)
        case (.needs, .toggle):
            guard categories.indices.contains(needSelection) else { return Outcome() }
            let key = categories[needSelection].id
            needs[key] = needs[key] == nil ? .soon : nil
        case (.needs, .cycleUrgency):
            guard categories.indices.contains(needSelection), let urgency = needs[categories[needSelection].id] else {
                return Outcome(notice: "Tick the need first (Space), then set its urgency.")
            }
            let all = Urgency.allCases
            needs[categories[needSelection].id] = all[(all.firstIndex(of: urgency)! + 1) % all.count]
        case (.needs, .open):
            guard !needs.isEmpty else { return Outcome(notice: CaseRuleViolation.caseNeedsANeed.description) }
            step = .consent
        case (.needs, .back): step = isNewResident ? .newResident : .resident
        case (.consent, .moveUp): agencySelection = max(0, agencySelection - 1)
        case (.consent, .moveDown): agencySelection = min(max(0, agencies.count - 1), agencySelection + 1)
        case (.consent, .toggle):
            guard agencies.indices.contains(agencySelection) else { return Outcome() }
            let id = agencies[agencySelection].id
            if consentTo.contains(id) { consentTo.remove(id) } else { consentTo.insert(id) }
        case (.consent, .open): step = .note
        case (.consent, .back): step = .needs
        case (_, .toggle), (_, .cycleUrgency), (_, .confirmNew): return Outcome()
        default: return nil
        }
        return Outcome()
    }

    /// A key while a text field has focus.
    mutating func edit(_ key: Key, _ context: ScreenContext) -> Outcome {
        switch step {
        case .resident: return editSearch(key, context)
        case .newResident: return editNewResident(key, context)
        default: return editNote(key, context)
        }
    }

    private mutating func editSearch(_ key: Key, _ context: ScreenContext) -> Outcome {
        switch key {
        case .escape: return Outcome(pop: true)
        case .character("+"):
            step = .newResident
            isNewResident = true
            if fields[3].text.isEmpty, let first = communities.first { fields[3] = TextField(text: first.id.rawValue, limit: fields[3].limit) }
        case .up: matchSelection = max(0, matchSelection - 1)
        case .down: matchSelection = min(max(0, matches.count - 1), matchSelection + 1)
        case .enter:
            guard matches.indices.contains(matchSelection) else {
                return Outcome(notice: "Type part of a name, postcode or id, or press + to register a new resident.")
            }
            resident = matches[matchSelection]
            isNewResident = false
            step = .needs
        default:
            let before = search.text
            _ = search.handle(key)
            guard search.text != before else { return Outcome() }
            let text = search.text.trimmingCharacters(in: .whitespaces)
            guard let member = context.member else { return Outcome() }
            if text.isEmpty { matches = [] } else { return Outcome(effects: [.searchResidents(text, by: member.id)]) }
        }
        return Outcome()
    }

    private mutating func editNewResident(_ key: Key, _ context: ScreenContext) -> Outcome {
        switch key {
        case .escape: step = .resident
        case .tab: fieldIndex = (fieldIndex + 1) % fields.count
        case .backTab: fieldIndex = (fieldIndex + fields.count - 1) % fields.count
        case .up where fieldIndex == 3 && !communities.isEmpty, .down where fieldIndex == 3 && !communities.isEmpty:
            let current = communities.firstIndex { $0.id.rawValue == fields[3].text }
            let next = key == .up ? (current ?? 1) - 1 : (current ?? -1) + 1
            fields[3] = TextField(text: communities[min(max(0, next), communities.count - 1)].id.rawValue,
                                  limit: fields[3].limit)
        case .enter:
            do {
                let words = fields[0].text.split(whereSeparator: \.isWhitespace).map(String.init)
                let name = try ResidentName.validate(
                    givenName: words.dropLast().joined(separator: " "), familyName: words.last ?? "")
                let dob = fields[1].text.trimmingCharacters(in: .whitespaces)
                try DateOfBirth.validate(dob, now: Date())
                let place = PlaceID(fields[3].text.trimmingCharacters(in: .whitespaces))
                if let tree = context.overview?.tree, tree[place] == nil {
                    return Outcome(notice: "There is no place \(place); choose a community with ↑/↓ or type a place id.")
                }
                let new = Resident(
                    id: "", givenName: name.givenName, familyName: name.familyName, dateOfBirth: dob,
                    postcode: try Postcode.validate(fields[2].text), placeID: place)
                resident = new
                isNewResident = true
                return Outcome(effects: [.findDuplicates(new)])
            } catch {
                return Outcome(notice: String(describing: error))
            }
        default:
            _ = fields[fieldIndex].handle(key)
        }
        return Outcome()
    }

    private mutating func editNote(_ key: Key, _ context: ScreenContext) -> Outcome {
        switch key {
        case .escape: step = .consent
        case .enter:
            guard let member = context.member, let resident else { return Outcome() }
            let chosen = categories.compactMap { category in needs[category.id].map { LogCaseRequest.Need(category.id, $0) } }
            let consent = agencies.map(\.id).filter(consentTo.contains)
            return Outcome(effects: [.logCase(
                LogCaseRequest(resident: resident, isNew: isNewResident, needs: chosen, consentTo: consent,
                               note: note.text),
                by: member.id)])
        default:
            _ = note.handle(key)
        }
        return Outcome()
    }

    mutating func receive(_ message: Message, _ context: ScreenContext) {
        switch message {
        case .logCaseChoicesLoaded(let loadedCategories, let loadedAgencies):
            categories = loadedCategories
            agencies = loadedAgencies
        case .residentsFound(let text, let found) where text == search.text.trimmingCharacters(in: .whitespaces):
            matches = found
            matchSelection = min(matchSelection, max(0, found.count - 1))
        case .duplicatesFound(let found) where step == .newResident:
            candidates = found
            candidateSelection = 0
            step = found.isEmpty ? .needs : .duplicates
        default:
            break
        }
    }
}

/// What the log-a-case screen asks the store to write: the resident (new
/// ones have no id yet), the needs, the agencies consented to, the note.
public struct LogCaseRequest: Hashable, Sendable {
    public struct Need: Hashable, Sendable {
        public var category: NeedCategoryKey
        public var urgency: Urgency
        init(_ category: NeedCategoryKey, _ urgency: Urgency) {
            self.category = category
            self.urgency = urgency
        }
    }

    public var resident: Resident
    public var isNew: Bool
    public var needs: [Need]
    public var consentTo: [AgencyID]
    public var note: String
}
