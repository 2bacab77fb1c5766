import PlaceDomain
import PlaceStore
import TestSupport
import ThistleApp
import XCTest

/// The passphrase box: nothing of the workspace shows until the right
/// passphrase is typed, and the workspace hides again when it goes idle.
final class SignInLockTests: XCTestCase {
    private var store: PlaceStore!

    override func setUpWithError() throws {
        store = try Fixtures.smallPlace()
        try store.createTeamKeys(passphrases: ["member-ann": "ann passphrase", "member-ben": "ben passphrase"], by: nil)
    }

    func testChoosingAMemberAsksForTheirPassphraseAndShowsNothingElse() throws {
        let app = AppDriver(store: store, member: nil, needsSignIn: true)
        app.press(.enter)  // Ann Frontline, first by name
        XCTAssertTrue(app.screen.contains("Sign in"), app.screen)
        XCTAssertTrue(app.screen.contains("Ann Frontline · frontline"), app.screen)
        XCTAssertFalse(app.screen.contains("Testshire"), "no place shows before sign-in:\n\(app.screen)")
        app.type("ann pass")
        XCTAssertTrue(app.screen.contains("Passphrase: ••••••••"), "typed characters are masked:\n\(app.screen)")
        XCTAssertFalse(app.screen.contains("ann pass"))
        app.type("phrase")
        app.press(.enter)
        XCTAssertNil(app.state.lock)
        XCTAssertEqual(app.state.member?.id, "member-ann")
        XCTAssertTrue(app.screen.contains("Testshire"), app.screen)
    }

    func testWrongPassphraseSaysSoAndKeepsTheBoxUp() throws {
        let ann = try XCTUnwrap(store.member("member-ann"))
        let app = AppDriver(store: store, member: ann, needsSignIn: true)
        app.type("ben passphrase")
        app.press(.enter)
        XCTAssertTrue(app.screen.contains("wrong passphrase"), app.screen)
        XCTAssertNil(app.state.member)
        XCTAssertEqual(app.state.lock?.passphrase.text, "", "the field is cleared for the next try")
        XCTAssertFalse(app.screen.contains("Testshire"))
    }

    func testEscapeGoesBackToChoosingWhoYouAre() throws {
        let ann = try XCTUnwrap(store.member("member-ann"))
        let app = AppDriver(store: store, member: ann, needsSignIn: true)
        app.press(.escape)
        XCTAssertNil(app.state.lock)
        XCTAssertTrue(app.screen.contains("Choose who you are"), app.screen)
        XCTAssertTrue(app.screen.contains("Ben Lead"), app.screen)
    }

    func testIdleLocksTheWorkspaceUntilThePassphraseIsGivenAgain() throws {
        let ann = try XCTUnwrap(store.member("member-ann"))
        let app = AppDriver(store: store, member: ann, needsSignIn: true)
        app.type("ann passphrase")
        app.press(.enter)
        app.press(.character("2"))
        XCTAssertTrue(app.screen.contains("Directory"), app.screen)
        app.receive(.idle)
        XCTAssertTrue(app.screen.contains("Thistle is locked"), app.screen)
        XCTAssertFalse(app.screen.contains("Debt Advice"), "the directory is hidden:\n\(app.screen)")
        app.press(.character("q"))
        XCTAssertFalse(app.state.isQuitting, "q is typed into the passphrase, not a command")
        app.press(.ctrl("u"))
        app.type("ann passphrase")
        app.press(.enter)
        XCTAssertNil(app.state.lock)
        XCTAssertTrue(app.screen.contains("Debt Advice"), "back where she was:\n\(app.screen)")
    }

    func testWithoutSignInNothingLocks() throws {
        let ann = try XCTUnwrap(store.member("member-ann"))
        let app = AppDriver(store: store, member: ann)
        app.receive(.idle)
        XCTAssertNil(app.state.lock)
    }
}
