import Foundation
import PlaceDomain

extension PlaceStore {
    /// Who viewed or changed case `id`, for someone accountable for it: its
    /// lead professional, a lead serving its place, or an admin.
    public func caseAudit(_ id: CaseID, for viewer: ActingMember) throws -> [AuditEntry] {
        guard let file = try caseFile(id) else { throw StoreError.unknownCase(id.rawValue) }
        let accountable = file.case.leadID == viewer.id || viewer.member.role == .admin
            || (viewer.member.role == .lead && viewer.serves(file.case.placeID))
        guard accountable else {
            throw NotPermitted("only the case's lead professional, a lead serving its place, or an admin sees its audit")
        }
        return try auditEntries(forCase: id)
    }
}
