import PlaceDomain
import PlaceStore
import TestSupport
import XCTest

final class SignInTests: XCTestCase {
    private var store: PlaceStore!

    override func setUpWithError() throws {
        store = try Fixtures.smallPlace()
        try store.createTeamKeys(passphrases: ["member-ann": "ann passphrase", "member-ben": "ben passphrase"], by: nil)
    }

    func testRightPassphraseOpensTheTeamKey() throws {
        let ann = try store.signIn("member-ann", passphrase: "ann passphrase")
        let ben = try store.signIn("member-ben", passphrase: "ben passphrase")
        XCTAssertEqual(ann.member.id, "member-ann")
        XCTAssertEqual(ann.keyring.currentGeneration, 1)
        XCTAssertEqual(ann.keyring.keys, ben.keyring.keys, "both members open the same team key")
    }

    func testWrongPassphraseOpensNothing() {
        XCTAssertThrowsError(try store.signIn("member-ann", passphrase: "ben passphrase")) {
            XCTAssertEqual($0 as? SignInError, .wrongPassphrase)
        }
        XCTAssertThrowsError(try store.signIn("member-ann", passphrase: "")) {
            XCTAssertEqual($0 as? SignInError, .wrongPassphrase)
        }
    }

    func testRepeatedWrongPassphrasesMustWait() throws {
        for _ in 0..<SignInThrottle.freeAttempts {
            XCTAssertThrowsError(try store.signIn("member-ann", passphrase: "guess")) {
                XCTAssertEqual($0 as? SignInError, .wrongPassphrase)
            }
        }
        XCTAssertThrowsError(try store.signIn("member-ann", passphrase: "ann passphrase"), "even the right one waits") {
            guard case .tooManyAttempts(let seconds)? = $0 as? SignInError else { return XCTFail("\($0)") }
            XCTAssertGreaterThan(seconds, 0)
        }
        XCTAssertNoThrow(try store.signIn("member-ben", passphrase: "ben passphrase"), "other members are not held up")
    }

    func testNewPassphraseReplacesTheOld() throws {
        let ann = try store.signIn("member-ann", passphrase: "ann passphrase")
        let key = try store.privateKey(of: "member-ann", passphrase: "ann passphrase")
        try store.write(by: "member-ann", store.passphraseChanges(
            for: "member-ann", to: "a brand new one", keyring: ann.keyring, keeping: key, by: "member-ann"))
        XCTAssertThrowsError(try store.signIn("member-ann", passphrase: "ann passphrase"))
        XCTAssertEqual(try store.signIn("member-ann", passphrase: "a brand new one").keyring.keys, ann.keyring.keys)
    }

    func testAdminResetGivesANewKeyPairTheTeamKey() throws {
        let ben = try store.signIn("member-ben", passphrase: "ben passphrase")
        try store.write(by: "member-ben", store.passphraseChanges(
            for: "member-ann", to: "forgotten reset", keyring: ben.keyring, keeping: nil, by: "member-ben"))
        XCTAssertEqual(try store.signIn("member-ann", passphrase: "forgotten reset").keyring.keys, ben.keyring.keys)
    }

    func testShortPassphraseIsRefused() throws {
        let ann = try store.signIn("member-ann", passphrase: "ann passphrase")
        XCTAssertThrowsError(try store.passphraseChanges(
            for: "member-ann", to: "short", keyring: ann.keyring, keeping: nil, by: "member-ann")) {
            XCTAssertEqual($0 as? SignInError, .weakPassphrase)
        }
    }

    func testMemberWithoutPassphraseIsToldWhoToAsk() throws {
        let store = try Fixtures.smallPlace()
        XCTAssertThrowsError(try store.signIn("member-ann", passphrase: "anything")) {
            XCTAssertEqual($0 as? SignInError, .noCredential)
        }
    }
}
