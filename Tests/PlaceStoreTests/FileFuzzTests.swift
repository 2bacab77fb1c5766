import Foundation
import GRDB
import PlaceDomain
@testable import PlaceStore
import SampleData
import TestSupport
import XCTest

/// Fuzzed files (docs/RELIABILITY.md): indicator CSVs imported by an
/// analyst, and a place's files (cases, residents and the rest of a demo
/// folder) read to build a place. Each damaged file is refused with a
/// one-line message naming the file and nothing changes, or, where the damage
/// left a valid file, it is read as one. No crash, no hang.
///
/// `make test` tries 150 of each; `make reliability` 1,000 of each
/// (`THISTLE_FUZZ_FILES`; `THISTLE_FUZZ_SEED` replays a run).
final class FileFuzzTests: DemoTestCase {
    private let environment = ProcessInfo.processInfo.environment
    private var count: Int { Int(environment["THISTLE_FUZZ_FILES"] ?? "") ?? 150 }
    private var seed: UInt64 { UInt64(environment["THISTLE_FUZZ_SEED"] ?? "") ?? 11 }

    /// A clear refusal: one line, not empty, at most 300 characters, naming
    /// one of `files` (a reference broken in one file may be found from another).
    private func checkMessage(_ error: any Error, names files: [String], _ how: String) {
        let message = String(describing: error)
        XCTAssertFalse(message.isEmpty || message.contains("\n") || message.count > 300,
                       "unclear refusal '\(message.prefix(400))' (\(how); seed \(seed))")
        XCTAssertTrue(files.contains { message.hasPrefix($0) || message.hasPrefix("cannot read \($0)") },
                      "'\(message.prefix(300))' does not begin with the file (\(how); seed \(seed))")
        XCTAssertFalse(message.contains("SQLite"), "'\(message.prefix(300))' is SQLite's, not Thistle's (\(how); seed \(seed))")
    }

