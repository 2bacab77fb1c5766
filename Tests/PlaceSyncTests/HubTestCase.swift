import Foundation
import TestSupport
import XCTest

/// Tests against a real PostgreSQL: one throwaway cluster per test class,
/// started before its first test and stopped after its last; each test
/// gets a temporary folder for its laptops.
class HubTestCase: XCTestCase {
    /// Whether the cluster speaks TLS (with a self-signed certificate).
    class var usesTLS: Bool { false }
    nonisolated(unsafe) private static var servers: [ObjectIdentifier: ThrowawayPostgres] = [:]
    var folder: URL!

    override class func setUp() {
        super.setUp()
        do { servers[ObjectIdentifier(self)] = try ThrowawayPostgres(tls: usesTLS) } catch {
            XCTFail("the throwaway PostgreSQL did not start: \(error)")
        }
    }

    override class func tearDown() {
        servers.removeValue(forKey: ObjectIdentifier(self))?.stop()
        super.tearDown()
    }

    override func setUpWithError() throws { folder = try Fixtures.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    var pg: ThrowawayPostgres {
        get throws { try XCTUnwrap(Self.servers[ObjectIdentifier(type(of: self))], "no PostgreSQL for the hub tests") }
    }
}
