import GRDB

/// The kinds of record the op log can write, each materialised into one
/// table. Ops name an entity and a field; only the fields listed here can
/// be written, which keeps ops from other devices out of SQL they must not
/// reach.
public struct EntityKind: Hashable, Sendable, CustomStringConvertible {
    /// The name used in ops (stable across schema changes and devices).
    public let name: String
    /// The table its current state lives in.
    public let table: String
    /// Writable columns, `id` first.
    public let columns: [String]

    public var description: String { name }

    /// The table itself, named in the main schema: what writes name, since
    /// the same name unqualified reads through the connection's reveal view
    /// (`RevealViews`).
    var mainTable: String { "main." + table.quotedDatabaseIdentifier }

    public static let place = EntityKind(
        name: "place", table: "place", columns: ["id", "name", "kind", "parent_id", "population", "retention_years", "data_sharing_agreement", "code"])
    public static let agency = EntityKind(
        name: "agency", table: "agency", columns: ["id", "name", "kind", "description", "website"])
    public static let member = EntityKind(
        name: "member", table: "member", columns: ["id", "name", "agency_id", "role", "place_ids", "disabled_at", "disabled_by_id"])
    public static let needCategory = EntityKind(
        name: "need_category", table: "need_category", columns: ["id", "name", "description"])
    public static let location = EntityKind(
        name: "location", table: "location",
        columns: ["id", "agency_id", "name", "address", "postcode", "place_id"])
    public static let service = EntityKind(
        name: "service", table: "service",
        columns: [
            "id", "name", "agency_id", "description", "status", "needs", "place_ids", "location_ids",
            "accepts_referrals", "typical_wait_days", "email", "phone",
        ])
    public static let resident = EntityKind(
        name: "resident", table: "resident",
        columns: ["id", "given_name", "family_name", "date_of_birth", "postcode", "place_id", "merged_into_id"])
    public static let `case` = EntityKind(
        name: "case", table: "case_file",
        columns: [
            "id", "resident_id", "place_id", "door_agency_id", "door_member_id", "lead_id", "status",
            "opened_at", "closed_at", "closed_by_id", "closed_reason", "summary",
        ])
    public static let need = EntityKind(
        name: "need", table: "need",
        columns: [
            "id", "case_id", "category", "urgency", "state", "returned", "created_at", "closed_at",
            "closed_by_id", "closed_reason",
        ])
    public static let referral = EntityKind(
        name: "referral", table: "referral",
        columns: [
            "id", "need_id", "case_id", "service_id", "state", "sent_at", "sent_by_id", "responded_at",
            "responded_by_id", "reason", "suggested_service_id", "outcome",
        ])

    public static let consent = EntityKind(
        name: "consent", table: "consent",
        columns: [
            "id", "case_id", "agency_id", "basis", "data_sharing_agreement", "recorded_by_id", "recorded_at",
            "withdrawn_at", "withdrawn_by_id",
        ])
    /// Keyed by the referral it let through (one override per referral).
    public static let consentOverride = EntityKind(
        name: "consent_override", table: "consent_override",
        columns: ["id", "referral_id", "agency_id", "reason", "basis", "data_sharing_agreement", "by_id", "at"])
    public static let leadChange = EntityKind(
        name: "lead_change", table: "lead_change", columns: ["id", "case_id", "from_id", "to_id", "by_id", "at"])
    /// The case timeline: append-only, one row per `CaseEvent`.
    public static let caseEvent = EntityKind(
        name: "case_event", table: "case_event", columns: ["id", "case_id", "kind", "subject_id", "detail", "by_id", "at"])
    /// Practitioners' notes on a case: append-only text.
    public static let note = EntityKind(name: "note", table: "note", columns: ["id", "case_id", "text", "by_id", "at"])
    public static let triageTarget = EntityKind(
        name: "triage_target", table: "triage_target", columns: ["id", "place_id", "urgency", "hours"])


