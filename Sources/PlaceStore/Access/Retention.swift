import Foundation
import GRDB
import PlaceDomain

/// A closed case kept longer than its place's retention period.
public struct RetentionDue: Hashable, Sendable {
    public var caseID: CaseID
    public var placeID: PlaceID
    public var closedAt: Date
    public var retentionYears: Int
    /// When it passed its retention period.
    public var dueSince: Date
}

extension PlaceStore {
    /// Closed cases in `places` past the retention period in force at their
    /// place, longest overdue first. For leads serving those places and admins.
    public func casesPastRetention(in places: Set<PlaceID>, tree: PlaceTree, now: Date, for viewer: ActingMember)
        throws -> [RetentionDue]
    {
        guard Member.rolesThatKeepRecords.contains(viewer.member.role) else {
            throw NotPermitted("only leads and admins review retention")
        }
        let calendar = Calendar(identifier: .gregorian)
        let rows = try writer.read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT id, place_id, closed_at FROM case_file
                    WHERE status = 'closed' AND closed_at IS NOT NULL AND place_id IN (SELECT value FROM json_each(?))
                    """, arguments: [Self.jsonList(places.intersection(viewer.servedPlaceIDs))])
        }
        return rows.compactMap { row -> RetentionDue? in
            let place = PlaceID(row["place_id"] as String)
            let closed = Self.date(row["closed_at"])
            let years = tree.retentionYears(at: place)
            guard let due = calendar.date(byAdding: .year, value: years, to: closed), due <= now else { return nil }
            return RetentionDue(caseID: CaseID(row["id"] as String), placeID: place, closedAt: closed, retentionYears: years,
                                dueSince: due)
        }.sorted { ($0.dueSince, $0.caseID) < ($1.dueSince, $1.caseID) }
    }
}
