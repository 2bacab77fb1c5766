import Foundation
import GRDB
import PlaceDomain

/// What importing ops from another device did.
public struct ImportResult: Equatable, Sendable {
    /// Ops this store did not have.
    public var new: Int
    /// Ops it already had (importing twice changes nothing).
    public var duplicates: Int
    /// Conflicts open now that were not open before.
    public var newConflicts: [Conflict]
    /// Residents the import brought who look like residents already here
    /// (the same person registered on two laptops), for a person to review
    /// and merge: (brought, already here), by id.
    public var possibleDuplicates: [(ResidentID, ResidentID)] = []

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.new == rhs.new && lhs.duplicates == rhs.duplicates && lhs.newConflicts == rhs.newConflicts
            && lhs.possibleDuplicates.map { [$0.0, $0.1] } == rhs.possibleDuplicates.map { [$0.0, $0.1] }
    }
}

/// A field of a record with more than one *head*, and heads that disagree:
/// ops on that field that no later op overwrote (by `supersedes`) or
/// settled (by `resolves`).
/// Each head is the latest value of a line of edits made on a device that
/// had not seen the other line: concurrent edits. The field shows the
/// deterministic winner (highest HLC, then device id, which is always a
/// head); every head's value stays here until a person resolves it.
public struct Conflict: Equatable, Sendable, Identifiable {
    /// Stable on every device: `entity/entityID/field`.
    public var id: String
    public var entity: String
    public var entityID: String
    public var field: String
    /// Every head's value, oldest first; the last is the one shown.
    public var values: [Value]

    public struct Value: Equatable, Sendable {
        public var opID: String
        public var value: JSONValue
        public var author: MemberID?
        public var device: DeviceID
        public var at: String
    }
}

extension PlaceStore {
    /// Every op in the log, oldest first: what a peer that has nothing needs.
    public func allOps() throws -> [Op] {
        try writer.read { try Op.fetchAll($0, sql: "SELECT * FROM op ORDER BY hlc, device_id, id") }
    }

