import Foundation

/// A need as taken at the door, before it is part of a case.
public struct NewNeed: Hashable, Sendable {
    public var id: NeedID
    public var category: NeedCategoryKey
    public var urgency: Urgency

    public init(id: NeedID, category: NeedCategoryKey, urgency: Urgency) {
        self.id = id
        self.category = category
        self.urgency = urgency
    }
}

extension CaseFile {
    /// Rule 1: any frontline worker or lead, of any agency, opens a case at
    /// whatever door the resident came to. Their agency is the door and
    /// they are the first lead professional. `openedAt` backdates a need
    /// taken on paper; it defaults to `now`.
    public static func open(
        id: CaseID, residentID: ResidentID, placeID: PlaceID, needs: [NewNeed], summary: String = "",
        by actor: ActingMember, now: Date, openedAt: Date? = nil
    ) throws -> CaseUpdate {
        guard actor.mayTakeCases else {
            throw CaseRuleViolation.roleMayNotTakeNeeds(member: actor.id, role: actor.member.role)
        }
        guard !needs.isEmpty else { throw CaseRuleViolation.caseNeedsANeed }
        let at = try requireNotFuture(openedAt, now: now)
        var seen: Set<NeedID> = []
        for need in needs where !seen.insert(need.id).inserted { throw CaseRuleViolation.idInUse(need.id.rawValue) }

        let item = Case(
            id: id, residentID: residentID, placeID: placeID, doorAgencyID: actor.member.agencyID,
            doorMemberID: actor.id, leadID: actor.id, openedAt: at, summary: summary.trimmingWhitespace)
        let file = CaseFile(
            case: item,
            needs: needs.map { Need(id: $0.id, caseID: id, category: $0.category, urgency: $0.urgency, createdAt: at) })
        let events =
            [CaseEvent(.caseOpened(id), by: actor.id, at: at)]
            + needs.map { CaseEvent(.needAdded($0.id), by: actor.id, at: at) }
        return CaseUpdate(file: file, events: events)
    }

    /// Any member who could have opened the case (a frontline worker or a
    /// lead) can add a need to it: there is no wrong door for a new need
    /// either. It starts open, in front of the lead.
    public func addNeed(_ new: NewNeed, by actor: ActingMember, now: Date) throws -> CaseUpdate {
        try requireOpen()
        guard actor.mayTakeCases else {
            throw CaseRuleViolation.roleMayNotTakeNeeds(member: actor.id, role: actor.member.role)
        }
        guard need(new.id) == nil else { throw CaseRuleViolation.idInUse(new.id.rawValue) }
        var file = self
        file.needs.append(
            Need(id: new.id, caseID: self.case.id, category: new.category, urgency: new.urgency, createdAt: now))
        return CaseUpdate(file: file, events: [CaseEvent(.needAdded(new.id), by: actor.id, at: now)])
    }
}
