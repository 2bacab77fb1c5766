import Foundation
import PlaceDomain

/// A place's plan and evidence base as files (the shape of
/// `sample-data/fife/`): outcomes, indicators and their values, scorecards,
/// plans with priorities and actions, Place Standard assessments, community
/// voice and practitioner notes, pots and the learning log. Each file is
/// optional: a place without a plan yet simply has none.
public struct PlanFiles: Sendable {
    public var outcomes: [Outcome] = []
    public var indicators: [Indicator] = []
    public var values: [IndicatorValue] = []
    public var scorecards: [Scorecard] = []
    public var plans: [Plan] = []
    public var priorities: [Priority] = []
    public var actions: [PlanAction] = []
    public var assessments: [PlaceStandardAssessment] = []
    public var evidence: [EvidenceNote] = []
    public var streams: [FundingStream] = []
    public var allocations: [Allocation] = []
    public var learning: [LearningEntry] = []

    public init() {}

    init(directory: URL, decode: (String) throws(ImportError) -> Data?) throws(ImportError) {
        func read<T: Decodable>(_ type: T.Type, _ file: String) throws(ImportError) -> T? {
            guard let data = try decode(file) else { return nil }
            return try PlaceFiles.decode(type, file, data: data)
        }
        outcomes = try read([OutcomeRow].self, "outcomes.json")?.map(\.outcome) ?? []
        indicators = try read([Indicator].self, "indicators.json") ?? []
        if let data = try decode("indicator-values.csv") {
            guard let text = String(data: data, encoding: .utf8) else {
                throw .malformed(file: "indicator-values.csv", line: nil, "is not UTF-8 text")
            }
            values = try IndicatorValuesCSV.read(text, file: "indicator-values.csv", indicators: indicators)
        }
        scorecards = try read([ScorecardRow].self, "scorecards.json")?.map(\.scorecard) ?? []
        for row in try read([PlanRow].self, "plans.json") ?? [] {
            plans.append(Plan(id: row.id, placeID: row.place, period: row.period, vision: row.vision))
            for priority in row.priorities {
                priorities.append(priority.priority(in: row.id))
                actions += priority.actions.map { $0.action(for: priority.id) }
            }
        }
        assessments = try read([AssessmentRow].self, "place-standard.json")?.map(\.assessment) ?? []
        evidence = try read([EvidenceRow].self, "evidence.json")?.map(\.note) ?? []
        for pot in try read([PotRow].self, "pots.json") ?? [] {
            streams += pot.streams.map { $0.stream(in: pot.place) }
            allocations += pot.allocations.map(\.allocation)
        }
        learning = try read([LearningRow].self, "learning.json")?.map(\.entry) ?? []
    }

    /// Every change that writes these records, parents first.
    func changes() throws -> [Change] {
        var changes: [Change] = []
        changes += try outcomes.map(Change.create)
        changes += try indicators.map(Change.create)
        changes += try values.map(Change.create)
        changes += try scorecards.map(Change.create)
        changes += try plans.map(Change.create)
        changes += try priorities.map(Change.create)
        changes += try actions.map(Change.create)
        changes += try assessments.map(Change.create)
        changes += try evidence.map(Change.create)
        changes += try streams.map(Change.create)
        changes += try allocations.map(Change.create)
        changes += try learning.map(Change.create)
        return changes
    }

