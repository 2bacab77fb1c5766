import GRDB
import PlaceDomain

extension PlaceStore {
    /// Refuses a member who may not change the field a conflict is on: the
    /// same people who may edit it may settle it. A case's fields: its lead,
    /// or a lead serving its place. A plan's, a priority's, an action's and
    /// the pot's: leads and admins serving the place. The evidence base's:
    /// analysts, leads and admins serving the place. Anything else (places,
    /// agencies, members, the directory): an admin.
    public func requireMayResolve(_ conflict: Conflict, by member: Member) throws {
        let actor = ActingMember(member: member, tree: try placeTree())
        let id = conflict.entityID
        func place(_ sql: String) throws -> PlaceID {
            guard let found = try writer.read({ try String.fetchOne($0, sql: sql, arguments: [id]) }) else {
                throw StoreError.invalidChange("\(conflict.entity) \(id) does not exist")
            }
            return PlaceID(found)
        }
        switch conflict.entity {
        case EntityKind.case.name, EntityKind.need.name, EntityKind.referral.name, EntityKind.consent.name:
            let caseSQL = [
                EntityKind.case.name: "SELECT id FROM case_file WHERE id = ?",
                EntityKind.need.name: "SELECT case_id FROM need WHERE id = ?",
                EntityKind.referral.name: "SELECT case_id FROM referral WHERE id = ?",
                EntityKind.consent.name: "SELECT case_id FROM consent WHERE id = ?",
            ][conflict.entity]!
            guard let caseID = try writer.read({ try String.fetchOne($0, sql: caseSQL, arguments: [id]) }),
                let file = try caseFile(CaseID(caseID))
            else { throw StoreError.invalidChange("\(conflict.entity) \(id) does not exist") }
            guard file.isLeadOrLeadServingPlace(actor) else {
                throw CaseRuleViolation.notLeadOrLeadServingPlace(member: member.id, case: file.case.id)
            }
        case EntityKind.plan.name:
            try PlanRules.requirePlanner(actor, at: try place("SELECT place_id FROM plan WHERE id = ?"))
        case EntityKind.priority.name:
            try PlanRules.requirePlanner(
                actor, at: try place("SELECT l.place_id FROM priority p JOIN plan l ON l.id = p.plan_id WHERE p.id = ?"))
        case EntityKind.planAction.name:
            try PlanRules.requirePlanner(actor, at: try place("""
                SELECT l.place_id FROM plan_action a JOIN priority p ON p.id = a.priority_id JOIN plan l ON l.id = p.plan_id
                WHERE a.id = ?
                """))
        case EntityKind.fundingStream.name:
            try PlanRules.requirePlanner(actor, at: try place("SELECT place_id FROM funding_stream WHERE id = ?"))
        case EntityKind.allocation.name:
            try PlanRules.requirePlanner(
                actor, at: try place("SELECT s.place_id FROM allocation a JOIN funding_stream s ON s.id = a.stream_id WHERE a.id = ?"))
        case EntityKind.indicatorValue.name, EntityKind.placeStandard.name, EntityKind.evidence.name, EntityKind.scorecard.name:
            let table = EntityKind.named(conflict.entity)!.table.quotedDatabaseIdentifier
            try PlanRules.requireEvidenceKeeper(actor, at: try place("SELECT place_id FROM \(table) WHERE id = ?"))
        default:
            guard member.role == .admin else { throw NotPermitted("only an admin settles a conflict on a \(conflict.entity)") }
        }
    }
}

/// A member asked for something their role does not allow.
public struct NotPermitted: Error, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
