import Foundation
import GRDB
import PlaceDomain

/// One entry of the append-only op log: a single field of a single record
/// set to a value by a member on a device at a hybrid-logical-clock time.
/// The field `*` is the whole record: an object value creates it.
public struct Op: Hashable, Sendable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "op"
    /// The field name that stands for the whole record.
    public static let wholeRecord = "*"

    public var id: String
    public var deviceID: DeviceID
    public var authorID: MemberID?
    public var hlc: String
    public var entity: String
    public var entityID: String
    public var field: String
    /// JSON text.
    public var value: String
    /// The op this one overwrites, if any.
    public var supersedes: String?
    /// For an op that settles a conflict: every op of the conflict, as a JSON array.
    public var resolves: String?

    public init(id: String, deviceID: DeviceID, authorID: MemberID?, hlc: String, entity: String, entityID: String,
                field: String, value: String, supersedes: String?, resolves: String? = nil) {
        self.id = id
        self.deviceID = deviceID
        self.authorID = authorID
        self.hlc = hlc
        self.entity = entity
        self.entityID = entityID
        self.field = field
        self.value = value
        self.supersedes = supersedes
        self.resolves = resolves
    }

    /// Ops from the JSON array a bundle carries (as `JSONDecoder` would
    /// decode `[Op]`, in a fraction of its time); nil if it is not one.
    public static func array(fromJSON data: Data) -> [Op]? {
        JSONReader.ops(in: data)
    }

    /// Read column by column: an import reads back every op of each record it rebuilds.
    public init(row: Row) throws {
        self.init(id: row["id"], deviceID: DeviceID(row["device_id"] as String), authorID: (row["author_id"] as String?).map { MemberID($0) },
                  hlc: row["hlc"], entity: row["entity"], entityID: row["entity_id"], field: row["field"], value: row["value"],
                  supersedes: row["supersedes"], resolves: row["resolves"])
    }

    /// Appends the op to the log through one cached statement (a record's
    /// `insert` encodes it and prepares a statement each time).
    func append(to db: Database) throws {
        try RowBatch.execute(db.cachedStatement(sql: Self.insertOne), binding: columns[...], in: db)
    }

    /// Appends ops to the log a hundred rows a statement (`RowBatch`).
    static func append(_ ops: [Op], to db: Database) throws {
        var batch = Op.batch()
        for op in ops { try batch.add(op.columns, in: db) }
        try batch.flush(in: db)
    }

    /// Rows of the log to be appended a hundred a statement: add each op's `columns`, then flush.
    static func batch() -> RowBatch {
        RowBatch(oneRow: insertOne, fullBatch: insertMany)
    }

    var columns: [DatabaseValue] {
        [id.databaseValue, deviceID.rawValue.databaseValue, authorID?.rawValue.databaseValue ?? .null, hlc.databaseValue,
         entity.databaseValue, entityID.databaseValue, field.databaseValue, value.databaseValue,
         supersedes?.databaseValue ?? .null, resolves?.databaseValue ?? .null]
    }

    private static let columnNames = ["id", "device_id", "author_id", "hlc", "entity", "entity_id", "field", "value",
                                      "supersedes", "resolves"]
    private static let insertOne = RowBatch.insertSQL(into: "op", columns: columnNames, rows: 1)
    private static let insertMany = RowBatch.insertSQL(into: "op", columns: columnNames, rows: RowBatch.rowsAStatement)

    enum CodingKeys: String, CodingKey {
        case id, hlc, entity, field, value, supersedes, resolves
        case deviceID = "device_id"
        case authorID = "author_id"
        case entityID = "entity_id"
    }
}
