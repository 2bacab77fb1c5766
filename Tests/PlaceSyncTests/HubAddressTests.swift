import Foundation
@testable import PlaceSync
import TestSupport
import XCTest

/// A hub URL is read as libpq reads it, but a password never comes from it.
final class HubAddressTests: XCTestCase {
    func testAURLGivesHostPortUserDatabaseAndTLSMode() throws {
        let address = try HubAddress(url: "postgres://hub_user@hub.example:6432/place?sslmode=verify-full&sslrootcert=/etc/ca.pem",
                                     environment: [:])
        XCTAssertEqual(address.host, "hub.example")
        XCTAssertEqual(address.port, 6432)
        XCTAssertEqual(address.user, "hub_user")
        XCTAssertEqual(address.database, "place")
        XCTAssertEqual(address.tls, .verifyFull)
        XCTAssertEqual(address.rootCertificate, "/etc/ca.pem")
        XCTAssertEqual(address.description, "postgres://hub_user@hub.example:6432/place?sslmode=verify-full")
    }

    func testDefaultsFollowLibpq() throws {
        let address = try HubAddress(url: "postgresql://hub.example", environment: ["PGUSER": "kim"])
        XCTAssertEqual([address.user, address.database, "\(address.port)", address.tls.rawValue], ["kim", "kim", "5432", "prefer"])
    }

    func testAPasswordInTheURLIsRefusedWithWhereToPutIt() {
        XCTAssertThrowsError(try HubAddress(url: "postgres://kim:secret@hub.example/place")) {
            XCTAssertTrue("\($0)".contains("PGPASSWORD or ~/.pgpass"), "\($0)")
        }
    }

    func testURLsThatAreNotAHubAreRefused() {
        for bad in ["http://hub.example/place", "postgres:///place", "not a url", "postgres://h/db?sslmode=maybe",
                    "postgres://h/db?color=red", "postgres://h/a/b", "postgres://h:0/db", "postgres://h/db?sslrootcert=/x",
                    "postgres://h/db?connect_timeout=0"] {
            XCTAssertThrowsError(try HubAddress(url: bad), bad) { XCTAssertTrue($0 is HubAddressError, "\(bad): \($0)") }
        }
    }

    func testThePasswordComesFromPGPASSWORDThenThePasswordFile() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pgpass").path
        try """
            # the team's hub
            other.example:5432:*:hub_user:not-this-one
            hub.example:5432:place:hub_user:pa\\:ss\\\\word
            *:*:*:*:fallback
            """.write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o600)
        let address = try HubAddress(url: "postgres://hub_user@hub.example/place")
        XCTAssertEqual(address.password(environment: ["PGPASSWORD": "from-env", "PGPASSFILE": file]), "from-env")
        XCTAssertEqual(address.password(environment: ["PGPASSFILE": file]), "pa:ss\\word")
        XCTAssertEqual(try HubAddress(url: "postgres://x@elsewhere/db").password(environment: ["PGPASSFILE": file]), "fallback")
        chmod(file, 0o644)
        XCTAssertNil(address.password(environment: ["PGPASSFILE": file]), "a password file others can read is ignored, as libpq does")
    }
}
