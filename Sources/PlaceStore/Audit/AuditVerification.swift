import Crypto
import Foundation
import GRDB
import PlaceDomain

/// Something wrong with the audit trail: an entry edited, removed,
/// reordered, inserted, or not signed as it should be.
public struct AuditProblem: Hashable, Sendable, CustomStringConvertible {
    public var deviceID: DeviceID
    public var seq: Int?
    public var problem: String

    public var description: String { "\(deviceID)" + (seq.map { " entry \($0)" } ?? "") + ": \(problem)" }
}

/// What `audit verify` found: each device's chain and every problem.
public struct AuditReport: Sendable {
    public struct Chain: Sendable {
        public var deviceID: DeviceID
        public var entries: Int
        public var signed: Int
    }
    public var chains: [Chain]
    public var problems: [AuditProblem]
    public var isIntact: Bool { problems.isEmpty }
}

extension PlaceStore {
    /// Checks every device's chain as the op log holds it (entry numbers
    /// without gaps or repeats, each entry's hash, the link to the entry
    /// before, the device's signature from its first signed entry on), and
    /// that the audit table shows exactly those entries.
    public func verifyAudit() throws -> AuditReport {
        try writer.read { db in
            var problems: [AuditProblem] = []
            var logged: [String: AuditEntry] = [:]
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .custom { NamedKey(ColumnNaming.property(forColumn: $0.last!.stringValue)) }
            decoder.dateDecodingStrategy = .iso8601
            for op in try Op.fetchAll(db, sql: "SELECT * FROM op WHERE entity = ? ORDER BY hlc, id",
                                      arguments: [EntityKind.auditEntry.name]) {
                guard op.field == Op.wholeRecord,
                    let entry = try? decoder.decode(AuditEntry.self, from: Data(op.value.utf8)), entry.id == op.entityID,
                    entry.deviceID == op.deviceID
                else {
                    problems.append(AuditProblem(deviceID: op.deviceID, seq: nil,
                                                 problem: "op \(op.id) alters or forges audit entry \(op.entityID)"))
                    continue
                }
                logged[entry.id] = entry
            }
            let shown = Dictionary(try AuditEntry.fetchAll(db, sql: "SELECT * FROM audit_entry").map { ($0.id, $0) },
                                   uniquingKeysWith: { first, _ in first })
            for (id, entry) in logged where shown[id] != entry {
                problems.append(AuditProblem(
                    deviceID: entry.deviceID, seq: entry.seq,
                    problem: shown[id] == nil ? "removed from the audit table" : "edited in the audit table"))
            }
            for (id, entry) in shown where logged[id] == nil {
                problems.append(AuditProblem(deviceID: entry.deviceID, seq: entry.seq,
                                             problem: "in the audit table but not in the op log (inserted)"))
            }
            var chains: [AuditReport.Chain] = []
            for (device, entries) in Dictionary(grouping: logged.values, by: \.deviceID).sorted(by: { $0.key < $1.key }) {
                let key = try String.fetchOne(db, sql: "SELECT public_key FROM device WHERE id = ?", arguments: [device.rawValue])
                    .flatMap { Data(base64Encoded: $0) }.flatMap { try? Curve25519.Signing.PublicKey(rawRepresentation: $0) }
                problems += Self.check(chain: entries.sorted { ($0.seq, $0.id) < ($1.seq, $1.id) }, of: device, key: key)
                chains.append(.init(deviceID: device, entries: entries.count, signed: entries.filter { $0.signature != nil }.count))
            }
            return AuditReport(chains: chains, problems: problems.sorted { ($0.deviceID, $0.seq ?? 0) < ($1.deviceID, $1.seq ?? 0) })
        }
    }

    private static func check(chain: [AuditEntry], of device: DeviceID, key: Curve25519.Signing.PublicKey?) -> [AuditProblem] {
        var problems: [AuditProblem] = []
        var previous = AuditEntry.genesis
        var signing = false
        for (index, entry) in chain.enumerated() {
            func report(_ problem: String) { problems.append(AuditProblem(deviceID: device, seq: entry.seq, problem: problem)) }
            if entry.seq != index + 1 {
                report(entry.seq > index + 1 ? "entries before it are missing (removed)" : "numbered twice or out of order")
            }
            if entry.hash != entry.computedHash { report("its contents do not match its hash (edited)") }
            if entry.prevHash != previous { report("it does not follow the entry before it (removed, inserted or reordered)") }
            if let signature = entry.signature {
                signing = true
                if let key {
                    if !Secrets.verify(signature: signature, of: entry.hash, with: key) {
                        report("its signature does not verify")
                    }
                } else {
                    report("signed by a device that is not enrolled")
                }
            } else if signing {
                report("unsigned, after the device began signing")
            }
            previous = entry.hash
        }
        return problems
    }
}
