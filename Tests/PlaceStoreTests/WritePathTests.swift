import Foundation
import GRDB
import PlaceDomain
@testable import PlaceStore
import SampleData
import TestSupport
import XCTest

final class WritePathTests: XCTestCase {
    /// An op per change, and one audit entry (itself an op) per write.
    func testEveryWriteAppendsOneOpPerChangeAndOneAuditEntry() throws {
        let store = try Fixtures.emptyStore()
        try store.write(by: nil, try Fixtures.places.map(Change.create))
        XCTAssertEqual(try store.logCounts().ops, Fixtures.places.count + 1)
        XCTAssertEqual(try store.logCounts().audit, 1)
        try store.write(by: nil, [try .create(Fixtures.agencies[0])])
        try store.write(by: nil, [.set(Agency.self, id: "agency-council", "name", to: .string("Renamed Council"))])
        XCTAssertEqual(try store.logCounts().ops, Fixtures.places.count + 2 + 3)
        XCTAssertEqual(try store.logCounts().audit, 3)
        let entries = try store.writer.read { try AuditEntry.fetchAll($0, sql: "SELECT * FROM audit_entry ORDER BY seq") }
        XCTAssertEqual(entries.map(\.detail), ["place ×\(Fixtures.places.count)", "agency ×1", "agency ×1"])
        XCTAssertEqual(try store.agency("agency-council")?.name, "Renamed Council")
    }

    func testAnUpdateRecordsWhoWhenAndTheOpItSupersedes() throws {
        let store = try Fixtures.emptyStore()
        try store.write(by: nil, [try .create(Fixtures.agencies[0])])
        try store.write(by: "member-ann", [.set(Agency.self, id: "agency-council", "name", to: .string("A"))])
        let ops = try store.writer.read {
            try Op.fetchAll($0, sql: "SELECT * FROM op WHERE entity != 'audit_entry' ORDER BY hlc")
        }
        XCTAssertEqual(ops.count, 2)
        XCTAssertEqual(ops[1].supersedes, ops[0].id)
        XCTAssertEqual(ops[1].authorID, "member-ann")
        XCTAssertEqual(ops[1].deviceID, "device-test")
        XCTAssertLessThan(ops[0].hlc, ops[1].hlc)
        XCTAssertEqual(ops.map(\.field), ["*", "name"], "a create, then an update of one field")
        let entries = try store.writer.read { try AuditEntry.fetchAll($0, sql: "SELECT * FROM audit_entry ORDER BY seq") }
        XCTAssertEqual(entries.map(\.memberID), [nil, "member-ann"])
    }

    /// A write's ops go into the log a hundred to a statement; what reads the
    /// log within the same write (an update finding the op it supersedes, a
    /// delete naming its record's ops) still sees every op before it.
    func testOneWriteSeesItsOwnOpsAndLogsThemAllInOrder() throws {
        let store = try Fixtures.emptyStore()
        let many = (1...250).map { number in
            Place(id: PlaceID(String(format: "place-%03d", number)), name: "Place \(number)", kind: .community,
                  parentID: nil, population: 10)
        }
        var changes = try many.map(Change.create)
        changes.insert(.set(Place.self, id: "place-150", "name", to: .string("Renamed")), at: 150)
        changes.append(Change(entity: .place, entityID: "place-007", field: Op.wholeRecord, value: .null))
        let ids = try store.write(by: nil, changes)
        let ops = try store.writer.read {
            try Op.fetchAll($0, sql: "SELECT * FROM op WHERE entity = 'place' ORDER BY hlc")
        }
        XCTAssertEqual(ops.map(\.id), ids, "every op in the log, in the order of the changes")
        XCTAssertEqual(ops[150].field, "name")
        XCTAssertEqual(ops[150].supersedes, ops[149].id, "the update supersedes the create written just before it")
        XCTAssertEqual(ops.last?.resolves, "[\"\(ops[6].id)\"]", "the delete names the create written in the same write")
        XCTAssertEqual(try store.place("place-150")?.name, "Renamed")
        XCTAssertNil(try store.place("place-007"))
        XCTAssertEqual(try store.logCounts().ops, 252 + 1)
    }

