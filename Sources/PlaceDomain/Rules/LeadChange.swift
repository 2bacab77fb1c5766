import Foundation

/// A handover of a case from one lead professional to another.
public struct LeadChange: Hashable, Codable, Sendable {
    public var caseID: CaseID
    public var fromID: MemberID
    public var toID: MemberID
    public var byID: MemberID
    public var at: Date

    public init(caseID: CaseID, fromID: MemberID, toID: MemberID, byID: MemberID, at: Date) {
        self.caseID = caseID
        self.fromID = fromID
        self.toID = toID
        self.byID = byID
        self.at = at
    }
}

extension CaseFile {
    /// Hands the case to a new lead professional, who must be a frontline
    /// worker or a lead. The handover is kept in `leadHistory`.
    public func changeLead(to newLead: Member, by actor: ActingMember, now: Date) throws -> CaseUpdate {
        try requireOpen()
        try requireLeadOrLeadServingPlace(actor)
        guard newLead.id != self.case.leadID else {
            throw CaseRuleViolation.alreadyLead(member: newLead.id, case: self.case.id)
        }
        guard Member.rolesThatMayLead.contains(newLead.role) else {
            throw CaseRuleViolation.roleMayNotLead(member: newLead.id, role: newLead.role)
        }

        var file = self
        let from = self.case.leadID
        file.case.leadID = newLead.id
        file.leadHistory.append(
            LeadChange(caseID: self.case.id, fromID: from, toID: newLead.id, byID: actor.id, at: now))
        return CaseUpdate(
            file: file, events: [CaseEvent(.leadChanged(from: from, to: newLead.id), by: actor.id, at: now)])
    }
}

extension CaseFile {
    /// An admin disabling a leaver hands each case they lead to a successor
    /// who may lead, so no case is ever left without a lead professional.
    public func handOverFromLeaver(to successor: Member, by admin: Member, now: Date) throws -> CaseUpdate {
        guard Member.rolesThatMayLead.contains(successor.role) else {
            throw CaseRuleViolation.roleMayNotLead(member: successor.id, role: successor.role)
        }
        var file = self
        let from = self.case.leadID
        file.case.leadID = successor.id
        file.leadHistory.append(LeadChange(caseID: self.case.id, fromID: from, toID: successor.id, byID: admin.id, at: now))
        return CaseUpdate(
            file: file, events: [CaseEvent(.leadChanged(from: from, to: successor.id), by: admin.id, at: now)])
    }
}
