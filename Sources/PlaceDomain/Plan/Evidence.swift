import Foundation

/// What people said (community voice) or what practitioners know, tagged by
/// place and by Place Standard theme or need.
public struct EvidenceNote: Hashable, Codable, Sendable, Identifiable {
    public var id: EvidenceID
    public var kind: Kind
    public var placeID: PlaceID
    /// Where it came from: a panel, survey, consultation, or "practitioner".
    public var source: String
    /// YYYY-MM-DD.
    public var date: String
    public var text: String
    public var themes: [PlaceStandard.ThemeKey]
    public var needs: [NeedCategoryKey]
    /// The practitioner who wrote it; nil for community voice.
    public var byID: MemberID?

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case communityVoice = "community-voice", practitioner
    }

    public init(id: EvidenceID, kind: Kind, placeID: PlaceID, source: String, date: String, text: String,
                themes: [PlaceStandard.ThemeKey] = [], needs: [NeedCategoryKey] = [], byID: MemberID? = nil) {
        self.id = id
        self.kind = kind
        self.placeID = placeID
        self.source = source
        self.date = date
        self.text = text
        self.themes = themes
        self.needs = needs
        self.byID = byID
    }
}

/// Something learned in a place, shared upward: an innovation or an obstacle.
public struct LearningEntry: Hashable, Codable, Sendable, Identifiable {
    public var id: LearningID
    public var placeID: PlaceID
    public var kind: Kind
    public var title: String
    public var text: String
    /// YYYY-MM-DD.
    public var date: String
    public var byID: MemberID

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case innovation, obstacle
    }

    public init(id: LearningID, placeID: PlaceID, kind: Kind, title: String, text: String, date: String,
                byID: MemberID) {
        self.id = id
        self.placeID = placeID
        self.kind = kind
        self.title = title
        self.text = text
        self.date = date
        self.byID = byID
    }
}

public typealias EvidenceID = Identifier<EvidenceNote>
public typealias LearningID = Identifier<LearningEntry>
