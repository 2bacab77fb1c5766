import Foundation
import PlaceDomain
import XCTest

/// What a frontline worker reads when the rules say no.
final class RefusalMessageTests: XCTestCase {
    func testRefusalsNameTheRecordsAndSayWhatToDo() {
        XCTAssertEqual(
            CaseRuleViolation.referralInFlight("ref-7").description,
            "Referral ref-7 is still with the service: wait for its answer or withdraw it first.")
        XCTAssertEqual(
            CaseRuleViolation.needStillOpen("need-3").description,
            "Need need-3 is not yet met or closed: route it, or close it with a reason, before closing the case.")
        XCTAssertEqual(
            CaseRuleViolation.consentMissing(agency: "agency-homes").description,
            "No consent is recorded for sharing this case with agency-homes: "
                + "record consent, or give a reason to override.")
        XCTAssertEqual(
            CaseRuleViolation.reasonMissing(.declining("ref-7")).description,
            "Give a reason for declining referral ref-7.")
        XCTAssertEqual(
            CaseRuleViolation.referralCannotMove("ref-7", from: .sent, to: .completed).description,
            "Referral ref-7 is sent, so it cannot be completed until it is accepted.")
        XCTAssertEqual(
            CaseRuleViolation.roleMayNotTakeNeeds(member: "member-eve", role: .analyst).description,
            "member-eve is an analyst; only frontline workers and leads can open a case or add a need.")
        XCTAssertEqual(
            CaseRuleViolation.timeInFuture(Date(timeIntervalSince1970: 1_790_000_000)).description,
            "The time 2026-09-21T14:13:20Z is in the future; enter when it actually happened.")
    }

    func testEveryRefusalIsOneSentenceNamingWhatItIsAbout() {
        let all: [(CaseRuleViolation, [String])] = [
            (.roleMayNotTakeNeeds(member: "m-1", role: .admin), ["m-1"]),
            (.roleMayNotLead(member: "m-1", role: .analyst), ["m-1"]),
            (.notLeadOrLeadServingPlace(member: "m-1", case: "c-1"), ["m-1", "c-1"]),
            (.notWorkingOnCase(member: "m-1", case: "c-1"), ["m-1", "c-1"]),
            (.notReceivingAgency(member: "m-1", referral: "r-1", agency: "a-1"), ["m-1", "r-1", "a-1"]),
            (.agencyAnswersForItself(agency: "a-1", referral: "r-1"), ["a-1", "r-1"]),
            (.caseNeedsANeed, []),
            (.caseClosed("c-1"), ["c-1"]),
            (.alreadyLead(member: "m-1", case: "c-1"), ["m-1", "c-1"]),
            (.idInUse("x-1"), ["x-1"]),
            (.unknownNeed("n-1"), ["n-1"]),
            (.unknownReferral("r-1"), ["r-1"]),
            (.needStillOpen("n-1"), ["n-1"]),
            (.needEnded("n-1", .met), ["n-1", "met"]),
            (.referralInFlight("r-1"), ["r-1"]),
            (.referralCannotMove("r-1", from: .declined, to: .accepted), ["r-1", "declined", "accepted"]),
            (.answerBeforeReferralSent("r-1"), ["r-1"]),
            (.consentMissing(agency: "a-1"), ["a-1"]),
            (.consentAlreadyRecorded(agency: "a-1"), ["a-1"]),
            (.serviceDoesNotMeetNeed(service: "s-1", need: "n-1", category: "food"), ["s-1", "n-1", "food"]),
            (.serviceNotActive("s-1", .temporarilyClosed), ["s-1", "temporarily closed"]),
            (.serviceNotTakingReferrals("s-1"), ["s-1"]),
            (.serviceDoesNotCoverPlace(service: "s-1", place: "p-1"), ["s-1", "p-1"]),
            (.wrongService(referral: "r-1", service: "s-1"), ["r-1", "s-1"]),
            (.reasonMissing(.closingCase("c-1")), ["c-1"]),
            (.reasonTooLong(.overridingConsent("n-1", agency: "a-1"), limit: 2_000), ["n-1", "a-1", "2000"]),
            (.dataSharingAgreementTooLong(agency: "a-1", limit: 2_000), ["a-1", "2000"]),
            (.nameMissing(.given), ["given"]),
            (.nameTooLong(.family, limit: 200), ["family", "200"]),
            (.searchTooLong(limit: 100), ["search", "100"]),
            (.timeInFuture(Date(timeIntervalSince1970: 0)), ["1970-01-01"]),
        ]
        for (violation, names) in all {
            let text = violation.description
            XCTAssertTrue(text.hasSuffix("."), text)
            XCTAssertEqual(text.filter { $0 == "." }.count, 1, "one sentence: \(text)")
            for name in names { XCTAssertTrue(text.contains(name), "\(text) should name \(name)") }
        }
    }

    func testTextQuotedInARefusalIsOneShortLine() {
        XCTAssertEqual("Ann\u{1B}[31mRed\nline".shownInRefusal, "Ann [31mRed line")
        let long = String(repeating: "A", count: 100_000).shownInRefusal
        XCTAssertEqual(long.count, 64)
        XCTAssertTrue(long.hasSuffix("…"))
        let message = ("a path /tmp/" + String(repeating: "x", count: 150) + " then " + String(repeating: "y", count: 1_000)).oneLine()
        XCTAssertTrue(message.contains(String(repeating: "x", count: 150)), "a word of up to 160 characters is kept")
        XCTAssertFalse(message.contains(String(repeating: "y", count: 160)), "a longer one is cut")
        XCTAssertLessThanOrEqual(String(repeating: "word ", count: 500).oneLine().count, 500)
    }
}

