import Foundation
import TestSupport
import XCTest

/// `make dist`'s one file: the binary with the demo place appended (as the
/// Makefile does it, by scripts/pack-sample-data and a trailer), copied
/// away from its resource folder, still builds the demo, from files it
/// unpacks once into the cache folder.
final class DistTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = try Fixtures.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary with `pack` appended and a trailer giving `claimed` as its size.
    func oneFile(claiming claimed: Int? = nil) throws -> String {
        let packed = try ChildProcess.run(Self.root.appendingPathComponent("scripts/pack-sample-data").path,
                                          [Self.root.appendingPathComponent("sample-data/fife").path])
        XCTAssertEqual(packed.status, 0, packed.stderr)
        let pack = Data(packed.stdout.utf8)
        var file = try Data(contentsOf: URL(fileURLWithPath: ThistleBinary.path))
        file.append(pack)
        file.append(Data(String(format: "THISTLE-SAMPLE-DATA %012ld\n", claimed ?? pack.count).utf8))
        let path = folder.appendingPathComponent("bin/thistle").path
        try FileManager.default.createDirectory(atPath: folder.appendingPathComponent("bin").path, withIntermediateDirectories: true)
        try file.write(to: URL(fileURLWithPath: path))
        chmod(path, 0o755)
        return path
    }

    func demo(_ binary: String, _ name: String) throws -> ChildProcess {
        try ChildProcess.run(binary, ["demo", "--db", folder.appendingPathComponent(name).path, "--no-tui"], environment: [
            "XDG_CACHE_HOME": folder.appendingPathComponent("cache").path,
        ].merging(SignInEnvironment.demo) { $1 })
    }

    func unpacked() -> [String] {
        let cache = folder.appendingPathComponent("cache/thistle").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).sorted()
    }

    func testTheOneFileBuildsTheDemoFromWhatItCarries() throws {
        let binary = try oneFile()
        let built = try demo(binary, "demo.sqlite")
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertEqual(unpacked().count, 1)
        let fife = folder.appendingPathComponent("cache/thistle/\(unpacked()[0])/fife")
        let shipped = Self.root.appendingPathComponent("sample-data/fife")
        let names = try FileManager.default.contentsOfDirectory(atPath: shipped.path).sorted()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: fife.path).sorted(), names)
        for name in names {
            XCTAssertEqual(try Data(contentsOf: fife.appendingPathComponent(name)),
                           try Data(contentsOf: shipped.appendingPathComponent(name)), name)
        }
        let again = try demo(binary, "again.sqlite")
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(unpacked().count, 1, "unpacked once")
        let places = try ChildProcess.run(binary, ["places", "--db", folder.appendingPathComponent("again.sqlite").path])
        XCTAssertTrue(places.stdout.contains("Levenmouth"), places.stdout)
    }

    func testATrailerThatLiesIsNotUnpacked() throws {
        let binary = try oneFile(claiming: 999_999_999_999)
        let built = try demo(binary, "demo.sqlite")
        // On the machine that built it, the build folder's copy is still found.
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertEqual(unpacked(), [], "nothing unpacked from a damaged file")
    }
}
