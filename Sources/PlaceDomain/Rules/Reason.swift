import Foundation

/// Free-text reasons a member gives (for declining, withdrawing, closing,
/// overriding consent): trimmed, never blank, never longer than a page.
public enum Reason {
    /// The longest reason kept, in characters.
    public static let maximumLength = 2_000

    /// The trimmed reason, or a violation naming what it was for.
    public static func validate(_ text: String?, for purpose: ReasonPurpose) throws -> String {
        let trimmed = (text ?? "").trimmingWhitespace
        guard !trimmed.isEmpty else { throw CaseRuleViolation.reasonMissing(purpose) }
        guard trimmed.count <= maximumLength else {
            throw CaseRuleViolation.reasonTooLong(purpose, limit: maximumLength)
        }
        return trimmed
    }

    /// A reason that may be left out: nil when blank, else validated.
    static func validateOptional(_ text: String?, for purpose: ReasonPurpose) throws -> String? {
        guard let text, !text.trimmingWhitespace.isEmpty else { return nil }
        return try validate(text, for: purpose)
    }
}

/// What a reason is being given for, so a refusal can say which one.
public enum ReasonPurpose: Hashable, Sendable {
    case declining(ReferralID)
    case withdrawing(ReferralID)
    case unsuccessfulOutcome(ReferralID)
    case completing(ReferralID)
    case closingNeed(NeedID)
    case closingCase(CaseID)
    case overridingConsent(NeedID, agency: AgencyID)
}

extension String {
    var trimmingWhitespace: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
