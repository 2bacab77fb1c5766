import Foundation
import PlaceDomain
@testable import PlaceStore
import TestSupport
import XCTest

/// What the no-wrong-door rules decide is written through the op log and
/// read back unchanged.
final class CaseFileStoreTests: XCTestCase {
    var store: PlaceStore!
    var tree: PlaceTree!
    var ann: ActingMember!
    var ben: ActingMember!
    let now = Fixtures.start.addingTimeInterval(3_600)

    override func setUpWithError() throws {
        store = try Fixtures.smallPlace()
        tree = try store.placeTree()
        ann = ActingMember(member: try XCTUnwrap(store.member("member-ann")), tree: tree)
        ben = ActingMember(member: try XCTUnwrap(store.member("member-ben")), tree: tree)
    }

    /// Applies a rule to the stored file, saves it, and returns what was read back.
    @discardableResult
    func step(_ id: CaseID, by author: ActingMember, _ rule: (CaseFile) throws -> CaseUpdate) throws -> CaseFile {
        let original = try XCTUnwrap(store.caseFile(id))
        let update = try rule(original)
        try store.save(update, replacing: original, by: author.id)
        let stored = try XCTUnwrap(store.caseFile(id))
        XCTAssertEqual(stored, update.file, "the stored case file is what the rule decided")
        return stored
    }

    func testAnOpenedCaseIsStoredWithItsNeedsAndTimeline() throws {
        let update = try CaseFile.open(
            id: "case-2", residentID: "res-1", placeID: "place-alpha",
            needs: [NewNeed(id: "need-2a", category: "food", urgency: .urgent),
                    NewNeed(id: "need-2b", category: "money-debt", urgency: .routine)],
            summary: "Synthetic.", by: ann, now: now)
        let before = try store.logCounts().ops
        try store.save(update, replacing: nil, by: ann.id)
        XCTAssertEqual(try store.caseFile("case-2"), update.file)
        XCTAssertEqual(try store.caseEvents("case-2").map(\.kind).first, "case-opened")
        XCTAssertEqual(try store.logCounts().ops, before + 1 + 2 + update.events.count + 1, "and its audit entry")
    }

    func testADeclinedReferralReturnsTheNeedAndEveryStepSurvivesARebuild() throws {
        // Ann has no consent for the advice agency, so she overrides with a reason.
        let debt = try XCTUnwrap(store.service("service-debt"))
        try step("case-1", by: ann) {
            try $0.refer(id: "ref-1", needID: "need-1", to: try XCTUnwrap(self.store.service("service-food")),
                         servicePlacesCover: true, consentOverride: ConsentOverrideRequest(
                            reason: "Resident asked for help today; consent by phone later", basis: .vitalInterests,
                            dataSharingAgreement: "TESTSHIRE-DSA-1", standingAgreement: nil),
                         by: self.ann, now: self.now)
        }
        let declined = try step("case-1", by: ben) {
            try $0.decline("ref-1", service: try XCTUnwrap(self.store.service("service-food")),
                           reason: "No parcels left this week", suggested: debt.id, by: self.ben,
                           now: self.now.addingTimeInterval(60))
        }
        XCTAssertEqual(declined.needs.first?.state, .open)
        XCTAssertEqual(declined.needs.first?.returned, true)
        XCTAssertEqual(declined.consentOverrides.count, 1)
        try step("case-1", by: ann) {
            try $0.recordConsent(id: "consent-1", agency: "agency-advice", basis: .consent, dataSharingAgreement: "DSA-TEST", standingAgreement: nil, by: self.ann,
                                 now: self.now.addingTimeInterval(120))
        }
        try step("case-1", by: ben) {
            try $0.changeLead(to: self.ben.member, by: self.ben, now: self.now.addingTimeInterval(180))
        }
        XCTAssertEqual(try store.caseEvents("case-1").map(\.kind), [
            "referred", "consent-overridden", "referral-declined", "need-returned", "consent-recorded", "lead-changed",
        ])
        let before = try store.contentDump()
        try store.rebuildFromOpLog()
        XCTAssertEqual(try store.contentDump(), before)
    }

    func testChangingOneFieldWritesOneOpForThatField() throws {
        let original = try XCTUnwrap(store.caseFile("case-1"))
        var changed = original
        changed.needs[0].urgency = .routine
        let changes = try store.changes(for: CaseUpdate(file: changed, events: []), replacing: original)
        XCTAssertEqual(changes.map(\.field), ["urgency"])
        XCTAssertEqual(changes.first?.value, .string("routine"))
    }
}