    /// Refuses references that point nowhere, and a pot allocated past a stream.
    func checkReferences(places: Set<PlaceID>, agencies: Set<AgencyID>, members: Set<MemberID>,
                         categories: Set<NeedCategoryKey>) throws(ImportError) {
        func check(_ ok: Bool, _ file: String, _ message: @autoclosure () -> String) throws(ImportError) {
            if !ok { throw .malformed(file: file, line: nil, message()) }
        }
        try PlaceFiles.requireUnique(outcomes.map(\.id.rawValue), in: "outcomes.json")
        try PlaceFiles.requireUnique(indicators.map(\.id.rawValue), in: "indicators.json")
        try PlaceFiles.requireUnique(plans.map(\.id.rawValue) + priorities.map(\.id.rawValue) + actions.map(\.id.rawValue),
                                     in: "plans.json")
        try PlaceFiles.requireUnique(assessments.map(\.id.rawValue), in: "place-standard.json")
        try PlaceFiles.requireUnique(evidence.map(\.id.rawValue), in: "evidence.json")
        try PlaceFiles.requireUnique(streams.map(\.id.rawValue) + allocations.map(\.id.rawValue), in: "pots.json")
        try PlaceFiles.requireUnique(learning.map(\.id.rawValue), in: "learning.json")
        let outcomeKeys = Set(outcomes.map(\.id))
        let indicatorIDs = Set(indicators.map(\.id))
        for indicator in indicators {
            try check(indicator.kind != .rate || (indicator.per ?? 0) > 0, "indicators.json",
                      "\(indicator.id) is a rate and needs \"per\" (100 for a percentage)")
        }
        for card in scorecards {
            try check(places.contains(card.placeID), "scorecards.json", "a scorecard for an unknown place \(card.placeID)")
            for id in card.indicatorIDs {
                try check(indicatorIDs.contains(id), "scorecards.json", "\(card.placeID) lists an unknown indicator \(id)")
            }
        }
        for plan in plans {
            try check(places.contains(plan.placeID), "plans.json", "\(plan.id) is for an unknown place")
        }
        for priority in priorities {
            let known = agencies.contains(priority.leadAgencyID) && priority.partnerAgencyIDs.allSatisfy(agencies.contains)
            try check(known, "plans.json", "\(priority.id) names an unknown agency")
            for key in priority.outcomeKeys {
                try check(outcomeKeys.contains(key), "plans.json", "\(priority.id) links an unknown outcome \(key)")
            }
            for id in priority.indicatorIDs {
                try check(indicatorIDs.contains(id), "plans.json", "\(priority.id) links an unknown indicator \(id)")
            }
        }
        for action in actions {
            try check(members.contains(action.ownerID), "plans.json", "\(action.id) is owned by an unknown member")
        }
        for assessment in assessments {
            try check(places.contains(assessment.placeID), "place-standard.json", "\(assessment.id) is for an unknown place")
            if let problem = assessment.problem { throw .malformed(file: "place-standard.json", line: nil, "\(assessment.id): \(problem)") }
        }
        let themes = Set(PlaceStandard.themes)
        for note in evidence {
            try check(places.contains(note.placeID), "evidence.json", "\(note.id) is for an unknown place")
            try check(note.themes.allSatisfy(themes.contains), "evidence.json", "\(note.id) has an unknown theme")
            try check(note.needs.allSatisfy(categories.contains), "evidence.json", "\(note.id) has an unknown need")
            try check(note.byID.map(members.contains) ?? true, "evidence.json", "\(note.id) names an unknown member")
        }
        let priorityIDs = Set(priorities.map(\.id))
        let actionsByID = Dictionary(actions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for stream in streams {
            try check(places.contains(stream.placeID), "pots.json", "\(stream.id) is for an unknown place")
            let allocated = allocations.filter { $0.streamID == stream.id }.reduce(0) { $0 + $1.amount }
            try check(allocated <= stream.amount, "pots.json",
                      "\(stream.id) allocates \(Money.text(allocated)) of \(Money.text(stream.amount))")
        }
        let streamIDs = Set(streams.map(\.id))
        for allocation in allocations {
            try check(streamIDs.contains(allocation.streamID) && priorityIDs.contains(allocation.priorityID),
                      "pots.json", "\(allocation.id) names an unknown stream or priority")
            try check(allocation.actionID.map { actionsByID[$0]?.priorityID == allocation.priorityID } ?? true,
                      "pots.json", "\(allocation.id) names an action of another priority")
            try check(allocation.amount > 0 && members.contains(allocation.byID), "pots.json",
                      "\(allocation.id) needs a positive amount and a known member")
        }
        for entry in learning {
            try check(places.contains(entry.placeID) && members.contains(entry.byID), "learning.json",
                      "\(entry.id) names an unknown place or member")
        }
        for value in values {
            try check(places.contains(value.placeID), "indicator-values.csv", "a value for an unknown place \(value.placeID)")
        }
    }
}

/// `indicator,place,period,value,numerator,denominator`: one value per row.
/// Counts and means fill `value`; rates fill `numerator` and `denominator`.
/// A bad row is reported with its line, and nothing is read.
public enum IndicatorValuesCSV {
    public static let header = ["indicator", "place", "period", "value", "numerator", "denominator"]

