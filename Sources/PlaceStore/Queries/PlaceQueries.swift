import GRDB
import PlaceDomain

/// Per-place figures for the home screen, before rolling up the tree.
public struct PlaceFigures: Sendable, Equatable {
    /// Open cases whose resident lives in exactly that place.
    public var openCases: [PlaceID: Int]
    /// Open cases with a need still waiting to be routed, by place.
    public var awaitingTriage: [PlaceID: Int]
    /// Each active service with each place it lists.
    public var serviceCoverage: [(service: ServiceID, place: PlaceID)]

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.openCases == rhs.openCases && lhs.awaitingTriage == rhs.awaitingTriage
            && lhs.serviceCoverage.map { "\($0.service)@\($0.place)" }
                == rhs.serviceCoverage.map { "\($0.service)@\($0.place)" }
    }
}

extension PlaceStore {
    /// The whole place tree. Places are bounded by geography (Fife has
    /// about 70), so the tree is loaded whole; everything else pages.
    public func placeTree() throws -> PlaceTree {
        // By SQL: the query interface reads the whole schema first, in every process that signs in.
        PlaceTree(try writer.read { try Place.fetchAll($0, sql: "SELECT * FROM main.place") })
    }

    public func place(_ id: PlaceID) throws -> Place? {
        try writer.read { try Place.fetchOne($0, key: id.rawValue) }
    }

    /// Aggregates for the home screen: a few rows per place, never case rows.
    public func placeFigures() throws -> PlaceFigures {
        try writer.read { db in
            let open = try Row.fetchAll(
                db, sql: "SELECT place_id, COUNT(*) FROM case_file WHERE status = 'open' GROUP BY place_id")
            let waiting = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.place_id, COUNT(DISTINCT n.case_id) FROM \(Self.needsWithTheirCases)
                    WHERE n.state = 'open' AND c.status = 'open'
                    GROUP BY c.place_id
                    """)
            let coverage = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.id, j.value FROM service s, json_each(s.place_ids) j
                    WHERE s.status = 'active' ORDER BY s.id, j.value
                    """)
            func counts(_ rows: [Row]) -> [PlaceID: Int] {
                Dictionary(uniqueKeysWithValues: rows.map { (PlaceID($0[0] as String), $0[1] as Int) })
            }
            return PlaceFigures(
                openCases: counts(open), awaitingTriage: counts(waiting),
                serviceCoverage: coverage.map { (ServiceID($0[0] as String), PlaceID($0[1] as String)) })
        }
    }

    /// Agencies with a member serving, or an active service listed at, any of `places`.
    public func agenciesPresent(in places: [PlaceID]) throws -> [Agency] {
        let list = JSONValue.array(places.map { .string($0.rawValue) }).jsonText
        return try writer.read { db in
            try Agency.fetchAll(
                db,
                sql: """
                    SELECT a.* FROM agency a WHERE a.id IN (
                        SELECT m.agency_id FROM member m, json_each(m.place_ids) j
                        WHERE j.value IN (SELECT value FROM json_each(?1))
                        UNION
                        SELECT s.agency_id FROM service s, json_each(s.place_ids) j
                        WHERE s.status = 'active' AND j.value IN (SELECT value FROM json_each(?1))
                    ) ORDER BY a.name, a.id
                    """, arguments: [list])
        }
    }
}
