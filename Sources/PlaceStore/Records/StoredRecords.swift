import GRDB
import PlaceDomain

/// Reading domain values from their tables: column names map to property
/// names by `ColumnNaming`, dates are ISO 8601 text, arrays are JSON text.
protocol ReadableRecord: FetchableRecord, Decodable {}

extension ReadableRecord {
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy {
        .custom { NamedKey(ColumnNaming.property(forColumn: $0)) }
    }
    public static var databaseDateDecodingStrategy: DatabaseDateDecodingStrategy {
        .custom { String.fromDatabaseValue($0).flatMap(ISOTime.date) }
    }
}

/// A domain value with its own id and table.
protocol ThistleRecord: StoredRecord, ReadableRecord, TableRecord {}

extension ThistleRecord {
    public static var databaseTableName: String { entity.table }
}

extension Consent: ThistleRecord {
    public static var entity: EntityKind { .consent }
    public var recordID: String { id.rawValue }
}

extension Note: ThistleRecord {
    public static var entity: EntityKind { .note }
    public var recordID: String { id.rawValue }
}

extension ConsentOverride: ReadableRecord {}
extension LeadChange: ReadableRecord {}
extension TriageTarget: ReadableRecord {}

extension Place: ThistleRecord {
    public static var entity: EntityKind { .place }
    public var recordID: String { id.rawValue }
}

extension Agency: ThistleRecord {
    public static var entity: EntityKind { .agency }
    public var recordID: String { id.rawValue }
}

extension Member: ThistleRecord {
    public static var entity: EntityKind { .member }
    public var recordID: String { id.rawValue }
}

extension MemberCredential: ThistleRecord {
    public static var entity: EntityKind { .memberKey }
    public var recordID: String { id }
}

extension AuditEntry: ThistleRecord {
    public static var entity: EntityKind { .auditEntry }
    public var recordID: String { id }
}

extension KeyGrant: ThistleRecord {
    public static var entity: EntityKind { .keyGrant }
    public var recordID: String { id }
}

extension NeedCategory: ThistleRecord {
    public static var entity: EntityKind { .needCategory }
    public var recordID: String { id.rawValue }
}

extension Location: ThistleRecord {
    public static var entity: EntityKind { .location }
    public var recordID: String { id.rawValue }
}

extension Service: ThistleRecord {
    public static var entity: EntityKind { .service }
    public var recordID: String { id.rawValue }
}

extension Resident: ThistleRecord {
    public static var entity: EntityKind { .resident }
    public var recordID: String { id.rawValue }
}

extension Case: ThistleRecord {
    public static var entity: EntityKind { .case }
    public var recordID: String { id.rawValue }
}

extension Need: ThistleRecord {
    public static var entity: EntityKind { .need }
    public var recordID: String { id.rawValue }
}

extension Referral: ThistleRecord {
    public static var entity: EntityKind { .referral }
    public var recordID: String { id.rawValue }
}

// The place plan and evidence base.

extension Outcome: ThistleRecord {
    public static var entity: EntityKind { .outcome }
    public var recordID: String { id.rawValue }
}

extension Indicator: ThistleRecord {
    public static var entity: EntityKind { .indicator }
    public var recordID: String { id.rawValue }
}

extension IndicatorValue: ThistleRecord {
    public static var entity: EntityKind { .indicatorValue }
    public var recordID: String { key }
}

extension Scorecard: ThistleRecord {
    public static var entity: EntityKind { .scorecard }
    public var recordID: String { placeID.rawValue }
}

extension Plan: ThistleRecord {
    public static var entity: EntityKind { .plan }
    public var recordID: String { id.rawValue }
}

extension Priority: ThistleRecord {
    public static var entity: EntityKind { .priority }
    public var recordID: String { id.rawValue }
}

extension PlanAction: ThistleRecord {
    public static var entity: EntityKind { .planAction }
    public var recordID: String { id.rawValue }
}

extension PlaceStandardAssessment: ThistleRecord {
    public static var entity: EntityKind { .placeStandard }
    public var recordID: String { id.rawValue }
}

extension EvidenceNote: ThistleRecord {
    public static var entity: EntityKind { .evidence }
    public var recordID: String { id.rawValue }
}

extension FundingStream: ThistleRecord {
    public static var entity: EntityKind { .fundingStream }
    public var recordID: String { id.rawValue }
}

extension Allocation: ThistleRecord {
    public static var entity: EntityKind { .allocation }
    public var recordID: String { id.rawValue }
}

extension LearningEntry: ThistleRecord {
    public static var entity: EntityKind { .learning }
    public var recordID: String { id.rawValue }
}

extension IndicatorValue {
    /// Read column by column: a place board reads every value of every
    /// indicator for its subtree, and keyed decoding costs microseconds a row.
    public init(row: Row) throws {
        self.init(indicatorID: IndicatorID(row["indicator_id"] as String), placeID: PlaceID(row["place_id"] as String),
                  period: row["period"], value: row["value"], numerator: row["numerator"], denominator: row["denominator"])
    }
}

extension Place {
    /// Read column by column: every command that acts as a member reads
    /// every place, and keyed decoding looks up its conversions the first
    /// time in each process.
    public init(row: Row) throws {
        let id = PlaceID(row["id"] as String)
        self.init(id: id, name: row["name"], kind: try row.value("kind", of: "place", id.rawValue),
                  parentID: (row["parent_id"] as String?).map { PlaceID($0) }, population: row["population"],
                  retentionYears: row["retention_years"], dataSharingAgreement: row["data_sharing_agreement"], code: row["code"])
    }
}

extension Member {
    /// Read column by column, as `Place`: every command reads the member signing in.
    public init(row: Row) throws {
        let id = MemberID(row["id"] as String)
        guard case .array(let places)? = JSONValue(jsonText: row["place_ids"]) else {
            throw StoreError.database("member '\(id.rawValue)' has unreadable places")
        }
        let disabledAt = try (row["disabled_at"] as String?).map { text in
            guard let date = ISOTime.date(text) else {
                throw StoreError.database("member '\(id.rawValue)' has an unreadable disabled date '\(text)'")
            }
            return date
        }
        self.init(id: id, name: row["name"], agencyID: AgencyID(row["agency_id"] as String),
                  role: try row.value("role", of: "member", id.rawValue),
                  placeIDs: try places.map { place in
                      guard case .string(let text) = place else {
                          throw StoreError.database("member '\(id.rawValue)' has unreadable places")
                      }
                      return PlaceID(text)
                  },
                  disabledAt: disabledAt, disabledByID: (row["disabled_by_id"] as String?).map { MemberID($0) })
    }
}

extension Row {
    /// A text column read as one of `Value`'s cases; refused, naming the record, when it is none of them.
    func value<Value: RawRepresentable<String>>(_ column: String, of record: String, _ id: String) throws -> Value {
        let text: String = self[column]
        guard let value = Value(rawValue: text) else {
            throw StoreError.database("\(record) '\(id)' has an unknown \(column) '\(text)'")
        }
        return value
    }
}
