import Foundation
import GRDB
import PlaceDomain

/// Reading the plan and the evidence base. A place "has" what is recorded
/// for it or any place within it, so an area sees its communities' voice.
extension PlaceStore {
    public func outcomes() throws -> [Outcome] {
        try writer.read { try Outcome.fetchAll($0, sql: "SELECT * FROM outcome ORDER BY name, id") }
    }

    public func indicators() throws -> [Indicator] {
        try writer.read { try Indicator.fetchAll($0, sql: "SELECT * FROM indicator ORDER BY name, id") }
    }

    public func indicator(_ id: IndicatorID) throws -> Indicator? {
        try writer.read { try Indicator.fetchOne($0, key: id.rawValue) }
    }

    /// An indicator's values at `places`, every period.
    public func indicatorValues(_ id: IndicatorID, at places: [PlaceID]) throws -> [IndicatorValue] {
        try writer.read { db in
            try IndicatorValue.fetchAll(
                db,
                sql: """
                    SELECT * FROM indicator_value
                    WHERE indicator_id = ? AND place_id IN (SELECT value FROM json_each(?)) ORDER BY period, place_id
                    """, arguments: [id.rawValue, Self.jsonList(Set(places))])
        }
    }

    /// An indicator's series at a place, rolled up the tree, oldest period first.
    public func series(_ indicator: Indicator, at place: PlaceID, tree: PlaceTree) throws -> [(period: String, value: RolledValue)] {
        try rollups(of: [indicator], under: place, tree: tree)[indicator.id, default: []].map { ($0.period, $0.rollup.value(at: place)) }
    }

    /// Each of `indicators` over the subtree of `place`: one roll-up per
    /// period the indicator has any value for, oldest first. Two reads for
    /// all of them (a board shows every indicator; a query each was most of its time).
    public func rollups(of indicators: [Indicator], under place: PlaceID, tree: PlaceTree)
        throws -> [IndicatorID: [(period: String, rollup: IndicatorRollup)]]
    {
        let ids = JSONValue.array(indicators.map { .string($0.id.rawValue) }).jsonText
        let (values, periods) = try writer.read { db in
            (
                try IndicatorValue.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM indicator_value WHERE indicator_id IN (SELECT value FROM json_each(?))
                          AND place_id IN (SELECT value FROM json_each(?))
                        """, arguments: [ids, Self.jsonList(Set(tree.subtree(of: place)))]),
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT indicator_id, period FROM indicator_value
                        WHERE indicator_id IN (SELECT value FROM json_each(?)) ORDER BY indicator_id, period
                        """, arguments: [ids])
            )
        }
        let byIndicatorAndPeriod = Dictionary(grouping: values) { "\($0.indicatorID)|\($0.period)" }
        let periodsByIndicator = Dictionary(grouping: periods.map { (IndicatorID($0[0] as String), $0[1] as String) }, by: \.0)
        return Dictionary(uniqueKeysWithValues: indicators.map { indicator in
            (indicator.id, (periodsByIndicator[indicator.id] ?? []).map { _, period in
                (period, IndicatorRollup(indicator, tree: tree, values: byIndicatorAndPeriod["\(indicator.id)|\(period)"] ?? []))
            })
        })
    }

    /// The place's prevention scorecard, or the nearest one up the tree.
    public func scorecard(for place: PlaceID, tree: PlaceTree) throws -> Scorecard? {
        try writer.read { db in
            for step in tree.path(to: place).reversed() {
                if let card = try Scorecard.fetchOne(db, key: step.id.rawValue) { return card }
            }
            return nil
        }
    }

    /// The place's plans, latest period first.
    public func plans(for place: PlaceID) throws -> [Plan] {
        try writer.read { db in
            try Plan.fetchAll(db, sql: "SELECT * FROM plan WHERE place_id = ? ORDER BY period DESC, id",
                              arguments: [place.rawValue])
        }
    }

    public func plan(_ id: PlanID) throws -> Plan? {
        try writer.read { try Plan.fetchOne($0, key: id.rawValue) }
    }

    /// A plan's priorities, worst RAG first, then by title.
    public func priorities(of plan: PlanID) throws -> [Priority] {
        try writer.read { db in
            try Priority.fetchAll(
                db,
                sql: """
                    SELECT * FROM priority WHERE plan_id = ?
                    ORDER BY CASE rag WHEN 'red' THEN 0 WHEN 'amber' THEN 1 ELSE 2 END, title, id
                    """, arguments: [plan.rawValue])
        }
    }

    public func priority(_ id: PriorityID) throws -> Priority? {
        try writer.read { try Priority.fetchOne($0, key: id.rawValue) }
    }

    /// A priority's actions, soonest due first.
    public func actions(of priority: PriorityID) throws -> [PlanAction] {
        try writer.read { db in
            try PlanAction.fetchAll(db, sql: "SELECT * FROM plan_action WHERE priority_id = ? ORDER BY due, title, id",
                                    arguments: [priority.rawValue])
        }
    }

    public func action(_ id: ActionID) throws -> PlanAction? {
        try writer.read { try PlanAction.fetchOne($0, key: id.rawValue) }
    }

    /// Place Standard assessments at the place or within it, newest first.
    public func assessments(in places: [PlaceID]) throws -> [PlaceStandardAssessment] {
        try writer.read { db in
            try PlaceStandardAssessment.fetchAll(
                db, sql: "SELECT * FROM place_standard WHERE place_id IN (SELECT value FROM json_each(?)) ORDER BY date DESC, id",
                arguments: [Self.jsonList(Set(places))])
        }
    }

    /// Community voice and practitioner notes at the places, newest first.
    public func evidence(in places: [PlaceID], kind: EvidenceNote.Kind? = nil) throws -> [EvidenceNote] {
        try writer.read { db in
            try EvidenceNote.fetchAll(
                db,
                sql: """
                    SELECT * FROM evidence WHERE place_id IN (SELECT value FROM json_each(?)) AND (? IS NULL OR kind = ?)
                    ORDER BY date DESC, id
                    """, arguments: [Self.jsonList(Set(places)), kind?.rawValue, kind?.rawValue])
        }
    }

    /// The pot of the places: their funding streams and what is allocated from them.
    public func pot(of places: [PlaceID]) throws -> Pot {
        try writer.read { db in
            let streams = try FundingStream.fetchAll(
                db, sql: "SELECT * FROM funding_stream WHERE place_id IN (SELECT value FROM json_each(?)) ORDER BY name, id",
                arguments: [Self.jsonList(Set(places))])
            let allocations = try Allocation.fetchAll(
                db,
                sql: """
                    SELECT a.* FROM allocation a JOIN funding_stream s ON s.id = a.stream_id
                    WHERE s.place_id IN (SELECT value FROM json_each(?)) ORDER BY a.at, a.id
                    """, arguments: [Self.jsonList(Set(places))])
            return Pot(streams: streams, allocations: allocations)
        }
    }

    /// The learning log of the places, newest first.
    public func learning(in places: [PlaceID]) throws -> [LearningEntry] {
        try writer.read { db in
            try LearningEntry.fetchAll(
                db, sql: "SELECT * FROM learning WHERE place_id IN (SELECT value FROM json_each(?)) ORDER BY date DESC, id",
                arguments: [Self.jsonList(Set(places))])
        }
    }
}
