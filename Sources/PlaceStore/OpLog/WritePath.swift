import Foundation
import GRDB
import PlaceDomain

extension PlaceStore {
    /// The one way anything is written: in one transaction, each change
    /// becomes an op (with the next HLC time and the op it supersedes, who
    /// and which device) and is applied to its table, and the cases it
    /// touched get an entry each in the audit trail. Either all of it is
    /// durable when this returns, or none of it happened. Text holding a
    /// control character (`PlainText`) is refused before anything is written.
    @discardableResult
    public func write(by author: MemberID?, _ changes: [Change]) throws -> [String] {
        for change in changes { try change.requirePlainText() }
        let (opIDs, newest) = try writer.write { db in
            var clock = HybridLogicalClock(last: try Self.lastHLC(db))
            var opIDs: [String] = []
            opIDs.reserveCapacity(changes.count)
            var pending = PendingRows()
            for change in changes {
                opIDs.append(try insertOp(change, by: author, clock: &clock, pending: &pending, in: db).id)
            }
            try pending.flush(in: db)
            try auditChanges(changes, by: author, clock: &clock, in: db)
            return (opIDs, try Self.lastHLC(db))
        }
        LastWrite.record(newest, for: path)
        return opIDs
    }

    /// Makes `change` an op (the next HLC time, the op it supersedes) and
    /// applies it to its table, inside the caller's transaction. Personal
    /// details are sealed first (`sealing`); a resident's new key goes in
    /// just before, as an op of its own whose id names the resident (so an
    /// erasure can find it on the hub).
    @discardableResult
    func insertOp(_ change: Change, by author: MemberID?, clock: inout HybridLogicalClock, in db: Database) throws -> Op {
        var pending = PendingRows()
        let op = try insertOp(change, by: author, clock: &clock, pending: &pending, in: db)
        try pending.flush(in: db)
        return op
    }

    /// What a write has yet to insert: its ops, and a run of new records of
    /// one kind, each a hundred rows to a statement (`RowBatch`), since
    /// every statement has its own fixed cost. Rows wait only while nothing
    /// in the write could read them; the write flushes them before its audit.
    struct PendingRows {
        var ops = Op.batch()
        var records = Materializer.NewRecords()

        mutating func flush(in db: Database) throws {
            try records.flush(in: db)
            try ops.flush(in: db)
        }
    }

    /// The same, its rows left in `pending` while they may wait.
    private func insertOp(
        _ change: Change, by author: MemberID?, clock: inout HybridLogicalClock, pending: inout PendingRows, in db: Database
    ) throws -> Op {
        // Sealing reads other records (a need's case, a resident's key), and an update or a
        // delete its own: only the next new record of the kind being gathered lets them wait.
        if !(change.isNewRecord && pending.records.isGathering(change.entity)) { try pending.records.flush(in: db) }
        var written: Op?
        for sealed in try sealing(change, in: db) {
            written = try insertSealedOp(sealed, by: author, clock: &clock, pending: &pending, in: db)
        }
        return written!
    }

    private func insertSealedOp(
        _ change: Change, by author: MemberID?, clock: inout HybridLogicalClock, pending: inout PendingRows, in db: Database
    ) throws -> Op {
        // Only a new whole record reads nothing of the log or the tables: anything else finds
        // the op it supersedes (`latestOp`), a delete its record's ops, and both their row.
        // (An erasure's trigger deletes its resident's key op; one still waiting here is kept
        // out by the log's own trigger.)
        let fields: [String: JSONValue]?
        if change.isNewRecord, case .object(let object) = change.value { fields = object } else { fields = nil }
        if fields == nil { try pending.flush(in: db) }
        let op = Op(
            id: change.entity == .sealingKey ? Self.keyOpID(change.entityID) : ids.next(), deviceID: deviceID, authorID: author,
            hlc: clock.tick(now: self.clock.now()).description, entity: change.entity.name,
            entityID: change.entityID, field: change.field, value: change.value.jsonText,
            supersedes: try Self.latestOp(for: change, in: db),
            // A delete names every op of the record it has seen (ConcurrentDeletes).
            resolves: change.field == Op.wholeRecord && change.value == .null
                ? try Self.opIDs(of: change.entity.name, change.entityID, in: db) : nil)
        try pending.ops.add(op.columns, in: db)
        if let fields {
            try pending.records.add(change.entity, id: change.entityID, fields: fields, in: db)
        } else {
            try Materializer.apply(op, value: change.value, in: db)
        }
        return op
    }

    /// The id of the op that carries resident `owner`'s key.
    public static func keyOpID(_ owner: String) -> String { "key-" + owner }

    /// The newest HLC in the log, from this device or any other.
    static func lastHLC(_ db: Database) throws -> HLCTimestamp {
        let text = try String.fetchOne(db, sql: "SELECT hlc FROM op ORDER BY hlc DESC LIMIT 1")
        return text.flatMap(HLCTimestamp.init) ?? .zero
    }

    /// The op a change overwrites: the newest for that field or the whole record.
    private static func latestOp(for change: Change, in db: Database) throws -> String? {
        if change.isNewRecord { return nil }
        return try String.fetchOne(
            db,
            sql: """
                SELECT id FROM op WHERE entity = ? AND entity_id = ? AND field IN (?, '*')
                ORDER BY hlc DESC, device_id DESC LIMIT 1
                """,
            arguments: [change.entity.name, change.entityID, change.field])
    }
}
