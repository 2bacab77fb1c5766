/// A kind of need from the team's need taxonomy. Keys are fixed and kept as
/// data (`money-debt`, `housing`, …), so services and needs agree on them.
public struct NeedCategory: Hashable, Codable, Sendable, Identifiable {
    public var id: NeedCategoryKey
    public var name: String
    public var description: String

    public init(id: NeedCategoryKey, name: String, description: String) {
        self.id = id
        self.name = name
        self.description = description
    }

    /// The fixed keys every Thistle team shares.
    public static let standardKeys: [NeedCategoryKey] = [
        "money-debt", "housing", "mental-health", "physical-health", "substance-use",
        "employment-skills", "child-wellbeing", "social-isolation", "safety", "food", "fuel",
        "caring", "community-justice",
    ]
}

public typealias NeedCategoryKey = Identifier<NeedCategory>
