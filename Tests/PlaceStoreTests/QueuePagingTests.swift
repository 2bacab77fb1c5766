import Foundation
import GRDB
import PlaceDomain
@testable import PlaceStore
import TestSupport
import XCTest

/// The triage queue read a page at a time by key, at the length a year of
/// Fife gives it: every row once, in order, at both ends and across pages.
final class QueuePagingTests: XCTestCase {
    static let length = 100_000

    /// A small place whose one open case has 100,000 more open needs (put
    /// straight into the table: this tests the reading, not the writing),
    /// with many needs logged in the same second so the id decides the order.
    func longQueue() throws -> (PlaceStore, QueueFilter) {
        let store = try Fixtures.smallPlace()
        try store.writer.write { db in
            try db.execute(sql: """
                WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < \(Self.length - 1))
                INSERT INTO main.need (id, case_id, category, urgency, state, returned, created_at)
                SELECT printf('need-p%06d', (i * 7919) % \(Self.length)), 'case-1', 'money-debt',
                       CASE i % 3 WHEN 0 THEN 'urgent' WHEN 1 THEN 'soon' ELSE 'routine' END, 'open', 0,
                       strftime('%Y-%m-%dT%H:%M:%SZ', 1700000000 + (i % 5000), 'unixepoch')
                FROM k
                """)
        }
        let ann = ActingMember(member: try XCTUnwrap(store.member("member-ann")), tree: try store.placeTree())
        return (store, QueueFilter(places: ann.servedPlaceIDs))
    }

    func testPagingForwardAndBackThroughAHundredThousandNeedsGivesEveryRowOnceInOrder() throws {
        let (store, filter) = try longQueue()
        let whole = try store.triageQueue(in: filter.places).compactMap(\.needID?.rawValue)
        XCTAssertEqual(whole.count, Self.length + 1)

        var forward: [QueuedNeed] = []
        var page = try store.triagePage(filter, .first(1_000))
        forward += page.rows
        while page.hasMore, let last = page.rows.last {
            page = try store.triagePage(filter, .after(last.key, 1_000))
            forward += page.rows
        }
        XCTAssertEqual(forward.map(\.need.id.rawValue), whole, "forward: every row once, in the queue's order")
        let keys = forward.map { [String($0.key.rank), $0.key.createdAt, $0.key.needID] }
        XCTAssertTrue(zip(keys, keys.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) },
                      "most urgent first, then oldest, then by id, strictly")

        var backward: [QueuedNeed] = []
        page = try store.triagePage(filter, .last(999))
        backward = page.rows + backward
        while page.hasMore, let first = page.rows.first {
            page = try store.triagePage(filter, .before(first.key, 999))
            backward = page.rows + backward
        }
        XCTAssertEqual(backward.map(\.need.id.rawValue), whole, "backward with an odd page size: the same rows")
    }

    func testTheEndsOfTheQueueHaveNoRowMissingAndNothingBeyond() throws {
        let (store, filter) = try longQueue()
        let whole = try store.triageQueue(in: filter.places).compactMap(\.needID?.rawValue)
        let first = try store.triagePage(filter, .first(100))
        XCTAssertEqual(first.rows.map(\.need.id.rawValue), Array(whole.prefix(100)))
        XCTAssertTrue(first.hasMore)
        let last = try store.triagePage(filter, .last(100))
        XCTAssertEqual(last.rows.map(\.need.id.rawValue), Array(whole.suffix(100)))
        XCTAssertTrue(last.hasMore, "there are rows before the last page")

        let afterEnd = try store.triagePage(filter, .after(try XCTUnwrap(last.rows.last).key, 100))
        XCTAssertEqual(afterEnd.rows, [])
        XCTAssertFalse(afterEnd.hasMore)
        let beforeStart = try store.triagePage(filter, .before(try XCTUnwrap(first.rows.first).key, 100))
        XCTAssertEqual(beforeStart.rows, [])
        XCTAssertFalse(beforeStart.hasMore)

        // One short of the end, and the page that exactly reaches it.
        let penultimate = try XCTUnwrap(last.rows.dropLast().last)
        let tail = try store.triagePage(filter, .after(penultimate.key, 1))
        XCTAssertEqual(tail.rows.map(\.need.id.rawValue), [try XCTUnwrap(whole.last)])
        XCTAssertFalse(tail.hasMore)
        let second = try store.triagePage(filter, .before(try XCTUnwrap(first.rows.dropFirst().first).key, 1))
        XCTAssertEqual(second.rows.map(\.need.id.rawValue), [try XCTUnwrap(whole.first)])
        XCTAssertFalse(second.hasMore)

        let tally = try store.triageTally(in: filter.places)
        XCTAssertEqual(tally.count(filter), Self.length + 1)
        XCTAssertEqual(tally.count(QueueFilter(places: filter.places, urgency: .soon)), Self.length / 3)
    }

    func testAPageIsReadFromTheQueueIndexNotSorted() throws {
        let (store, filter) = try longQueue()
        let (sql, arguments) = PlaceStore.triagePageSQL(filter, .after(QueueKey(rank: 1, createdAt: "2023", needID: "n"), 100))
        let plan = try store.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
        }.joined(separator: "\n")
        XCTAssertTrue(plan.contains("need_triage"), plan)
        XCTAssertFalse(plan.contains("TEMP B-TREE FOR ORDER BY"), plan)
    }
}