    /// Merges ops from other devices in one transaction: ops already here
    /// are counted and skipped; each record a new op touches is rebuilt
    /// from all of its ops in HLC order, so the tables stay a function of
    /// the op set alone, whatever order ops arrive in. An op this store
    /// cannot apply (an unknown kind of record or field, a value that is
    /// not JSON) refuses the whole import and nothing changes.
    /// `progress` hears (done, total) as records are applied, for long imports.
    public func importOps(_ ops: [Op], progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> ImportResult {
        try writer.write { db in
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            var notHeld = Set<String>(minimumCapacity: ops.count)
            let unique = ops.filter { notHeld.insert($0.id).inserted }
            try Self.removeHeld(from: &notHeld, since: unique.lazy.map(\.hlc).min(), in: db)
            let fresh = unique.filter { notHeld.contains($0.id) }
            // Each new op's value is read and checked once, on another core while this one writes the log.
            let values = Pending { try fresh.map(Self.check) }
            // The records the new ops touch, numbered in the order their first op comes; per record, its
            // ops (indices into `fresh`), and what the log held of it. Arrays by number, not sets by key:
            // a first sync brings a hundred thousand records.
            let touched = TouchedRecords(fresh)
            let records = touched.keys
            // What the log holds of each record (before the new ops go in), a thousand records of a kind
            // a query; a kind the log never held (most, on a first sync) is not asked about.
            var newest = [(hlc: String, deleted: Bool)?](repeating: nil, count: records.count)
            let newestOf = try db.cachedStatement(sql: """
                SELECT entity_id, MAX(hlc), MAX(field = '*' AND value = 'null') FROM op
                WHERE entity = ? AND entity_id IN (SELECT value FROM json_each(?))
                GROUP BY entity_id
                """)
            let heldOfKind = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM op WHERE entity = ?)")
            for (kind, numbers) in touched.byKind where try Bool.fetchOne(heldOfKind, arguments: [kind]) == true {
                var number = [String: Int](minimumCapacity: numbers.count)
                for record in numbers { number[records[record].id] = record }
                for start in stride(from: 0, to: numbers.count, by: 1_000) {
                    let ids = numbers[start..<min(start + 1_000, numbers.count)].map { JSONValue.string(records[$0].id) }
                    for row in try Row.fetchAll(newestOf, arguments: [kind, JSONValue.array(ids).jsonText]) {
                        if let record = number[row[0]] { newest[record] = (row[1], row[2]) }
                    }
                }
            }
            // A record whose new ops all come after every op it has can take
            // them as they are; otherwise it is rebuilt from all of its ops.
            // A record with a delete among its ops is always rebuilt: a delete may be contested.
            let appendOnly = records.indices.map { record -> Bool in
                if let sole = touched.soleOp(of: record) {
                    return !fresh[sole].isDelete && newest[record].map { $0.deleted ? false : $0.hlc < fresh[sole].hlc } ?? true
                }
                let arriving = touched.ops(of: record)
                guard !arriving.contains(where: { fresh[$0].isDelete }), newest[record]?.deleted != true else { return false }
                return newest[record].map { held in held.hlc < arriving.map { fresh[$0].hlc }.min()! } ?? true
            }
            // Only a record held before can be in conflict before; after, one held before or
            // arriving with more than one op (a record arriving whole in one op has one head a field).
            let held = Set(records.indices.lazy.filter { newest[$0] != nil }.map { records[$0] })
            let contestable = held.union(records.indices.lazy.filter { touched.soleOp(of: $0) == nil }.map { records[$0] })
            let before = Set(try openConflicts(db, in: held).map(\.id))
                .union(try Self.caseRuleConflicts(db).map(\.id)).union(try Self.deleteConflicts(db, in: held).map(\.id))
            // A merge bringing more ops than the log holds (a new laptop's first sync) counts the
            // dashboard's tallies once at the end rather than row by row (Tallies.recounting).
            let logSize = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(rowid), 0) FROM op") ?? 0
            do {
                try Op.append(fresh, to: db)
            } catch {
                _ = try values.get()  // an op that cannot be applied is the reason to give
                throw error
            }
            let value = try values.get()
            func materialise() throws {
                var done = 0
                var newRecords = Materializer.NewRecords()
                // Parents before children, so a replayed child finds its parent.
                for kind in EntityKind.all {
                    for record in touched.byKind[kind.name] ?? [] {
                        done += 1
                        if done % 1_000 == 0 { progress?(done, records.count) }
                        if let sole = touched.soleOp(of: record), newest[record] == nil, fresh[sole].field == Op.wholeRecord,
                            case .object(let fields) = value[sole] {
                            // New here, arriving whole: what applying its op would do, with its neighbours.
                            try newRecords.add(kind, id: records[record].id, fields: fields, in: db)
                            continue
                        }
                        try newRecords.flush(in: db)
                        let arriving = touched.ops(of: record)
                        if appendOnly[record] {
                            let ordered = arriving.count == 1 ? arriving : arriving.sorted {
                                let (a, b) = (fresh[$0], fresh[$1])
                                return (a.hlc, a.deviceID.rawValue, a.id) < (b.hlc, b.deviceID.rawValue, b.id)
                            }
                            for index in ordered {
                                try Materializer.apply(fresh[index], value: value[index], replaying: true,
                                                       absent: newest[record] == nil, in: db)
                            }
                        } else {
                            try Self.rebuildRecord(kind, id: records[record].id, in: db)
                        }
                    }
                }
                try newRecords.flush(in: db)
                try Self.repairCaseRules(db, cases: Self.cases(touchedBy: fresh, in: db))
            }
            if fresh.count > logSize { try Tallies.recounting(db, materialise) } else { try materialise() }
            let after = try openConflicts(db, in: contestable) + Self.caseRuleConflicts(db)
                + Self.deleteConflicts(db, in: contestable)
            let arrived = Set(fresh.filter { $0.entity == EntityKind.resident.name && $0.field == Op.wholeRecord }.map(\.entityID))
            return ImportResult(new: fresh.count, duplicates: ops.count - fresh.count,
                                newConflicts: after.filter { !before.contains($0.id) },
                                possibleDuplicates: try likelyDuplicates(of: arrived, in: db))
        }
    }

    /// Each arrived resident with the residents already here (not merged, not
    /// arrived with it) who share a birth date and a close name or postcode.
    func likelyDuplicates(of arrived: Set<String>, in db: Database) throws -> [(ResidentID, ResidentID)] {
        guard !arrived.isEmpty else { return [] }
        let arrivedIDs = JSONValue.array(arrived.sorted().map(JSONValue.string)).jsonText
        // Only a resident here before can be a duplicate: on a new laptop's first sync there is none.
        guard try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM main.resident WHERE merged_into_id IS NULL AND id NOT IN (SELECT value FROM json_each(?)))
            """, arguments: [arrivedIDs]) == true
        else { return [] }
        // One read of the arrivals and one per birth date: a first sync brings thousands.
        let key = try currentSearchKey(db)
        let residents = try Resident.fetchAll(
            db, sql: "SELECT * FROM resident WHERE id IN (SELECT value FROM json_each(?)) AND merged_into_id IS NULL ORDER BY id",
            arguments: [arrivedIDs])
        var bornOn: [String: [Resident]] = [:]
        var pairs: [(ResidentID, ResidentID)] = []
        for resident in residents {
            guard let born = resident.dateOfBirth else { continue }
            if bornOn[born] == nil { bornOn[born] = try self.residents(bornOn: born, key: key, in: db) }
            let sameDay = bornOn[born, default: []].filter { !arrived.contains($0.id.rawValue) }
            let candidate = ResidentCandidate(givenName: resident.givenName, familyName: resident.familyName,
                                              dateOfBirth: resident.dateOfBirth, postcode: resident.postcode)
            pairs += ResidentMatcher.likelyDuplicates(of: candidate, among: sameDay).map { (resident.id, $0.id) }
        }
        return pairs
    }

    /// Conflicts no op has resolved yet, by record and field, closed
    /// cases a merge reopened because of a live need, and records deleted
    /// on one device while another changed them.
    public func conflicts() throws -> [Conflict] {
        try writer.read { try openConflicts($0) + Self.caseRuleConflicts($0) + Self.deleteConflicts($0) }
    }

    /// The cases whose needs, referrals or own record these ops touch.
    static func cases(touchedBy ops: [Op], in db: Database) throws -> Set<String> {
        var cases = Set(ops.filter { $0.entity == EntityKind.case.name }.map(\.entityID))
        for kind in [EntityKind.need, .referral] {
            // A thousand records a query: a first sync brings tens of thousands.
            let statement = try db.cachedStatement(
                sql: "SELECT DISTINCT case_id FROM \(kind.mainTable) WHERE id IN (SELECT value FROM json_each(?))")
            let ids = Array(Set(ops.filter { $0.entity == kind.name }.map(\.entityID)))
            for start in stride(from: 0, to: ids.count, by: 1_000) {
                let list = JSONValue.array(ids[start..<min(start + 1_000, ids.count)].map(JSONValue.string))
                cases.formUnion(try String.fetchAll(statement, arguments: [list.jsonText]))
            }
        }
        return cases
    }

    /// Settles a conflict with `value` (one of its values, or a merged one):
    /// an op on the field that overwrites the winner and names every op of
    /// the conflict, so every device sees it closed once the op reaches it.
    @discardableResult
    public func resolve(_ conflict: Conflict, with value: JSONValue, by author: MemberID) throws -> String {
        try writer.write { db in
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            let key = RecordKey(entity: conflict.entity, id: conflict.entityID)
            if let rule = try Self.caseRuleConflicts(db, cases: [conflict.entityID]).first(where: { $0.id == conflict.id }) {
                return try Self.resolveCaseRule(rule, with: value, by: author, store: self, in: db)
            }
            guard let current = try (openConflicts(db, in: [key]) + Self.deleteConflicts(db, in: [key]))
                .first(where: { $0.id == conflict.id })
            else {
                throw StoreError.invalidChange("conflict \(conflict.id) is not open")
            }
            guard let kind = EntityKind.named(current.entity) else {
                throw StoreError.invalidChange("unknown kind of record '\(current.entity)'")
            }
            let winner = current.values.last!.opID
            // Deleting again names every op of the record, as any delete does;
            // keeping a deleted record takes it whole.
            var resolves = JSONValue.array(current.values.map { .string($0.opID) }).jsonText
            if current.field == Op.wholeRecord {
                switch value {
                case .null: resolves = try Self.opIDs(of: kind.name, current.entityID, in: db)
                case .object: break
                default: throw StoreError.invalidChange("keep the \(kind) (its value is the whole record) or delete it (null)")
                }
            }
            var clock = HybridLogicalClock(last: try Self.lastHLC(db))
            let settled = Change(entity: kind, entityID: current.entityID, field: current.field, value: value)
            // The chosen value is written sealed, as any other write is.
            let prepared = try sealing(settled, in: db)
            for key in prepared.dropLast() { try insertOp(key, by: author, clock: &clock, in: db) }
            let op = Op(
                id: ids.next(), deviceID: deviceID, authorID: author, hlc: clock.tick(now: self.clock.now()).description,
                entity: kind.name, entityID: current.entityID, field: current.field, value: prepared.last!.value.jsonText,
                supersedes: winner, resolves: resolves)
            try op.append(to: db)
            try Self.rebuildRecord(kind, id: current.entityID, in: db)
            try appendAudit(.change, by: author, caseID: try Self.caseID(of: settled, in: db),
                            detail: "resolved the conflict on \(kind) \(current.entityID) \(current.field)", clock: &clock, in: db)
            return op.id
        }
    }

    /// Keeping a reopened case open writes its status as open (and clears
    /// the closing), superseding the close. Closing it again is the normal
    /// rule: end its live needs first, then close it.
    static func resolveCaseRule(_ conflict: Conflict, with value: JSONValue, by author: MemberID, store: PlaceStore,
                                in db: Database) throws -> String {
        guard value == .string("open") else {
            throw StoreError.invalidChange(
                "case \(conflict.entityID) has a live need: close or end it first, then close the case again")
        }
        var clock = HybridLogicalClock(last: try lastHLC(db))
        var last = conflict.values[0].opID
        var first = ""
        for (field, fieldValue) in [("status", JSONValue.string("open")), ("closed_at", .null), ("closed_by_id", .null),
                                    ("closed_reason", .null)] {
            let parent = try String.fetchOne(
                db, sql: """
                    SELECT id FROM op WHERE entity = 'case' AND entity_id = ? AND field IN (?, '*')
                    ORDER BY hlc DESC, device_id DESC LIMIT 1
                    """, arguments: [conflict.entityID, field])
            let op = Op(
                id: store.ids.next(), deviceID: store.deviceID, authorID: author,
                hlc: clock.tick(now: store.clock.now()).description, entity: EntityKind.case.name,
                entityID: conflict.entityID, field: field, value: fieldValue.jsonText,
                supersedes: field == "status" ? last : parent)
            try op.append(to: db)
            if first.isEmpty { first = op.id }
            last = op.id
        }
        try rebuildRecord(.case, id: conflict.entityID, in: db)
        try store.appendAudit(.change, by: author, caseID: CaseID(conflict.entityID),
                              detail: "kept the case open after a need arrived as it closed", clock: &clock, in: db)
        return first
    }

    /// Takes out of `ids` (the ids of ops to merge, none older than `oldest`)
    /// those the log holds already. A merge's ops are mostly all new (a
    /// first sync, a week's work) or all held (the same bundle twice): the
    /// log's ids from the oldest of them on are read in one go through the
    /// time index, unless that range is far larger than the ops (an old op
    /// arriving late at a big log); then they are looked up a thousand a query.
    static func removeHeld(from ids: inout Set<String>, since oldest: String?, in db: Database) throws {
        guard let oldest else { return }
        let limit = 4 * ids.count + 1_000
        let since = try String.fetchAll(db, sql: "SELECT id FROM op WHERE hlc >= ? LIMIT ?", arguments: [oldest, limit])
        if since.count < limit {
            for id in since { ids.remove(id) }
            return
        }
        let heldAmong = try db.cachedStatement(sql: "SELECT id FROM op WHERE id IN (SELECT value FROM json_each(?))")
        let all = Array(ids)
        for start in stride(from: 0, to: all.count, by: 1_000) {
            let chunk = all[start..<min(start + 1_000, all.count)].map(JSONValue.string)
            for id in try String.fetchAll(heldAmong, arguments: [JSONValue.array(chunk).jsonText]) { ids.remove(id) }
        }
    }

    /// Refuses an op this store could not apply, before anything is written; its value, read.
    @discardableResult
    static func check(_ op: Op) throws -> JSONValue {
        guard let kind = EntityKind.named(op.entity) else {
            throw StoreError.invalidChange("unknown kind of record '\(op.entity)'")
        }
        guard op.field == Op.wholeRecord || (op.field != "id" && kind.columns.contains(op.field)) else {
            throw StoreError.invalidChange("\(kind) has no field '\(op.field)'")
        }
        guard let value = JSONValue(jsonText: op.value), HLCTimestamp(op.hlc) != nil else {
            throw StoreError.invalidChange("op \(op.id) is malformed")
        }
        return value
    }

    /// Rebuilds one record from all of its ops in (HLC, device, id) order.
    static func rebuildRecord(_ kind: EntityKind, id: String, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM \(kind.mainTable) WHERE id = ?").execute(arguments: [id])
        let ops = try Op.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM op WHERE entity = ? AND entity_id = ? ORDER BY hlc, device_id, id"),
            arguments: [kind.name, id])
        let skipped = deleteVerdicts(ops).skipped
        for op in ops where !skipped.contains(op.id) {
            guard let value = JSONValue(jsonText: op.value) else { continue }
            try Materializer.apply(op, value: value, replaying: true, in: db)
        }
    }

    /// Fields with more than one head, over every record or only `records`.
    func openConflicts(_ db: Database, in records: Set<RecordKey>? = nil) throws -> [Conflict] {
        if let records, records.isEmpty { return [] }
        var resolved = Set<String>()
        for list in try String.fetchAll(
            db, sql: "SELECT resolves FROM op WHERE resolves IS NOT NULL AND NOT (field = '*' AND value = 'null')")
        {
            resolved.formUnion(Op.ids(inResolves: list))
        }
        // A delete settles what it saw only if it stands: a contested or
        // overruled delete leaves the record, and its fields' conflicts, in place.
        for ops in try Self.opsOfDeletedRecords(db, in: records).values {
            let skipped = Self.deleteVerdicts(ops).skipped
            for delete in ops where delete.isDelete && !skipped.contains(delete.id) { resolved.formUnion(delete.resolvedIDs) }
        }
        // Only fields with more than one head can be in conflict: found by
        // grouping the heads in the index, then only those fields' heads read.
        let unsuperseded = """
            NOT EXISTS (SELECT 1 FROM op s WHERE s.entity = o.entity AND s.entity_id = o.entity_id
                        AND s.field = o.field AND s.supersedes = o.id)
            """
        let headsOf = try db.cachedStatement(sql: """
            SELECT o.* FROM op o WHERE o.entity = ? AND o.entity_id = ? AND o.field = ? AND \(unsuperseded)
            """)
        var fields: [(String, String, String)] = []
        if let records {
            let contested = try db.cachedStatement(sql: """
                SELECT o.field FROM op o WHERE o.entity = ? AND o.entity_id = ? AND \(unsuperseded)
                GROUP BY o.field HAVING COUNT(*) > 1
                """)
            for key in records.sorted(by: { ($0.entity, $0.id) < ($1.entity, $1.id) }) {
                fields += try String.fetchAll(contested, arguments: [key.entity, key.id]).map { (key.entity, key.id, $0) }
            }
        } else {
            fields = try Row.fetchAll(
                db,
                sql: """
                    SELECT o.entity, o.entity_id, o.field FROM op o WHERE \(unsuperseded)
                    GROUP BY o.entity, o.entity_id, o.field HAVING COUNT(*) > 1
                    """).map { ($0[0], $0[1], $0[2]) }
        }
        var ops: [Op] = []
        for (entity, id, field) in fields {
            ops += try Op.fetchAll(headsOf, arguments: [entity, id, field])
        }
        let byField = Dictionary(grouping: ops.filter { !resolved.contains($0.id) }) {
            [$0.entity, $0.entityID, $0.field].joined(separator: "/")
        }
        // Concurrent edits that set the same value agree: no one need choose.
        // Values are compared opened: each laptop sealed its own with its own nonce.
        return try byField.filter { $0.value.count > 1 }.sorted { $0.key < $1.key }.compactMap { id, group in
            let ordered = group.sorted { ($0.hlc, $0.deviceID.rawValue, $0.id) < ($1.hlc, $1.deviceID.rawValue, $1.id) }
            let values = try ordered.map {
                Conflict.Value(
                    opID: $0.id,
                    value: try revealed(JSONValue(jsonText: $0.value) ?? .null, entity: $0.entity, row: $0.entityID,
                                        field: $0.field, in: db),
                    author: $0.authorID, device: $0.deviceID, at: $0.hlc)
            }
            guard Set(values.map(\.value)).count > 1 else { return nil }
            return Conflict(id: id, entity: ordered[0].entity, entityID: ordered[0].entityID, field: ordered[0].field,
                            values: values)
        }
    }
}

/// One record: its kind's op name and its id.
struct RecordKey: Hashable {
    let entity: String
    let id: String
}

/// The records a merge's new ops touch, numbered in the order of their
/// first op, with each record's ops (indices into the ops, in order) and
/// the records of each kind.
struct TouchedRecords {
    private(set) var keys: [RecordKey] = []
    /// Record numbers by kind, each in the order of its first op.
    private(set) var byKind: [String: [Int]] = [:]
    private var firstOp: [Int] = []
    /// For each op, the record's next op, or -1.
    private var nextOp: [Int]

    init(_ ops: [Op]) {
        nextOp = Array(repeating: -1, count: ops.count)
        var number = [RecordKey: Int](minimumCapacity: ops.count)
        var lastOp: [Int] = []
        for (index, op) in ops.enumerated() {
            let key = RecordKey(entity: op.entity, id: op.entityID)
            if let record = number[key] {
                nextOp[lastOp[record]] = index
                lastOp[record] = index
            } else {
                number[key] = keys.count
                byKind[op.entity, default: []].append(keys.count)
                keys.append(key)
                firstOp.append(index)
                lastOp.append(index)
            }
        }
    }

    /// The record's op when it has only one (most do).
    func soleOp(of record: Int) -> Int? { nextOp[firstOp[record]] < 0 ? firstOp[record] : nil }

    /// The record's ops, in the order they came.
    func ops(of record: Int) -> [Int] {
        var ops = [firstOp[record]]
        while nextOp[ops[ops.count - 1]] >= 0 { ops.append(nextOp[ops[ops.count - 1]]) }
        return ops
    }
}
