import Crypto
import Foundation
import PlaceStore

/// One op as the hub keeps it. The hub sees only what it needs to order
/// and deduplicate: the team, a sequence number, the op's id, device and
/// HLC time, and who pushed it. The op itself (record, field, value,
/// author) is sealed with the team key, so the hub never holds personal
/// data in the clear; the pushing device signs the row, so a row no
/// enrolled device wrote is refused.
struct HubRow: Sendable {
    var seq: Int64
    var opID: String
    var deviceID: String
    var hlc: String
    var pushedBy: String
    var sealed: Data
    var signature: Data

    /// The authenticated data of the seal and what the signature covers:
    /// the row's clear columns, so the hub cannot move a sealed op to another row.
    static func header(team: String, opID: String, deviceID: String, hlc: String) -> Data {
        Data("thistle-hub-op\n\(team)\n\(opID)\n\(deviceID)\n\(hlc)\n".utf8)
    }
}

extension TeamMembership {
    /// Seals and signs ops for the hub.
    func hubRows(_ ops: [Op], pushedBy device: String) throws -> [HubRow] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try ops.map { op in
            let header = HubRow.header(team: teamID, opID: op.id, deviceID: op.deviceID.rawValue, hlc: op.hlc)
            guard let sealed = try AES.GCM.seal(try encoder.encode(op), using: transportKey(for: op), authenticating: header).combined
            else {
                throw SyncError.unreadable("sealing failed")
            }
            return HubRow(seq: 0, opID: op.id, deviceID: op.deviceID.rawValue, hlc: op.hlc, pushedBy: device, sealed: sealed,
                          signature: try signingKey.signature(for: header + sealed))
        }
    }

    /// Opens hub rows in order, checking each one's signature against the
    /// devices enrolled here or enrolled by an earlier row. A row that does
    /// not open or verify stops the pull there: `hubRowRefused`.
    ///
    /// Rows pushed by a revoked device are passed over. A row sealed under a
    /// newer team key than this sign-in holds ends the page early
    /// (`keyChanged`) when the rows before it, or this store, grant that
    /// newer key: the caller applies what was read and asks for a new sign-in.
    func openHubRows(_ rows: [HubRow], enrolled: inout [String: Curve25519.Signing.PublicKey], revoked: Set<String>,
                     newestGranted: Int) throws -> (ops: [Op], readUpTo: Int64?, keyChanged: Bool) {
        let decoder = JSONDecoder()
        var ops: [Op] = []
        var readUpTo: Int64?
        var granted = newestGranted
        for row in rows {
            if revoked.contains(row.pushedBy) {
                readUpTo = row.seq
                continue
            }
            let header = HubRow.header(team: teamID, opID: row.opID, deviceID: row.deviceID, hlc: row.hlc)
            guard let key = enrolled[row.pushedBy] else {
                throw SyncError.hubRowRefused(seq: row.seq, why: "it was pushed by \(row.pushedBy), which is not enrolled in this team")
            }
            guard key.isValidSignature(row.signature, for: header + row.sealed) else {
                throw SyncError.hubRowRefused(seq: row.seq, why: "its signature from \(row.pushedBy) does not verify")
            }
            guard let box = try? AES.GCM.SealedBox(combined: row.sealed) else {
                throw SyncError.hubRowRefused(seq: row.seq, why: "it does not open with this team's key")
            }
            guard let plain = keyring.open(box, authenticating: header) else {
                if granted > keyring.currentGeneration { return (ops, readUpTo, true) }
                throw SyncError.hubRowRefused(seq: row.seq, why: "it does not open with this team's key")
            }
            guard let op = try? decoder.decode(Op.self, from: plain),
                op.id == row.opID, op.deviceID.rawValue == row.deviceID, op.hlc == row.hlc
            else { throw SyncError.hubRowRefused(seq: row.seq, why: "it does not open with this team's key") }
            if let (device, key) = Self.enrolment(in: op) { enrolled[device] = key }
            granted = max(granted, try Self.grantedGeneration(in: op))
            ops.append(op)
            readUpTo = row.seq
        }
        return (ops, readUpTo, false)
    }

    /// The device and public key an enrolment op enrols, if `op` is one.
    static func enrolment(in op: Op) -> (String, Curve25519.Signing.PublicKey)? {
        struct Enrolment: Decodable {
            let id: String
            let public_key: String
        }
        guard op.entity == EntityKind.device.name, op.field == Op.wholeRecord,
            let enrolment = try? JSONDecoder().decode(Enrolment.self, from: Data(op.value.utf8)),
            let raw = Data(base64Encoded: enrolment.public_key),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
        else { return nil }
        return (enrolment.id, key)
    }
}
