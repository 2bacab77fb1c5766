import Foundation
import PlaceDomain
@testable import PlaceReports
import PlaceStore
import TestSupport
import XCTest

/// The dashboard report of the demo's Levenmouth in every format.
final class DashboardReportTests: XCTestCase {
    static let now = Date(timeIntervalSince1970: 1_795_478_400)  // 2026-11-24T00:00Z

    func board(_ place: PlaceID = "place-levenmouth") throws -> Dashboard {
        let store = try Fixtures.sharedDemo()
        return try store.dashboard(of: place, tree: try store.placeTree(), now: Self.now)
    }

    func testTheHTMLIsOneSelfContainedFileWithAnSVGPerChart() throws {
        let board = try board()
        let html = try DashboardReport(board, suppress: true).render(.html)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("<style>"))
        for forbidden in ["<script", "<link", "<img", "src=", "@import", "url(http", "href=\"http"] {
            XCTAssertFalse(html.contains(forbidden), forbidden)
        }
        let svgs = html.components(separatedBy: "<svg ").count - 1
        XCTAssertEqual(svgs, HTMLReport(dashboard: board, figures: Figures(suppress: true)).chartCount)
        XCTAssertEqual(svgs, 7 + board.scorecard.count)
        XCTAssertGreaterThan(board.scorecard.count, 3)
        XCTAssertEqual(html.components(separatedBy: "</svg>").count - 1, svgs, "every chart is closed")
    }

    func testTheHTMLShowsTheNumbersOfTheJSONReport() throws {
        let board = try board()
        let json = try XCTUnwrap(JSONSerialization.jsonObject(
            with: Data(try DashboardReport(board, suppress: false).render(.json).utf8)) as? [String: Any])
        let html = try DashboardReport(board, suppress: false).render(.html)
        let awaiting = try XCTUnwrap(json["awaitingTriage"] as? Int)
        let overdue = try XCTUnwrap(json["overdueTriage"] as? Int)
        XCTAssertTrue(html.contains("<td>Awaiting triage</td><td class=\"n\">\(awaiting)</td>"), "awaiting \(awaiting)")
        XCTAssertTrue(html.contains("<td>Overdue against target</td><td class=\"n\">\(overdue)</td>"))
        for entry in try XCTUnwrap(json["openNeedsByCategory"] as? [[String: Any]]) {
            let count = try XCTUnwrap(entry["count"] as? Int)
            XCTAssertTrue(html.contains(">\(count)</text>"), "the bar for \(entry["label"] ?? "") is labelled \(count)")
        }
        let pot = try XCTUnwrap(json["pot"] as? [String: Int])
        XCTAssertTrue(html.contains("Allocated \(Money.text(pot["allocated"]!))"))
        XCTAssertTrue(html.contains("total \(Money.text(pot["total"]!))"))
        let opened = try XCTUnwrap(json["weeks"] as? [[String: Any]]).reduce(0) { $0 + ($1["opened"] as? Int ?? 0) }
        XCTAssertTrue(html.contains("Opened <b>\(opened)</b>"))
    }

    func testBoardFormatsSuppressSmallCountsAndJSONDoesNot() throws {
        let board = try board()
        let small = try XCTUnwrap(board.openNeedsByCategory.first { (1...4).contains($0.count) }, "Levenmouth has a small count")
        let markdown = try DashboardReport(board, suppress: true).render(.md)
        XCTAssertTrue(markdown.contains("| \(small.label) | <5 |"), markdown)
        XCTAssertTrue(markdown.contains("Counts of 1 to 4 are shown as <5."))
        let csv = try DashboardReport(board, suppress: true).render(.csv)
        XCTAssertTrue(csv.hasPrefix("section,figure,value\r\n"))
        XCTAssertTrue(csv.contains("Open needs by category,\(small.label),<5\r\n"), csv)
        let html = try DashboardReport(board, suppress: true).render(.html)
        XCTAssertFalse(html.contains(">\(small.count)</text>"), "a suppressed count is neither written nor drawn")
        let open = try DashboardReport(board, suppress: false).render(.md)
        XCTAssertTrue(open.contains("| \(small.label) | \(small.count) |"))
        let json = try DashboardReport(board, suppress: true).render(.json)
        XCTAssertFalse(json.contains("<5"))
        XCTAssertTrue(ReportFormat.html.suppressesByDefault && ReportFormat.md.suppressesByDefault)
        XCTAssertFalse(ReportFormat.json.suppressesByDefault || ReportFormat.text.suppressesByDefault)
    }

    func testTheJSONReportKeepsItsDocumentedKeys() throws {
        let json = try XCTUnwrap(JSONSerialization.jsonObject(
            with: Data(try DashboardReport(try board("place-fife"), suppress: false).render(.json).utf8)) as? [String: Any])
        XCTAssertEqual(Set(json.keys), [
            "place", "placeName", "asOf", "weeks", "routing", "referralsByState", "referralsByAgency", "declineRate",
            "declined", "answered", "bounced", "returnedNow", "openNeedsByCategory", "awaitingTriage", "overdueTriage",
            "prioritiesByRAG", "scorecard", "pot",
        ])
        let line = try XCTUnwrap((json["scorecard"] as? [[String: Any]])?.first)
        XCTAssertTrue(Set(["indicator", "name", "unit", "polarity", "period", "value", "complete", "target", "series"])
            .isSubset(of: line.keys))
    }

    func testCSVFieldsAreQuotedAndNeverFormulas() {
        XCTAssertEqual(DashboardReport.csvField("Money, debt"), "\"Money, debt\"")
        XCTAssertEqual(DashboardReport.csvField("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(DashboardReport.csvField("=SUM(A1)"), "'=SUM(A1)")
        XCTAssertEqual(DashboardReport.csvField("-£5"), "'-£5")
        // A line break, LF or CRLF (one Character in Swift), is quoted too.
        XCTAssertEqual(DashboardReport.csvField("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(DashboardReport.csvField("two\r\nlines"), "\"two\r\nlines\"")
        XCTAssertEqual(CSVField.quoted("plain"), "plain")
    }
}
