extension CaseRuleViolation {
    /// A stable, machine-readable name for the refusal (the CLI's `error`
    /// field; the closed list is in docs/cli.md).
    public var code: String {
        switch self {
        case .roleMayNotTakeNeeds, .roleMayNotLead, .notLeadOrLeadServingPlace, .notWorkingOnCase,
            .notReceivingAgency, .agencyAnswersForItself, .mayNotAddNote, .mayNotMergeResidents:
            return "not-permitted"
        case .caseNeedsANeed: return "need-required"
        case .caseClosed: return "case-closed"
        case .alreadyLead: return "already-lead"
        case .idInUse: return "id-in-use"
        case .unknownNeed, .unknownReferral: return "not-on-case"
        case .needStillOpen: return "need-still-open"
        case .needEnded: return "need-ended"
        case .referralInFlight: return "referral-in-flight"
        case .referralCannotMove, .referralNotWithService: return "invalid-transition"
        case .answerBeforeReferralSent, .timeInFuture: return "invalid-time"
        case .consentMissing: return "consent-missing"
        case .consentAlreadyRecorded: return "consent-already-recorded"
        case .serviceDoesNotMeetNeed, .serviceNotActive, .serviceNotTakingReferrals, .serviceDoesNotCoverPlace,
            .wrongService:
            return "service-unsuitable"
        case .reasonMissing, .reasonTooLong, .dataSharingAgreementTooLong, .dataSharingAgreementMissing,
            .overrideOnConsent, .nameMissing, .nameTooLong, .searchTooLong, .noteMissing,
            .noteTooLong, .mergeWithItself, .alreadyMerged, .invalidDateOfBirth, .invalidPostcode:
            return "invalid-input"
        }
    }
}