    public static func read(_ text: String, file: String, indicators: [Indicator]) throws(ImportError) -> [IndicatorValue] {
        let table = try CSVTable(text: text, file: file)
        for column in header where !table.header.contains(column) {
            throw .malformed(file: file, line: 1, "the header has no \"\(column)\" column")
        }
        let kinds = Dictionary(indicators.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        var values: [IndicatorValue] = []
        for row in table.rows {
            func number(_ column: String) throws(ImportError) -> Double? {
                guard let text = row[column]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
                guard let number = Double(text), number.isFinite else {
                    throw .malformed(file: file, line: row.line, "\(column) \"\(text.shownInRefusal)\" is not a number")
                }
                guard number >= 0 else { throw .malformed(file: file, line: row.line, "\(column) is negative") }
                return number
            }
            let indicator = IndicatorID(row["indicator"] ?? "")
            guard let kind = kinds[indicator] else {
                throw .malformed(file: file, line: row.line, "\"\(indicator.rawValue.shownInRefusal)\" is not a known indicator")
            }
            guard let place = row["place"], !place.isEmpty else {
                throw .malformed(file: file, line: row.line, "place is required")
            }
            let period = row["period"] ?? ""
            guard IndicatorValue.isPeriod(period) else {
                throw .malformed(file: file, line: row.line, "period \"\(period.shownInRefusal)\" is not a quarter such as 2026-Q3")
            }
            let value = IndicatorValue(
                indicatorID: indicator, placeID: PlaceID(place), period: period, value: try number("value"),
                numerator: try number("numerator"), denominator: try number("denominator"))
            guard value.fits(kind) else {
                throw .malformed(
                    file: file, line: row.line,
                    kind == .rate ? "\(indicator) is a rate: give numerator and a denominator above zero, and no value"
                        : "\(indicator) is a \(kind.rawValue): give value only")
            }
            guard seen.insert(value.key).inserted else {
                throw .malformed(file: file, line: row.line, "\(indicator) for \(place) in \(period) is given twice")
            }
            values.append(value)
        }
        return values
    }
}

// The JSON shapes of the plan files.

struct OutcomeRow: Decodable {
    let key: OutcomeKey, name: String, description: String?
    var outcome: Outcome { Outcome(id: key, name: name, description: description ?? "") }
}

struct ScorecardRow: Decodable {
    let place: PlaceID, indicators: [IndicatorID]
    var scorecard: Scorecard { Scorecard(placeID: place, indicatorIDs: indicators) }
}

struct PlanRow: Decodable {
    struct PriorityRow: Decodable {
        struct ActionRow: Decodable {
            let id: ActionID, title: String, owner: MemberID, due: String, status: ActionStatus
            func action(for priority: PriorityID) -> PlanAction {
                PlanAction(id: id, priorityID: priority, title: title, ownerID: owner, due: due, status: status)
            }
        }
        let id: PriorityID, title: String, description: String?, leadAgency: AgencyID, partners: [AgencyID]
        let outcomes: [OutcomeKey], indicators: [IndicatorID], rag: RAG, ragReason: String, ragDate: String
        let actions: [ActionRow]
        func priority(in plan: PlanID) -> Priority {
            Priority(id: id, planID: plan, title: title, description: description ?? "", leadAgencyID: leadAgency,
                     partnerAgencyIDs: partners, outcomeKeys: outcomes, indicatorIDs: indicators, rag: rag,
                     ragReason: ragReason, ragDate: ragDate)
        }
    }
    let id: PlanID, place: PlaceID, period: String, vision: String, priorities: [PriorityRow]
}

struct AssessmentRow: Decodable {
    let id: AssessmentID, place: PlaceID, date: String, group: String, respondents: Int, toolVersion: String
    let scores: [String: Int]
    var assessment: PlaceStandardAssessment {
        PlaceStandardAssessment(id: id, placeID: place, date: date, respondentGroup: group, respondents: respondents,
                                toolVersion: toolVersion, scores: scores)
    }
}

struct EvidenceRow: Decodable {
    let id: EvidenceID, kind: EvidenceNote.Kind, place: PlaceID, source: String, date: String, text: String
    let themes: [PlaceStandard.ThemeKey], needs: [NeedCategoryKey], by: MemberID?
    var note: EvidenceNote {
        EvidenceNote(id: id, kind: kind, placeID: place, source: source, date: date, text: text, themes: themes,
                     needs: needs, byID: by)
    }
}

struct PotRow: Decodable {
    struct StreamRow: Decodable {
        let id: StreamID, name: String, amount: Int, conditions: String, endDate: String
        func stream(in place: PlaceID) -> FundingStream {
            FundingStream(id: id, placeID: place, name: name, amount: amount, conditions: conditions, endDate: endDate)
        }
    }
    struct AllocationRow: Decodable {
        let id: AllocationID, stream: StreamID, priority: PriorityID, action: ActionID?, amount: Int, by: MemberID
        let at: Date
        var allocation: Allocation {
            Allocation(id: id, streamID: stream, priorityID: priority, actionID: action, amount: amount, byID: by, at: at)
        }
    }
    let place: PlaceID, streams: [StreamRow], allocations: [AllocationRow]
}

struct LearningRow: Decodable {
    let id: LearningID, place: PlaceID, kind: LearningEntry.Kind, title: String, text: String, date: String
    let by: MemberID
    var entry: LearningEntry {
        LearningEntry(id: id, placeID: place, kind: kind, title: title, text: text, date: date, byID: by)
    }
}