    func testRecordsWrittenManyAStatementKeepEveryValueAndTheirDefaults() throws {
        let store = try Fixtures.emptyStore()
        // Four shapes, taken in turn: an empty text, a field left out (a default, or NULL), numbers, accents.
        func agency(_ number: Int) -> Change {
            var fields: [String: JSONValue] = ["id": .string("agency-\(number)"), "name": .string("Agency \(number) — Caf\u{E9}"),
                                               "kind": .string("council")]
            switch number % 4 {
            case 0: fields["description"] = .string("")
            case 1: fields["website"] = .string("https://example.org/\(number)")
            case 2: fields["description"] = .string("Advice, \(number) days a week")
            default: break
            }
            return Change(entity: .agency, entityID: "agency-\(number)", field: Op.wholeRecord, value: .object(fields))
        }
        try store.write(by: nil, (0..<250).map(agency))
        let rows = try store.writer.read {
            try Row.fetchAll($0, sql: "SELECT id, name, description, website FROM main.agency ORDER BY rowid")
        }
        XCTAssertEqual(rows.count, 250)
        for (number, row) in rows.enumerated() {
            XCTAssertEqual(row["id"] as String, "agency-\(number)")
            XCTAssertEqual(row["name"] as String, "Agency \(number) — Caf\u{E9}")
            XCTAssertEqual(row["description"] as String?, number % 4 == 2 ? "Advice, \(number) days a week" : "",
                           "an empty description is empty, not NULL; one left out takes the column's default")
            XCTAssertEqual(row["website"] as String?, number % 4 == 1 ? "https://example.org/\(number)" : nil)
        }
    }

