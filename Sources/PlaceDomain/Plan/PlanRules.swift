import Foundation

/// Who may change a place's plan and evidence, and what counts as a valid
/// title, date or score. The CLI and the screens both go through these.
public enum PlanRules {
    /// Leads and admins serving the place edit its plan and allocate from its pot.
    public static func requirePlanner(_ actor: ActingMember, at place: PlaceID) throws(PlanRuleViolation) {
        guard [.lead, .admin].contains(actor.member.role), actor.serves(place) else {
            throw .notPlanner(member: actor.id, role: actor.member.role, place: place)
        }
    }

    /// Analysts, leads and admins serving the place keep its evidence base.
    public static func requireEvidenceKeeper(_ actor: ActingMember, at place: PlaceID) throws(PlanRuleViolation) {
        guard [.analyst, .lead, .admin].contains(actor.member.role), actor.serves(place) else {
            throw .notEvidenceKeeper(member: actor.id, role: actor.member.role, place: place)
        }
    }

    /// Anyone serving the place may add to its learning log and community voice.
    public static func requireServing(_ actor: ActingMember, _ place: PlaceID) throws(PlanRuleViolation) {
        guard actor.serves(place) else { throw .notServing(member: actor.id, place: place) }
    }

    /// Trimmed text, never blank, at most `limit` characters.
    public static func text(_ value: String?, _ field: String, limit: Int = 2_000) throws(PlanRuleViolation) -> String {
        let trimmed = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .textMissing(field) }
        guard trimmed.count <= limit else { throw .textTooLong(field, limit: limit) }
        return trimmed
    }

    /// A name or a title: `text`, on one line (runs of spaces, tabs and new
    /// lines become one space).
    public static func line(_ value: String?, _ field: String, limit: Int = 200) throws(PlanRuleViolation) -> String {
        try text((value ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " "), field, limit: limit)
    }

    /// A calendar date, YYYY-MM-DD.
    public static func date(_ value: String, _ field: String) throws(PlanRuleViolation) -> String {
        guard DateOfBirth.isCalendarDate(value) else { throw .notADate(field, value) }
        return value
    }

    /// A day no later than `now` (for things that happened).
    public static func pastDate(_ value: String, _ field: String, now: Date) throws(PlanRuleViolation) -> String {
        let day = try date(value, field)
        guard day <= now.formatted(Date.ISO8601FormatStyle().year().month().day()) else { throw .dateInFuture(field, day) }
        return day
    }

    /// Today as the plan records it.
    public static func today(_ now: Date) -> String {
        now.formatted(Date.ISO8601FormatStyle().year().month().day())
    }
}

/// Why a change to a plan or the evidence base was refused.
public enum PlanRuleViolation: Error, Equatable, Sendable, CustomStringConvertible {
    case notPlanner(member: MemberID, role: Role, place: PlaceID)
    case notEvidenceKeeper(member: MemberID, role: Role, place: PlaceID)
    case notServing(member: MemberID, place: PlaceID)
    case textMissing(String)
    case textTooLong(String, limit: Int)
    case notADate(String, String)
    case dateInFuture(String, String)
    case valueDoesNotFit(IndicatorID, Indicator.Kind)
    case notAPeriod(String)
    case assessment(String)

    public var description: String {
        switch self {
        case .notPlanner(let member, let role, let place):
            return "\(member) is \(role.withArticle); only leads and admins serving \(place) change its plan or pot."
        case .notEvidenceKeeper(let member, let role, let place):
            return "\(member) is \(role.withArticle); only analysts, leads and admins serving \(place) keep its evidence."
        case .notServing(let member, let place):
            return "\(member) does not serve \(place)."
        case .textMissing(let field):
            return "Give \(field); it cannot be blank."
        case .textTooLong(let field, let limit):
            return "Keep \(field) to \(limit) characters."
        case .notADate(let field, let text):
            return "\(field) \"\(text.shownInRefusal)\" is not a date: write YYYY-MM-DD."
        case .dateInFuture(let field, let text):
            return "\(field) \(text) is in the future."
        case .valueDoesNotFit(let indicator, let kind):
            return kind == .rate
                ? "\(indicator) is a rate: give --numerator and a --denominator above zero, and no --value."
                : "\(indicator) is a \(kind.rawValue): give --value only, zero or more."
        case .notAPeriod(let text):
            return "\"\(text.shownInRefusal)\" is not a quarter such as 2026-Q3."
        case .assessment(let problem):
            return problem
        }
    }

    /// The CLI's error code (docs/cli.md).
    public var code: String {
        switch self {
        case .notPlanner, .notEvidenceKeeper, .notServing: return "not-permitted"
        default: return "invalid-input"
        }
    }
}
