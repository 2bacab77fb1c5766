import ArgumentParser
import Foundation
import PlaceDomain
import PlaceStore

struct IndicatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicator", abstract: "The evidence base's indicators and their values.",
        subcommands: [ListIndicators.self, AddIndicatorValue.self, ImportIndicatorValues.self])
}

struct ListIndicators: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the indicators with their latest value at a place, rolled up.")
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The place the values are for (default: the council area).", valueName: "place-id"))
    var place: String?
    @OptionGroup var output: FormatOptions

    func run() throws {
        let (store, _) = try global.signIn()
        let tree = try store.placeTree()
        let at = PlaceID(place ?? tree.roots.first?.rawValue ?? "")
        guard tree[at] != nil else { throw StoreError.unknownPlace(at.rawValue) }
        var listing = Listing(keys: ["id", "name", "unit", "kind", "polarity", "target", "period", "value", "complete", "trend"])
        for indicator in try store.indicators() {
            let series = try store.series(indicator, at: at, tree: tree)
            let latest = series.last { $0.value.value != nil }
            let previous = latest.flatMap { last in series.last { $0.period < last.period && $0.value.value != nil } }
            let trend = Trend(from: previous?.value.value, to: latest?.value.value, polarity: indicator.polarity)
            listing.rows.append([
                .text(indicator.id.rawValue), .text(indicator.name), .text(indicator.unit), .text(indicator.kind.rawValue),
                .text(indicator.polarity.rawValue), .decimal(indicator.target), .text(latest?.period),
                .decimal(latest?.value.value), .flag(latest.map(\.value.complete)), .text(trend?.rawValue),
            ])
        }
        print(listing.render(output.resolved), terminator: "")
    }
}

struct AddIndicatorValue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-value",
        abstract: "Record an indicator's value for a place and quarter (a count or mean: --value; a rate: --numerator and --denominator).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The indicator.", valueName: "indicator-id")) var indicatorID: String
    @Option(help: ArgumentHelp("The place.", valueName: "place-id")) var place: String
    @Option(help: ArgumentHelp("The quarter.", valueName: "YYYY-Qn")) var period: String
    @Option(help: "The value (counts and means).") var value: Double?
    @Option(help: "The numerator (rates).") var numerator: Double?
    @Option(help: "The denominator (rates).") var denominator: Double?
    @OptionGroup var output: JSONFlag

    func run() throws {
        let work = try PlanWork(global)
        guard let indicator = try work.store.indicator(IndicatorID(indicatorID)) else {
            throw UnknownID(kind: "indicator", id: indicatorID)
        }
        let at = try work.place(place)
        try PlanRules.requireEvidenceKeeper(work.actor, at: at)
        guard IndicatorValue.isPeriod(period) else { throw PlanRuleViolation.notAPeriod(period) }
        let recorded = IndicatorValue(indicatorID: indicator.id, placeID: at, period: period, value: value,
                                      numerator: numerator, denominator: denominator)
        let numbers = [value, numerator, denominator].compactMap { $0 }
        guard recorded.fits(indicator.kind), numbers.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw PlanRuleViolation.valueDoesNotFit(indicator.id, indicator.kind)
        }
        let existing = try work.store.indicatorValues(indicator.id, at: [at]).first { $0.period == period }
        try work.write(try existing.map { try Change.changes(from: $0, to: recorded) } ?? [try .create(recorded)])
        try printRecord(recorded, json: output.json, text: "Recorded \(indicator.name) for \(at) in \(period)")
    }
}

struct ImportIndicatorValues: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import indicator values from CSV (indicator,place,period,value,numerator,denominator); all or nothing.",
        discussion: "A value already recorded for that indicator, place and quarter is replaced. See docs/reports.md.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv")) var file: String
    @OptionGroup var output: JSONFlag

    func run() throws {
        let work = try PlanWork(global)
        let summary = try work.store.importIndicatorValues(from: file, by: work.actor)
        try printRecord(summary, json: output.json, text: "Imported \(summary.imported) values (\(summary.replaced) replaced) "
                        + "from \((file as NSString).lastPathComponent)")
    }
}

struct PlaceStandardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "placestandard", abstract: "Place Standard assessments.", subcommands: [AddAssessment.self])
}

