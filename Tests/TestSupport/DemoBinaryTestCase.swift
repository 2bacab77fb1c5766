import Foundation
import XCTest

/// An end-to-end test with a demo database of its own in a folder of its
/// own (`folder`, `database`), removed when the test ends. The demo is
/// built once per test process by the real binary (`thistle demo --no-tui`,
/// so it is a team of one with every member's passphrase `demo`) and copied.
open class DemoBinaryTestCase: XCTestCase {
    public var folder: URL!
    public var database: String!

    open override func setUpWithError() throws {
        try super.setUpWithError()
        folder = try Fixtures.temporaryDirectory()
        database = folder.appendingPathComponent("demo.sqlite").path
        try FileManager.default.copyItem(atPath: try BinaryDemo.path.get(), toPath: database)
    }

    open override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
        try super.tearDownWithError()
    }
}

private enum BinaryDemo {
    struct Failed: Error, CustomStringConvertible { let description: String }

    static let path: Result<String, any Error> = Result {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("demo.sqlite").path
        let built = try ThistleBinary.run(["demo", "--db", path, "--no-tui"])
        guard built.status == 0 else { throw Failed(description: "thistle demo failed: \(built.stderr)") }
        return path
    }
}