    func testARecordRefusedInTheMiddleOfABatchWritesNothing() throws {
        let store = try Fixtures.emptyStore()
        let before = try store.logCounts()
        let changes = (1...150).map { number in
            Change(entity: .place, entityID: "place-\(number)", field: Op.wholeRecord, value: .object([
                "id": .string("place-\(number)"), "name": .string("Place \(number)"), "population": .int(10),
                "kind": .string(number == 120 ? "planet" : "community"),
            ]))
        }
        XCTAssertThrowsError(try store.write(by: nil, changes)) { error in
            XCTAssertTrue("\(error)".contains("CHECK constraint failed"), "\(error)")
        }
        XCTAssertEqual(try store.logCounts().ops, before.ops)
        XCTAssertEqual(try store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM main.place") }, 0)
        try store.write(by: nil, changes.filter { $0.entityID != "place-120" })
        XCTAssertEqual(try store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM main.place") }, 149,
                       "the statement that failed is ready to run again")
    }

    func testARefusedChangeWritesNothingAtAll() throws {
        let store = try Fixtures.emptyStore()
        let before = try store.logCounts()
        XCTAssertThrowsError(try store.write(by: nil, [
            try .create(Fixtures.places[0]),
            .set(Place.self, id: "place-shire", "no_such_field", to: .int(1)),
        ]))
        XCTAssertEqual(try store.logCounts().ops, before.ops)
        XCTAssertNil(try store.place("place-shire"), "the first change of the refused batch was rolled back")
        XCTAssertThrowsError(try store.write(by: nil, [.set(Place.self, id: "place-missing", "name", to: .string("x"))]))
        XCTAssertThrowsError(try store.write(by: nil, [Change(entity: .place, entityID: "p", field: "*", value: .int(3))]))
    }

    func testTheOpLogAndAuditTrailRefuseEditsAndDeletes() throws {
        let store = try Fixtures.smallPlace()
        XCTAssertThrowsError(try store.writer.write { try $0.execute(sql: "UPDATE op SET value = '1'") })
        XCTAssertThrowsError(try store.writer.write { try $0.execute(sql: "DELETE FROM op") })
        XCTAssertThrowsError(try store.writer.write { try $0.execute(sql: "DELETE FROM op WHERE entity = 'audit_entry'") })
    }

    func testTablesRebuiltFromTheOpLogAloneAreIdentical() throws {
        let store = try Fixtures.smallPlace()
        try store.write(by: "member-ben", [
            .set(Service.self, id: "service-food", "typical_wait_days", to: .int(3)),
            .set(Need.self, id: "need-1", "state", to: .string("closed")),
            .set(Place.self, id: "place-beta", "population", to: .int(801)),
        ])
        let before = try store.contentDump()
        XCTAssertTrue(before.contains("801"))
        try store.rebuildFromOpLog()
        XCTAssertEqual(try store.contentDump(), before)
    }

    func testDomainValuesRoundTripThroughTheirTables() throws {
        let store = try Fixtures.smallPlace()
        XCTAssertEqual(try store.member("member-ann"), Fixtures.members[0])
        XCTAssertEqual(try store.service("service-housing"), Fixtures.services[2])
        XCTAssertEqual(try store.placeTree(), PlaceTree(Fixtures.places))
    }

    func testColumnNamesMapToPropertyNamesBothWays() {
        for (property, column) in [
            ("placeIDs", "place_ids"), ("closedByID", "closed_by_id"), ("parentID", "parent_id"),
            ("acceptsReferrals", "accepts_referrals"), ("dateOfBirth", "date_of_birth"), ("id", "id"),
        ] {
            XCTAssertEqual(ColumnNaming.column(forProperty: property), column)
            XCTAssertEqual(ColumnNaming.property(forColumn: column), property)
        }
    }
}

final class JSONTextTests: XCTestCase {
    /// The hand-written JSON text reads back as the same value, and as JSONEncoder would write it.
    func testJSONTextRoundTripsAndMatchesTheEncoder() throws {
        let values: [JSONValue] = [
            .null, .bool(true), .int(-42), .double(41.9), .double(2), .double(1e-5), .string(""),
            .string("quote \" backslash \\ slash / newline \n tab \t bell \u{07} é 北 👩‍👩‍👧"),
            .string("\r\u{08}\u{0C}\u{1F}\u{00}"), .string("\"édition\"\n"), .string("\\"),
            .array([.int(1), .string("a"), .null, .array([])]),
            .object(["b": .int(1), "a": .object(["z": .bool(false), "y": .string("x")]), "é": .array([.double(0.5)])]),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for value in values {
            let text = value.jsonText
            let expected = String(decoding: try encoder.encode(value), as: UTF8.self)
            XCTAssertEqual(text, expected, "\(value)")
            let back = try XCTUnwrap(JSONValue(jsonText: text), text)
            XCTAssertEqual(back.jsonText, text)
        }
    }
}

/// The op values' reader gives what JSONDecoder gave (tables materialised
/// before it and after it must agree), and refuses what it refused.
final class JSONReaderTests: XCTestCase {
    func decoded(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    func testTheReaderAgreesWithJSONDecoderOnEdgeCases() {
        let texts = [
            "0", "-0", "2.0", "1e2", "0.1e1", "1.5", "-1.25e-3", "9223372036854775807", "-9223372036854775808",
            "9223372036854775808", "1E400", "01", "1.", ".5", "-", "+1", " 1 ", "1 2", "",
            "true", "false", "null", "tru", "nul", "[]", "{}", "[1,]", "[,]", "[1,,]", "[ ]", "{ }", "[ 1 , ]", "{ \"a\" : 1 , }", "[ , ]", "{\"a\":}", "{\"a\":1,}", "{,}", "[1 2]",
            "{\"a\":1,\"a\":2}", "{\"a\" : [1, {\"b\": null}], \"c\": \"d\"}",
            "\"plain\"", "\"tab\\t quote \\\" slash \\/ \\u00e9 \\ud83d\\ude00\"", "\"\\ud83d\"", "\"\\ude00\"",
            "\"\\x\"", "\"unterminated", "\"raw\ttab\"", "\"\\u12\"", "\"é 北\"",
        ]
        for text in texts {
            XCTAssertEqual(JSONValue(jsonText: text), decoded(text), text)
        }
    }

    func testTheReaderAgreesWithJSONDecoderOnRandomValues() {
        var random = SeededRandom(seed: 7)
        func value(_ depth: Int) -> JSONValue {
            switch Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &random) {
            case 0: return .null
            case 1: return .bool(Bool.random(using: &random))
            case 2: return .int(Int64.random(in: Int64.min...Int64.max, using: &random) >> Int64.random(in: 0...62, using: &random))
            case 3: return .double(Double.random(in: -1e6...1e6, using: &random))
            case 4:
                let alphabet = Array("aZ09 \"\\/\n\t\u{01}é北👩‍👧")
                return .string(String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! }))
            case 5: return .array((0..<Int.random(in: 0...4, using: &random)).map { _ in value(depth + 1) })
            default:
                return .object(Dictionary(uniqueKeysWithValues: (0..<Int.random(in: 0...4, using: &random)).map { index in
                    ("k\(index)", value(depth + 1))
                }))
            }
        }
        let encoder = JSONEncoder()
        for _ in 0..<2_000 {
            let original = value(0)
            for text in [original.jsonText, String(decoding: try! encoder.encode(original), as: UTF8.self)] {
                XCTAssertEqual(JSONValue(jsonText: text), decoded(text), text)
            }
        }
    }
}

