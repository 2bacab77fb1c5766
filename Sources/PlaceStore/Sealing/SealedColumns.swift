import Crypto
import Foundation
import GRDB

/// Which columns hold personal details, and whose key seals them: a
/// resident's identity and everything written about their case under that
/// resident's own key (so erasing the key erases them), text about no one
/// resident under the team key.
struct SealedColumns {
    enum KeyedBy {
        /// The record is the resident.
        case itself
        /// The record names the resident (`resident_id`): a case.
        case residentOfRecord
        /// The record names its case (`case_id`).
        case residentOfCase
        /// The record names a referral (`referral_id`): a consent override.
        case residentOfReferral
        /// Not about one resident: community voice, an erasure's reason.
        case team
    }

    let columns: Set<String>
    let keyedBy: KeyedBy

    /// By table. `case_event.detail` is JSON: its `reason` member is sealed, the rest stays readable.
    static let byTable: [String: SealedColumns] = [
        "resident": SealedColumns(columns: ["given_name", "family_name", "date_of_birth", "postcode"], keyedBy: .itself),
        "case_file": SealedColumns(columns: ["summary", "closed_reason"], keyedBy: .residentOfRecord),
        "need": SealedColumns(columns: ["closed_reason"], keyedBy: .residentOfCase),
        "referral": SealedColumns(columns: ["reason"], keyedBy: .residentOfCase),
        "note": SealedColumns(columns: ["text"], keyedBy: .residentOfCase),
        "case_event": SealedColumns(columns: ["detail"], keyedBy: .residentOfCase),
        "consent_override": SealedColumns(columns: ["reason"], keyedBy: .residentOfReferral),
        "evidence": SealedColumns(columns: ["text"], keyedBy: .team),
        "erasure": SealedColumns(columns: ["reason"], keyedBy: .team),
    ]

    /// The members of a JSON column that are sealed one by one.
    static let jsonMembers: Set<String> = ["reason"]
}

extension PlaceStore {
    /// `change` with its personal details sealed, preceded by the new key's
    /// change when it is the first thing written about a resident. A store
    /// that belongs to a team refuses to write personal details while
    /// locked; one not yet in a team (no key exists) writes them as they are.
    func sealing(_ change: Change, in db: Database) throws -> [Change] {
        guard let rule = SealedColumns.byTable[change.entity.table] else { return [change] }
        let targets: [String]
        switch change.value {
        case .object(let fields) where change.field == Op.wholeRecord:
            targets = rule.columns.filter { Self.needsSealing(fields[$0]) }.sorted()
        default:
            targets = rule.columns.contains(change.field) && Self.needsSealing(change.value) ? [change.field] : []
        }
        guard !targets.isEmpty else { return [change] }
        guard let keyring = unlocked.keyring else {
            if try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM key_grant)")) == true { throw StoreError.locked }
            return [change]
        }
        let owner = try sealingOwner(of: change, keyedBy: rule.keyedBy, keyring: keyring, in: db)
        var keyChange: Change?
        let key: SymmetricKey
        switch owner {
        case .team(let generation):
            key = keyring.keys[generation]!
        case .resident(let id):
            if let wrapped = try String.fetchOne(db.cachedStatement(sql: "SELECT wrapped FROM main.sealing_key WHERE id = ?"), arguments: [id]) {
                guard let opened = unlocked.residentKey(id, wrapped: wrapped) else {
                    throw StoreError.database("resident \(id)'s key does not open with the team's keys")
                }
                key = opened
            } else {
                if try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM erasure WHERE id = ?)"), arguments: [id]) == true {
                    throw StoreError.erased(id)
                }
                key = SymmetricKey(size: .bits256)
                let wrapped = try SealedValue.wrap(key, owner: id, with: keyring)
                unlocked.remember(id, wrapped: wrapped, key: key)
                keyChange = Change(entity: .sealingKey, entityID: id, field: Op.wholeRecord,
                                   value: .object(["id": .string(id), "wrapped": .string(wrapped)]))
            }
        }
        func seal(_ value: JSONValue, column: String) throws -> JSONValue {
            let table = change.entity.table
            switch value {
            case .string(let plain):
                let binding = SealedValue.binding(table: table, row: change.entityID, field: column)
                return .string(try SealedValue.seal(plain, owner: owner, key: key, binding: binding).text)
            case .object(var members):
                for name in SealedColumns.jsonMembers {
                    guard case .string(let plain)? = members[name] else { continue }
                    let binding = SealedValue.binding(table: table, row: change.entityID, field: column + "." + name)
                    members[name] = .string(try SealedValue.seal(plain, owner: owner, key: key, binding: binding).text)
                }
                return .object(members)
            default:
                return value
            }
        }
        let sealed: Change
        if change.field == Op.wholeRecord, case .object(var fields) = change.value {
            for column in targets { fields[column] = try seal(fields[column]!, column: column) }
            sealed = Change(entity: change.entity, entityID: change.entityID, field: change.field, value: .object(fields))
        } else {
            sealed = Change(entity: change.entity, entityID: change.entityID, field: change.field,
                            value: try seal(change.value, column: change.field))
        }
        return (keyChange.map { [$0] } ?? []) + [sealed]
    }

    private static func needsSealing(_ value: JSONValue?) -> Bool {
        switch value {
        case .string(let text): return !SealedValue.isSealed(text)
        case .object(let members): return SealedColumns.jsonMembers.contains { name in
            if case .string(let text)? = members[name] { return !SealedValue.isSealed(text) }
            return false
        }
        default: return false
        }
    }

    /// Whose key seals what `change` writes.
    private func sealingOwner(
        of change: Change, keyedBy: SealedColumns.KeyedBy, keyring: TeamKeyring, in db: Database
    ) throws -> SealedValue.Owner {
        let fields: [String: JSONValue]
        if case .object(let object) = change.value, change.field == Op.wholeRecord { fields = object } else { fields = [:] }
        func named(_ column: String, in table: String, id: String) throws -> String? {
            if table == change.entity.table, id == change.entityID, case .string(let value)? = fields[column] { return value }
            return try String.fetchOne(
                db.cachedStatement(
                    sql: "SELECT \(column.quotedDatabaseIdentifier) FROM main.\(table.quotedDatabaseIdentifier) WHERE id = ?"),
                arguments: [id])
        }
        let table = change.entity.table, id = change.entityID
        let resident: String?
        switch keyedBy {
        case .team:
            return .team(generation: keyring.currentGeneration)
        case .itself:
            resident = id
        case .residentOfRecord:
            resident = try named("resident_id", in: table, id: id)
        case .residentOfCase:
            resident = try named("case_id", in: table, id: id).flatMap { try named("resident_id", in: "case_file", id: $0) }
        case .residentOfReferral:
            resident = try named("referral_id", in: table, id: id)
                .flatMap { try named("case_id", in: "referral", id: $0) }
                .flatMap { try named("resident_id", in: "case_file", id: $0) }
        }
        guard let resident else { throw StoreError.invalidChange("there is no \(change.entity) \(id) to write to") }
        return .resident(resident)
    }
}