    // The place plan and evidence base (schema v3).
    public static let outcome = EntityKind(name: "outcome", table: "outcome", columns: ["id", "name", "description"])
    public static let indicator = EntityKind(
        name: "indicator", table: "indicator",
        columns: ["id", "name", "unit", "polarity", "source", "kind", "per", "target"])
    /// Keyed "indicator|place|period": one value per indicator, place and period.
    public static let indicatorValue = EntityKind(
        name: "indicator_value", table: "indicator_value",
        columns: ["id", "indicator_id", "place_id", "period", "value", "numerator", "denominator"])
    /// Keyed by its place: one scorecard per place.
    public static let scorecard = EntityKind(
        name: "scorecard", table: "scorecard", columns: ["id", "place_id", "indicator_ids"])
    public static let plan = EntityKind(name: "plan", table: "plan", columns: ["id", "place_id", "period", "vision"])
    public static let priority = EntityKind(
        name: "priority", table: "priority",
        columns: [
            "id", "plan_id", "title", "description", "lead_agency_id", "partner_agency_ids", "outcome_keys",
            "indicator_ids", "rag", "rag_reason", "rag_date",
        ])
    public static let planAction = EntityKind(
        name: "plan_action", table: "plan_action", columns: ["id", "priority_id", "title", "owner_id", "due", "status"])
    public static let placeStandard = EntityKind(
        name: "place_standard", table: "place_standard",
        columns: ["id", "place_id", "date", "respondent_group", "respondents", "tool_version", "scores"])
    public static let evidence = EntityKind(
        name: "evidence", table: "evidence",
        columns: ["id", "kind", "place_id", "source", "date", "text", "themes", "needs", "by_id"])
    public static let fundingStream = EntityKind(
        name: "funding_stream", table: "funding_stream",
        columns: ["id", "place_id", "name", "amount", "conditions", "end_date"])
    public static let allocation = EntityKind(
        name: "allocation", table: "allocation",
        columns: ["id", "stream_id", "priority_id", "action_id", "amount", "by_id", "at"])
    public static let learning = EntityKind(
        name: "learning", table: "learning", columns: ["id", "place_id", "kind", "title", "text", "date", "by_id"])

    /// A device enrolled in the team, with the public key its bundles are signed with (schema v4).
    public static let device = EntityKind(
        name: "device", table: "device",
        columns: ["id", "name", "public_key", "enrolled_at", "enrolled_by_id", "revoked_at", "revoked_by_id"])

    /// A member's passphrase-sealed key pair (schema v5); append-only, the newest counts.
    public static let memberKey = EntityKind(
        name: "member_key", table: "member_key",
        columns: ["id", "member_id", "salt", "rounds", "public_key", "sealed_private_key", "set_at", "set_by_id"])
    /// One generation of the team key sealed to a member's public key (schema v5).
    public static let keyGrant = EntityKind(
        name: "key_grant", table: "key_grant",
        columns: ["id", "member_id", "generation", "public_key", "encapsulated_key", "sealed_key", "by_id", "at"])

    /// One line of a device's audit chain (schema v6); append-only.
    public static let auditEntry = EntityKind(
        name: "audit_entry", table: "audit_entry",
        columns: ["id", "device_id", "seq", "at", "member_id", "action", "case_id", "detail", "prev_hash", "hash", "signature"])

    /// A resident's own key, wrapped under the team key (schema v9). Its op
    /// is the one the log may lose: an erasure deletes it.
    public static let sealingKey = EntityKind(name: "sealing_key", table: "sealing_key", columns: ["id", "wrapped"])
    /// A resident's erasure: their key is destroyed everywhere (schema v9).
    public static let erasure = EntityKind(name: "erasure", table: "erasure", columns: ["id", "reason", "by_id", "at"])

    /// Every kind, parents before children (the order a rebuild clears them in reverse).
    public static let all: [EntityKind] = [
        .place, .agency, .member, .needCategory, .location, .service, .resident, .case, .need, .referral,
        .consent, .consentOverride, .leadChange, .caseEvent, .note, .triageTarget,
        .outcome, .indicator, .indicatorValue, .scorecard, .plan, .priority, .planAction, .placeStandard, .evidence,
        .fundingStream, .allocation, .learning, .device, .memberKey, .keyGrant, .auditEntry, .sealingKey, .erasure,
    ]

    private static let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// Looks a kind up by its op name.
    public static func named(_ name: String) -> EntityKind? { byName[name] }
}
