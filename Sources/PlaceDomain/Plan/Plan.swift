import Foundation

/// One plan per place and period: the vision and the shared priorities.
public struct Plan: Hashable, Codable, Sendable, Identifiable {
    public var id: PlanID
    public var placeID: PlaceID
    /// The period it covers, such as a financial year "2026-27".
    public var period: String
    public var vision: String

    public init(id: PlanID, placeID: PlaceID, period: String, vision: String) {
        self.id = id
        self.placeID = placeID
        self.period = period
        self.vision = vision
    }
}

/// Red, amber or green: how a priority is going, with a dated reason.
public enum RAG: String, Codable, Sendable, CaseIterable, Comparable {
    case red, amber, green

    public static func < (lhs: RAG, rhs: RAG) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A shared priority of a plan: led by one agency with partners, linked to
/// outcomes and indicators, delivered through actions.
public struct Priority: Hashable, Codable, Sendable, Identifiable {
    public var id: PriorityID
    public var planID: PlanID
    public var title: String
    public var description: String
    public var leadAgencyID: AgencyID
    public var partnerAgencyIDs: [AgencyID]
    public var outcomeKeys: [OutcomeKey]
    public var indicatorIDs: [IndicatorID]
    public var rag: RAG
    public var ragReason: String
    /// The day the RAG status was last set, YYYY-MM-DD.
    public var ragDate: String

    public init(
        id: PriorityID, planID: PlanID, title: String, description: String = "", leadAgencyID: AgencyID,
        partnerAgencyIDs: [AgencyID] = [], outcomeKeys: [OutcomeKey] = [], indicatorIDs: [IndicatorID] = [],
        rag: RAG, ragReason: String, ragDate: String
    ) {
        self.id = id
        self.planID = planID
        self.title = title
        self.description = description
        self.leadAgencyID = leadAgencyID
        self.partnerAgencyIDs = partnerAgencyIDs
        self.outcomeKeys = outcomeKeys
        self.indicatorIDs = indicatorIDs
        self.rag = rag
        self.ragReason = ragReason
        self.ragDate = ragDate
    }
}

public enum ActionStatus: String, Codable, Sendable, CaseIterable {
    case notStarted = "not-started", inProgress = "in-progress", done, blocked
}

/// Something a named member will do for a priority, by a date.
public struct PlanAction: Hashable, Codable, Sendable, Identifiable {
    public var id: ActionID
    public var priorityID: PriorityID
    public var title: String
    public var ownerID: MemberID
    /// YYYY-MM-DD.
    public var due: String
    public var status: ActionStatus

    public init(id: ActionID, priorityID: PriorityID, title: String, ownerID: MemberID, due: String,
                status: ActionStatus) {
        self.id = id
        self.priorityID = priorityID
        self.title = title
        self.ownerID = ownerID
        self.due = due
        self.status = status
    }
}

public typealias PlanID = Identifier<Plan>
public typealias PriorityID = Identifier<Priority>
public typealias ActionID = Identifier<PlanAction>
