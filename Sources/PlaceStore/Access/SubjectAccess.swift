import Foundation
import GRDB
import PlaceDomain

/// Everything Thistle holds about one resident, and who viewed or changed
/// it: what a subject access request is answered with.
public struct SubjectAccessRecord: Sendable {
    public struct CaseRecord: Sendable {
        public var file: CaseFile
        public var notes: [Note]
        public var timeline: [(kind: String, subject: String?, by: MemberID, at: Date)]
        public var audit: [AuditEntry]
    }
    public var resident: Resident
    /// Records merged into this one (the same person registered twice).
    public var mergedRecords: [ResidentID]
    public var cases: [CaseRecord]
}

extension PlaceStore {
    /// Gathers everything held about `residentID` for a subject access
    /// request (`request`: its reference). This is the one read that passes
    /// the need-to-know rule on purpose, so it is for leads and admins only,
    /// and every case in it gets an export entry in the audit trail.
    public func subjectAccessExport(_ residentID: ResidentID, request: String, by viewer: ActingMember) throws
        -> SubjectAccessRecord
    {
        guard Member.rolesThatKeepRecords.contains(viewer.member.role) else {
            throw NotPermitted("only leads and admins answer subject access requests")
        }
        let reference = request.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reference.isEmpty, reference.count <= 200 else {
            throw StoreError.invalidChange("give the subject access request's reference (--request, up to 200 characters)")
        }
        // A merged record's id leads to the record it was merged into.
        guard let resident = try resident(residentID) else { throw StoreError.unknownResident(residentID.rawValue) }
        let (merged, caseIDs) = try writer.read { db in
            let merged = try String.fetchAll(db, sql: "SELECT id FROM resident WHERE merged_into_id = ? ORDER BY id",
                                             arguments: [resident.id.rawValue])
            let cases = try String.fetchAll(db, sql: "SELECT id FROM case_file WHERE resident_id = ? ORDER BY opened_at, id",
                                            arguments: [resident.id.rawValue])
            return (merged.map { ResidentID($0) }, cases.map { CaseID($0) })
        }
        var cases: [SubjectAccessRecord.CaseRecord] = []
        for id in caseIDs {
            guard let file = try caseFile(id) else { continue }
            cases.append(.init(file: file, notes: try notes(on: id), timeline: try caseEvents(id), audit: try auditEntries(forCase: id)))
        }
        for id in caseIDs {
            try recordExport("subject access request \(reference) for \(resident.id)", by: viewer.id, caseID: id)
        }
        if caseIDs.isEmpty { try recordExport("subject access request \(reference) for \(resident.id)", by: viewer.id) }
        return SubjectAccessRecord(resident: resident, mergedRecords: merged, cases: cases)
    }
}