struct AddAssessment: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Record a Place Standard assessment: a score of 1–7 on each of the 14 themes.",
        discussion: "Themes: " + PlaceStandard.themes.map(\.rawValue).joined(separator: ", ") + ".")
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The place.", valueName: "place-id")) var place: String
    @Option(help: ArgumentHelp("When it was done.", valueName: "YYYY-MM-DD")) var date: String
    @Option(help: ArgumentHelp("Who answered, e.g. \"Community panel\".", valueName: "text")) var group: String
    @Option(help: "How many answered.") var respondents: Int
    @Option(name: .customLong("tool-version"), help: "The Place Standard tool version its labels come from.") var toolVersion = "2"
    @Option(help: ArgumentHelp("A theme's score (repeat for all 14).", valueName: "theme=1..7")) var score: [String] = []
    @OptionGroup var output: JSONFlag

    func run() throws {
        let work = try PlanWork(global)
        let at = try work.place(place)
        try PlanRules.requireEvidenceKeeper(work.actor, at: at)
        var scores: [String: Int] = [:]
        for item in score {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Int(parts[1]) else {
                throw PlanRuleViolation.assessment("--score \(item) is not THEME=SCORE, e.g. feeling-safe=4.")
            }
            guard scores.updateValue(value, forKey: parts[0]) == nil else {
                throw PlanRuleViolation.assessment("\(parts[0]) is scored twice.")
            }
        }
        let assessment = PlaceStandardAssessment(
            id: AssessmentID(work.store.newID()), placeID: at, date: try PlanRules.pastDate(date, "--date", now: work.now),
            respondentGroup: try PlanRules.line(group, "the respondent group", limit: 200), respondents: respondents,
            toolVersion: toolVersion, scores: scores)
        if let problem = assessment.problem { throw PlanRuleViolation.assessment(problem) }
        try work.write([try .create(assessment)])
        try printRecord(assessment, json: output.json, text: "Recorded assessment \(assessment.id) for \(at)")
    }
}

struct VoiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voice", abstract: "Community voice and practitioner knowledge.", subcommands: [AddVoice.self])
}

struct AddVoice: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add what the community said, or (with --practitioner) what you know from practice.")
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The place it is about.", valueName: "place-id")) var place: String
    @Option(help: ArgumentHelp("The quote or summary.", valueName: "text")) var text: String
    @Option(help: ArgumentHelp("Where it came from: panel, survey, consultation…", valueName: "text")) var source: String?
    @Option(help: ArgumentHelp("A Place Standard theme it is about (repeat).", valueName: "theme")) var theme: [String] = []
    @Option(help: ArgumentHelp("A need category it is about (repeat).", valueName: "category")) var need: [String] = []
    @Option(help: ArgumentHelp("When it was said (default today).", valueName: "YYYY-MM-DD")) var date: String?
    @Flag(help: "It is practitioner knowledge, written by you.") var practitioner = false
    @OptionGroup var output: JSONFlag

    func validate() throws {
        if theme.isEmpty && need.isEmpty { throw ValidationError("tag it with at least one --theme or --need") }
        if !practitioner && source == nil { throw ValidationError("say where community voice came from with --source") }
    }

    func run() throws {
        let work = try PlanWork(global)
        let at = try work.place(place)
        try PlanRules.requireServing(work.actor, at)
        let themes = Set(PlaceStandard.themes.map(\.rawValue))
        for key in theme where !themes.contains(key) { throw UnknownID(kind: "Place Standard theme", id: key) }
        let categories = Set(try work.store.needCategories().map(\.id.rawValue))
        for key in need where !categories.contains(key) { throw UnknownID(kind: "need category", id: key) }
        let note = EvidenceNote(
            id: EvidenceID(work.store.newID()), kind: practitioner ? .practitioner : .communityVoice, placeID: at,
            source: practitioner ? "practitioner" : try PlanRules.line(source, "a source", limit: 200),
            date: try date.map { try PlanRules.pastDate($0, "--date", now: work.now) } ?? PlanRules.today(work.now),
            text: try PlanRules.text(text, "the text"), themes: theme.map { .init($0) }, needs: need.map { .init($0) },
            byID: practitioner ? work.actor.id : nil)
        try work.write([try .create(note)])
        try printRecord(note, json: output.json, text: "Added \(note.kind.rawValue) \(note.id) for \(at)")
    }
}

struct LearningCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learning", abstract: "The learning log: innovations and obstacles to share upward.",
        subcommands: [AddLearning.self])
}

struct AddLearning: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an innovation or an obstacle to a place's learning log.")
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The place.", valueName: "place-id")) var place: String
    @Option(help: "innovation or obstacle.") var kind: LearningEntry.Kind
    @Option(help: ArgumentHelp("A short title.", valueName: "text")) var title: String
    @Option(help: ArgumentHelp("What happened and what others can learn.", valueName: "text")) var text: String
    @OptionGroup var output: JSONFlag

    func run() throws {
        let work = try PlanWork(global)
        let at = try work.place(place)
        try PlanRules.requireServing(work.actor, at)
        let entry = LearningEntry(
            id: LearningID(work.store.newID()), placeID: at, kind: kind, title: try PlanRules.line(title, "a title", limit: 200),
            text: try PlanRules.text(text, "the text"), date: PlanRules.today(work.now), byID: work.actor.id)
        try work.write([try .create(entry)])
        try printRecord(entry, json: output.json, text: "Added \(entry.kind.rawValue) \(entry.id): \(entry.title)")
    }
}
