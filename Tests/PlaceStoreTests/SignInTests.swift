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

    func testAKeptSessionOpensTheSameKeysUntilItGoesIdle() throws {
        let runtime = FileManager.default.temporaryDirectory.appendingPathComponent("thistle-sessions-\(UUID().uuidString)").path
        XCTAssertEqual(mkdir(runtime, 0o700), 0)
        defer { try? FileManager.default.removeItem(atPath: runtime) }
        let sessions = try XCTUnwrap(SessionFolder.fromEnvironment(["XDG_RUNTIME_DIR": runtime]))
        let ann = try store.signIn("member-ann", passphrase: "ann passphrase")
        let database = "/places/a \"quoted\" name.sqlite"
        let start = Date(timeIntervalSince1970: 1_800_000_000.25)
        sessions.keep(ann, for: database, idle: 60, now: start)

        let kept = try XCTUnwrap(sessions.session(for: database, member: nil, now: start.addingTimeInterval(59)))
        XCTAssertEqual(kept.0, "member-ann")
        XCTAssertEqual(kept.1.keys, ann.keyring.keys)
        XCTAssertNil(sessions.session(for: "/places/another.sqlite", member: nil, now: start), "kept for its database only")
        // Used at 59 s: the idle time restarted, so it is still there at 118 s.
        XCTAssertEqual(sessions.session(for: database, member: "member-ann", now: start.addingTimeInterval(118))?.1.keys,
                       ann.keyring.keys)
        XCTAssertNil(sessions.session(for: database, member: nil, now: start.addingTimeInterval(179)), "idle for 61 s")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: sessions.path), [], "the idle session is deleted")
    }
}
