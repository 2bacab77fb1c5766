import Foundation
import PlaceDomain
import PlaceStore
@testable import PlaceSync
import PostgresNIO
import TestSupport
import XCTest

/// A hub that speaks TLS: the URL's sslmode decides whether the
/// connection is encrypted and whether the server's certificate is checked.
final class HubTLSTests: HubTestCase {
    override class var usesTLS: Bool { true }

    func laptop() throws -> (PlaceStore, TeamMembership) {
        let store = try PlaceStore.open(at: folder.appendingPathComponent("a.sqlite").path, create: true, device: "device-a")
        try Fixtures.populate(store)
        return (store, try TeamMembership.create(in: store, keys: teamKeys, deviceName: "Laptop A"))
    }

    /// Syncs and reports whether the push's connection was encrypted, as the server saw it.
    func syncReportingTLS(_ url: String) async throws -> Bool {
        let (store, team) = try laptop()
        let seen = Seen()
        _ = try await team.syncWithHub(store, at: try HubAddress(url: url), password: try pg.password, interruptPush: { batch, db in
            guard batch == 0 else { return }
            for try await ssl in try await db.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
                                                     logger: Logger(label: "test")).decode(Bool.self) { await seen.set(ssl) }
        })
        return await seen.value
    }

    func testSSLModeRequireEncryptsTheConnection() async throws {
        let encrypted = try await syncReportingTLS(try pg.url("sslmode=require"))
        XCTAssertTrue(encrypted)
    }

    func testVerifyFullTrustsTheHubsOwnCertificateAuthority() async throws {
        let encrypted = try await syncReportingTLS(try pg.url(host: "localhost", "sslmode=verify-full&sslrootcert=\(try pg.certificate)"))
        XCTAssertTrue(encrypted)
    }

    func testVerifyFullRefusesACertificateItCannotTrace() async throws {
        let (store, team) = try laptop()
        do {
            _ = try await team.syncWithHub(store, at: try HubAddress(url: try pg.url(host: "localhost", "sslmode=verify-full")),
                                           password: try pg.password)
            XCTFail("an untrusted certificate was accepted")
        } catch let error as SyncError {
            XCTAssertEqual(error.code, "hub-refused", error.description)
            XCTAssertTrue(error.description.contains("TLS"), error.description)
        }
        XCTAssertNil(try store.lastHubSync())
    }

    func testSSLModeDisableStaysInTheClear() async throws {
        let encrypted = try await syncReportingTLS(try pg.url("sslmode=disable"))
        XCTAssertFalse(encrypted)
    }
}

private actor Seen {
    var value = false
    func set(_ new: Bool) { value = new }
}