    func testFuzzedIndicatorFilesAreRefusedClearlyAndChangeNothing() throws {
        let store = try freshDemo()
        let analyst = ActingMember(member: try XCTUnwrap(try store.member("member-euan-mackie")), tree: try store.placeTree())
        let sample = try String(contentsOf: SampleData.fifeDirectory.appendingPathComponent("indicator-values.csv"), encoding: .utf8)
        let lines = sample.split(separator: "\n").map(String.init)
        // A short file (a header and 60 rows) and another part of the sample to splice in.
        let original = Data((lines.prefix(61).joined(separator: "\n") + "\n").utf8)
        let other = Data((lines[1000..<1040].joined(separator: "\n") + "\n").utf8)
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("values.csv")

        var random = SeededRandom(seed: seed)
        var refused = 0
        var accepted = 0
        var slowest = 0.0
        func attempt(_ data: Data, _ how: String) throws {
            try data.write(to: file)
            let before = try Self.opsAndValues(store)
            let started = Date()
            do {
                _ = try store.importIndicatorValues(from: file.path, by: analyst)
                accepted += 1
            } catch {
                checkMessage(error, names: [file.path, file.lastPathComponent], how)
                XCTAssertTrue(try Self.opsAndValues(store) == before, "a refused file changed the place (\(how))")
                refused += 1
            }
            slowest = max(slowest, Date().timeIntervalSince(started))
        }
        for bytes in Fuzz.invalidUTF8 { try attempt(original + bytes, "invalid UTF-8") }
        for index in 0..<count {
            if index % 2 == 0 {
                let (damaged, how) = Fuzz.damaged(original, splicingWith: other, using: &random)
                try attempt(damaged, "attempt \(index): \(how)")
            } else {
                let (damaged, how) = Fuzz.damagedCSV(String(decoding: original, as: UTF8.self), using: &random)
                try attempt(Data(damaged.utf8), "attempt \(index): \(how)")
            }
        }
        // Whatever was accepted was a valid file: no value stored breaks its indicator's kind.
        let kinds = Dictionary(try store.indicators().map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        for indicator in kinds.keys {
            for value in try store.indicatorValues(indicator, at: Array(try store.placeTree().places.keys)) {
                XCTAssertTrue(value.fits(try XCTUnwrap(kinds[indicator])), "stored: \(value)")
                XCTAssertTrue(IndicatorValue.isPeriod(value.period), "stored: \(value)")
            }
        }
        XCTAssertGreaterThan(refused, count / 2, "most damage is refused")
        XCTAssertLessThan(slowest, 5, "every file is read quickly")
        print("indicator file fuzzing: \(refused) refused with nothing changed, \(accepted) still valid and imported, "
              + "slowest \(Int(slowest * 1000)) ms (seed \(seed))")
    }

    func testFuzzedPlaceFilesAreRefusedClearlyAndNothingIsBuilt() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let place = try Self.shortPlaceFolder(in: folder)
        XCTAssertNoThrow(try PlaceFiles(directory: place), "the undamaged short folder is valid")
        let names = try FileManager.default.contentsOfDirectory(atPath: place.path).sorted()
        // An existing demo database the builds are asked to replace: a refusal must leave it as it was.
        let database = folder.appendingPathComponent("demo.sqlite").path
        try PlaceStore.open(at: database, create: true).close()
        let kept = try Data(contentsOf: URL(fileURLWithPath: database))

        var random = SeededRandom(seed: seed)
        var refused = 0
        var accepted = 0
        var built = 0
        var slowest = 0.0
        for index in 0..<count {
            // Cases and residents most often: they are what a place's history is made of.
            let name = random.next() % 2 == 0 ? ["cases.json", "residents.csv"][Int(random.next() % 2)]
                : names[Int.random(in: 0..<names.count, using: &random)]
            let url = place.appendingPathComponent(name)
            let original = try Data(contentsOf: url)
            let other = try Data(contentsOf: place.appendingPathComponent(names[Int.random(in: 0..<names.count, using: &random)]))
            let (damaged, how) = name.hasSuffix(".csv") && random.next() % 2 == 0
                ? { let (text, how) = Fuzz.damagedCSV(String(decoding: original, as: UTF8.self), using: &random)
                    return (Data(text.utf8), how) }()
                : Fuzz.damaged(original, splicingWith: other, using: &random)
            let what = "attempt \(index): \(name) \(how)"
            try damaged.write(to: url)
            defer { try? original.write(to: url) }
            let started = Date()
            do {
                let contents = try PlaceFiles(directory: place)
                _ = try contents.changes()
                accepted += 1
                // The first few still-valid folders are built for real, over the existing database.
                if built < 3 {
                    built += 1
                    do {
                        try DemoPlace.build(at: database, from: place, reset: true)
                        let store = try PlaceStore.open(at: database)
                        XCTAssertEqual(try store.writer.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }, "ok")
                        try store.close()
                    } catch {
                        checkMessage(error, names: names, what)
                        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: database)), kept, "a failed build changed the file (\(what))")
                    }
                    DemoPlace.removeDatabaseFiles(at: database)
                    try kept.write(to: URL(fileURLWithPath: database))
                }
            } catch {
                checkMessage(error, names: names, what)
                XCTAssertThrowsError(try DemoPlace.build(at: database, from: place, reset: true), what)
                XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: database)), kept, "a refused folder changed the database (\(what))")
                refused += 1
            }
            slowest = max(slowest, Date().timeIntervalSince(started))
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".building-") }, [],
                       "no half-built file is left behind")
        XCTAssertGreaterThan(refused, count / 2, "most damage is refused")
        XCTAssertLessThan(slowest, 10, "every folder is read quickly")
        print("place file fuzzing: \(refused) refused with nothing built, \(accepted) still valid (\(built) built), "
              + "slowest \(Int(slowest * 1000)) ms (seed \(seed))")
    }

    /// What an import may change: the log's ops and the indicator values
    /// (every write adds ops; the full digest is too slow to take per file).
    static func opsAndValues(_ store: PlaceStore) throws -> [String] {
        try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT COUNT(*) || ' ' || IFNULL(MAX(id), '') FROM op")
                + String.fetchAll(db, sql: "SELECT quote(indicator_id) || quote(place_id) || quote(period) || quote(value) "
                                  + "|| quote(numerator) || quote(denominator) FROM indicator_value ORDER BY 1")
        }
    }

    /// A copy of the demo's folder, cut short so each read is quick: its
    /// first 40 cases and 200 indicator values, every other file whole.
    static func shortPlaceFolder(in folder: URL) throws -> URL {
        let place = folder.appendingPathComponent("place")
        try FileManager.default.copyItem(at: SampleData.fifeDirectory, to: place)
        let cases = place.appendingPathComponent("cases.json")
        let all = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: cases)) as? [Any])
        try JSONSerialization.data(withJSONObject: Array(all.prefix(40)), options: [.prettyPrinted]).write(to: cases)
        let values = place.appendingPathComponent("indicator-values.csv")
        let lines = try String(contentsOf: values, encoding: .utf8).split(separator: "\n")
        try Data((lines.prefix(201).joined(separator: "\n") + "\n").utf8).write(to: values)
        return place
    }
}
