import Foundation

public typealias ConsentID = Identifier<Consent>

/// The lawful basis on which a resident's case may be shared with an agency.
public struct Consent: Hashable, Codable, Sendable, Identifiable {
    public var id: ConsentID
    public var caseID: CaseID
    public var agencyID: AgencyID
    public var basis: ConsentBasis
    /// The data sharing agreement relied on, if any (its name or reference).
    public var dataSharingAgreement: String?
    public var recordedByID: MemberID
    public var recordedAt: Date
    public var withdrawnAt: Date?
    public var withdrawnByID: MemberID?

    public init(
        id: ConsentID, caseID: CaseID, agencyID: AgencyID, basis: ConsentBasis, dataSharingAgreement: String? = nil,
        recordedByID: MemberID, recordedAt: Date, withdrawnAt: Date? = nil, withdrawnByID: MemberID? = nil
    ) {
        self.id = id
        self.caseID = caseID
        self.agencyID = agencyID
        self.basis = basis
        self.dataSharingAgreement = dataSharingAgreement
        self.recordedByID = recordedByID
        self.recordedAt = recordedAt
        self.withdrawnAt = withdrawnAt
        self.withdrawnByID = withdrawnByID
    }

    /// Recorded and not withdrawn.
    public var isActive: Bool { withdrawnAt == nil }
}

/// UK GDPR lawful bases a place team shares on.
public enum ConsentBasis: String, Codable, Sendable, CaseIterable {
    case consent
    case publicTask = "public-task"
    case legalObligation = "legal-obligation"
    case vitalInterests = "vital-interests"
}

/// A referral sent without recorded consent for the receiving agency:
/// who decided that, when, why, on what lawful basis and under which
/// data-sharing agreement.
public struct ConsentOverride: Hashable, Codable, Sendable {
    public var referralID: ReferralID
    public var agencyID: AgencyID
    public var reason: String
    /// Nil only on overrides recorded before they were required (schema v9).
    public var basis: ConsentBasis?
    /// Nil only on overrides recorded before they were required (schema v9).
    public var dataSharingAgreement: String?
    public var byID: MemberID
    public var at: Date

    public init(referralID: ReferralID, agencyID: AgencyID, reason: String, basis: ConsentBasis, dataSharingAgreement: String,
                byID: MemberID, at: Date) {
        self.referralID = referralID
        self.agencyID = agencyID
        self.reason = reason
        self.basis = basis
        self.dataSharingAgreement = dataSharingAgreement
        self.byID = byID
        self.at = at
    }
}

/// The data-sharing agreement a consent or override records: the one named,
/// else the one standing for the case's place; blank is none.
enum DataSharingAgreement {
    static func validate(_ named: String?, standing: String?, agency: AgencyID) throws -> String {
        let agreement = [named, standing].lazy.compactMap { $0?.trimmingWhitespace }.first { !$0.isEmpty }
        guard let agreement else { throw CaseRuleViolation.dataSharingAgreementMissing(agency: agency) }
        guard agreement.count <= Reason.maximumLength else {
            throw CaseRuleViolation.dataSharingAgreementTooLong(agency: agency, limit: Reason.maximumLength)
        }
        return agreement
    }
}
