import Crypto
import Foundation
import PlaceDomain

/// One line of the audit trail: who did what, when, on which device, to
/// which case. Each device keeps its own chain: an entry holds the hash of
/// the device's entry before it, and is signed with the device's key once
/// the device is in a team. Entries are ops, so the chains sync.
public struct AuditEntry: Codable, Hashable, Sendable {
    /// What was done.
    public enum Action: String, Codable, Sendable {
        /// Opened a case's personal details.
        case view
        /// Changed records (the detail names them).
        case change
        /// Wrote data out of Thistle (a report, a bundle, a subject access export).
        case export
    }

    public var id: String
    public var deviceID: DeviceID
    /// 1, 2, 3… on each device.
    public var seq: Int
    public var at: Date
    public var memberID: MemberID?
    public var action: Action
    public var caseID: CaseID?
    public var detail: String
    /// The hash of this device's entry before (`genesis` for the first).
    public var prevHash: String
    public var hash: String
    /// Ed25519 over `hash`, by the device's signing key; nil before the device was in a team.
    public var signature: String?

    static let genesis = "genesis"

    /// The text the hash is taken of: every field but the hash and signature.
    var canonical: String {
        [deviceID.rawValue, String(seq), ISOTime.string(at), memberID?.rawValue ?? "", action.rawValue,
         caseID?.rawValue ?? "", detail, prevHash].joined(separator: "\u{1F}")
    }

    var computedHash: String {
        SHA256.hash(data: Data(canonical.utf8)).hexDigits
    }
}