extension JSONReaderTests {
    /// Strings are scanned eight bytes at a time: a quote, a backslash or a
    /// control character is found wherever it falls in a long run.
    func testLongStringsWithASpecialCharacterAnywhere() {
        let plain = "abcdefghijklmnopqrstuvwxyzé北0123"
        for special in ["\"", "\\\\", "\\n", "\t", "\u{01}", "\\u00e9", "\\\""] {
            for position in 0...plain.count {
                var text = plain
                text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: position))
                let json = "\"" + text + "\""
                XCTAssertEqual(JSONValue(jsonText: json), decoded(json), json)
            }
        }
    }

    func testTheWordScanFindsExactlyTheSpecialBytes() {
        var random = SeededRandom(seed: 11)
        for _ in 0..<20_000 {
            var bytes = (0..<8).map { _ in UInt8.random(in: 0x20...0xFF, using: &random) }
            if Bool.random(using: &random) {
                let special: [UInt8] = [0x22, 0x5C, 0x00, 0x1F, 0x0A, 0x7F, 0x80]
                bytes[Int.random(in: 0..<8, using: &random)] = special[Int.random(in: 0..<special.count, using: &random)]
            }
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            let expected = bytes.contains { (byte: UInt8) in byte < 0x20 || byte == 0x22 || byte == 0x5C }
            XCTAssertEqual(JSONReader.holdsSpecialByte(word), expected, "\(bytes)")
        }
    }
}

/// A bundle's ops read as JSONDecoder read them, and what it refused is refused.
final class OpArrayReaderTests: XCTestCase {
    func testABundlesOpsReadAsJSONDecoderReadThem() throws {
        let store = try Fixtures.smallPlace()
        let ops = try store.allOps()
        XCTAssertGreaterThan(ops.count, 20)
        let data = try JSONEncoder().encode(ops)
        XCTAssertEqual(Op.array(fromJSON: data), ops)
        let pretty = JSONEncoder()
        pretty.outputFormatting = [.prettyPrinted, .sortedKeys]
        XCTAssertEqual(Op.array(fromJSON: try pretty.encode(ops)), ops)
        XCTAssertEqual(Op.array(fromJSON: Data("[]".utf8)), [])
    }

    func testWhatJSONDecoderRefusedIsRefused() throws {
        let good = #"{"id":"op-1","device_id":"device-a","author_id":null,"hlc":"0001-00000","entity":"place","entity_id":"place-a","field":"name","value":""A"","supersedes":null}"#
        let texts = [
            "[\(good)]", "[\(good),]", "[ \(good) , ]", "[ ]", "[\(good)] x", "{}", "[1]", "", "[\(good)",
            "[\(good.replacingOccurrences(of: #""id":"op-1","#, with: ""))]",
            "[\(good.replacingOccurrences(of: #""hlc":"0001-00000""#, with: #""hlc":null"#))]",
            "[\(good.replacingOccurrences(of: #""author_id":null"#, with: #""author_id":7"#))]",
            "[\(good.replacingOccurrences(of: #""supersedes":null"#, with: #""supersedes":null,"extra":[1,{"a":2}]"#))]",
            "[\(good.replacingOccurrences(of: #""supersedes":null"#, with: #""supersedes":"op-0","resolves":"["op-0"]""#))]",
        ]
        for text in texts {
            XCTAssertEqual(Op.array(fromJSON: Data(text.utf8)), try? JSONDecoder().decode([Op].self, from: Data(text.utf8)), text)
        }
    }
}

/// Ops carry what encoding a record to JSON text and reading it back gave;
/// the direct encoder must give exactly that, for every kind of record.
final class RecordCodingTests: XCTestCase {
    func testTheDirectEncoderMatchesJSONTextForEveryDemoRecord() throws {
        let files = try PlaceFiles(directory: SampleData.fifeDirectory)
        var checked = 0
        func check<Record: Encodable>(_ records: [Record], file: StaticString = #filePath, line: UInt = #line) throws {
            for record in records {
                XCTAssertEqual(try RecordCoding.jsonObject(record), try RecordCoding.jsonObjectThroughText(record),
                               "\(record)", file: file, line: line)
                checked += 1
            }
        }
        try check(files.places)
        try check(files.agencies)
        try check(files.needCategories)
        try check(files.members)
        try check(files.locations)
        try check(files.services)
        try check(files.residents)
        try check(files.cases)
        try check(files.needs)
        try check(files.referrals)
        try check(files.triageTargets)
        let plan = files.plan
        try check(plan.outcomes)
        try check(plan.indicators)
        try check(plan.values)
        try check(plan.scorecards)
        try check(plan.plans)
        try check(plan.priorities)
        try check(plan.actions)
        try check(plan.assessments)
        try check(plan.evidence)
        try check(plan.streams)
        try check(plan.allocations)
        try check(plan.learning)
        try check([Consent(id: "c", caseID: "k", agencyID: "a", basis: .publicTask, dataSharingAgreement: "ISP",
                           recordedByID: "m", recordedAt: Fixtures.start)])
        try check([ConsentOverride(referralID: "r", agencyID: "a", reason: "Urgent", basis: .vitalInterests,
                                   dataSharingAgreement: "ISP", byID: "m", at: Fixtures.start)])
        XCTAssertGreaterThan(checked, 10_000)
    }
}
