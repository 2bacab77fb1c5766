import Foundation

/// The Place Standard tool's 14 themes. Keys are stable; labels belong to a
/// version of the tool, because later versions rename some themes.
public enum PlaceStandard {
    public static let themes: [ThemeKey] = [
        "moving-around", "public-transport", "traffic-and-parking", "streets-and-spaces", "natural-space",
        "play-and-recreation", "facilities-and-amenities", "work-and-local-economy", "housing-and-community",
        "social-contact", "identity-and-belonging", "feeling-safe", "care-and-maintenance",
        "influence-and-sense-of-control",
    ]

    /// Labels per tool version; a version may rename only some themes.
    static let labels: [String: [ThemeKey: String]] = [
        "1": [
            "moving-around": "Moving around", "public-transport": "Public transport",
            "traffic-and-parking": "Traffic and parking", "streets-and-spaces": "Streets and spaces",
            "natural-space": "Natural space", "play-and-recreation": "Play and recreation",
            "facilities-and-amenities": "Facilities and amenities", "work-and-local-economy": "Work and local economy",
            "housing-and-community": "Housing and community", "social-contact": "Social contact",
            "identity-and-belonging": "Identity and belonging", "feeling-safe": "Feeling safe",
            "care-and-maintenance": "Care and maintenance",
            "influence-and-sense-of-control": "Influence and sense of control",
        ],
        "2": [
            "play-and-recreation": "Play and leisure", "work-and-local-economy": "Work and economy",
            "housing-and-community": "Housing", "care-and-maintenance": "Maintenance",
            "influence-and-sense-of-control": "Control",
        ],
    ]

    /// The theme's label in a version of the tool, falling back to the first version's.
    public static func label(_ theme: ThemeKey, version: String = "1") -> String {
        labels[version]?[theme] ?? labels["1"]?[theme] ?? theme.rawValue
    }

    public enum Theme {}
    public typealias ThemeKey = Identifier<Theme>
}

/// One Place Standard assessment: who answered, when, and a score of 1–7
/// on each theme (1 = a lot of room for improvement, 7 = very little).
public struct PlaceStandardAssessment: Hashable, Codable, Sendable, Identifiable {
    public var id: AssessmentID
    public var placeID: PlaceID
    /// YYYY-MM-DD.
    public var date: String
    public var respondentGroup: String
    public var respondents: Int
    public var toolVersion: String
    public var scores: [String: Int]

    public init(id: AssessmentID, placeID: PlaceID, date: String, respondentGroup: String, respondents: Int,
                toolVersion: String, scores: [String: Int]) {
        self.id = id
        self.placeID = placeID
        self.date = date
        self.respondentGroup = respondentGroup
        self.respondents = respondents
        self.toolVersion = toolVersion
        self.scores = scores
    }

    public func score(_ theme: PlaceStandard.ThemeKey) -> Int? { scores[theme.rawValue] }

    /// Why the assessment cannot be kept, or nil: every theme scored 1–7, no unknown theme, someone answered.
    public var problem: String? {
        let known = Set(PlaceStandard.themes.map(\.rawValue))
        if let unknown = scores.keys.sorted().first(where: { !known.contains($0) }) {
            return "\(unknown) is not a Place Standard theme."
        }
        if let missing = PlaceStandard.themes.first(where: { scores[$0.rawValue] == nil }) {
            return "The theme \(missing) has no score."
        }
        if let bad = scores.sorted(by: { $0.key < $1.key }).first(where: { !(1...7).contains($0.value) }) {
            return "Scores run from 1 to 7; \(bad.key) has \(bad.value)."
        }
        if respondents < 1 { return "An assessment needs at least one respondent." }
        return nil
    }
}

public typealias AssessmentID = Identifier<PlaceStandardAssessment>
