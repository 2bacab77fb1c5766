import Foundation
import GRDB
import PlaceDomain
@testable import PlaceStore
import TerminalUI
import TestSupport
@testable import ThistleApp
import XCTest

/// The monkey (docs/RELIABILITY.md): random keys, text and resizes (1×1 to
/// 300×100) on the headless backend over a real demo database, from the
/// member picker through every screen, form and dialog it can reach. After
/// every event the screen is drawn and the domain must hold: no need lost,
/// no closed case with an open need, every referral on a need of its case.
/// A failure is shrunk to a short key sequence and printed.
///
/// `make test` runs 2,000 events; `make reliability` 100,000
/// (`THISTLE_MONKEY_EVENTS`; `THISTLE_MONKEY_SEED` replays a run).
final class MonkeyTests: DemoTestCase {
    func testRandomKeysOnEveryScreenNeverBreakTheDomain() throws {
        let environment = ProcessInfo.processInfo.environment
        let count = Int(environment["THISTLE_MONKEY_EVENTS"] ?? "") ?? 2_000
        let seed = UInt64(environment["THISTLE_MONKEY_SEED"] ?? "") ?? 24
        var random = SeededRandom(seed: seed)
        let events = (0..<count).map { _ in MonkeyEvent.random(using: &random) }

        let store = try freshDemo()
        let opsBefore = try MonkeyRun.count("SELECT COUNT(*) FROM op", in: store)
        var run = try MonkeyRun(store: store)
        let started = Date()
        for (index, event) in events.enumerated() {
            if (index + 1) % 10_000 == 0 {
                print("monkey: \(index + 1) of \(count) events, \(Int(Date().timeIntervalSince(started))) s")
            }
            if let broken = try run.apply(event) {
                let shortest = try shrink(Array(events[...index]))
                XCTFail("""
                    after event \(index + 1) of seed \(seed): \(broken)
                    shortest sequence that breaks it (\(shortest.count) events): \
                    \(shortest.map(\.description).joined(separator: " "))
                    """)
                return
            }
        }
        let writes = try MonkeyRun.count("SELECT COUNT(*) FROM op", in: store) - opsBefore
        print("monkey: \(count) events (seed \(seed)), \(writes) ops written, \(run.restarts) restarts, screens visited: "
              + run.visited.sorted().joined(separator: ", "))
        XCTAssertGreaterThan(run.visited.count, 4, "the monkey got past the first screens")
    }

    /// The shortest sequence found that still breaks the domain, each try on a fresh demo.
    private func shrink(_ events: [MonkeyEvent]) throws -> [MonkeyEvent] {
        func breaks(_ candidate: [MonkeyEvent]) throws -> Bool {
            var run = try MonkeyRun(store: try freshDemo())
            for event in candidate where try run.apply(event) != nil { return true }
            return false
        }
        var current = events
        var chunk = max(1, current.count / 2)
        while chunk >= 1 {
            var start = 0
            var removed = false
            while start < current.count {
                let candidate = Array(current[..<start] + current[min(current.count, start + chunk)...])
                if !candidate.isEmpty, try breaks(candidate) {
                    current = candidate
                    removed = true
                } else {
                    start += chunk
                }
            }
            if !removed { chunk /= 2 }
        }
        return current
    }
}

/// One thing the monkey does.
enum MonkeyEvent: CustomStringConvertible {
    case key(Key)
    case text(String)
    case resize(Int, Int)

    static let navigation: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .tab, .backTab]
    static let editing: [Key] = [.backspace, .delete, .insert]
    /// Single keys (`q`, which quits from Home, is rarer: see `random`).
    static let characters = Array("abcdefghijklmnoprstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ?/:+-.,'\"#")
    /// What a user types into a field, bad input included.
    static let words = [
        "Rent arrears", "Hamilton", "KY8", "Mac", "2025-02-30", "1900-01-01", "2026-11-23", "-5", "0", "12", "  ",
        "Needs a food parcel today", String(repeating: "long note ", count: 300), "Ünïcödé", "مرحبا بكم", "😀😀",
        "'; DROP TABLE need;--", "%s%n", "\\",
    ]
    /// Text a user might paste: accents, right-to-left, emoji, SQL-looking, control-free.
    static let unusual = Array("éÅßøΩ—“”…مرحبا👩🏽‍⚕️🏴󠁧󠁢󠁳󠁣󠁴󠁿'; DROP TABLE need;--")

    static func random(using random: inout SeededRandom) -> MonkeyEvent {
        func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<30: return .key(pick(navigation))
        case 30..<44: return .key(.enter)
        case 44..<50: return .key(.escape)
        case 50..<73: return .key(.character(pick(characters)))
        case 73..<74: return .key(.character("q"))
        case 74..<82: return .text(pick(words))
        case 82..<86: return .key(.character(pick(unusual)))
        case 86..<91: return .key(pick(editing))
        case 91..<94: return .key(.ctrl(pick(Array("abcdefghijklmnopqrstuvwxyz"))))
        case 94..<95: return .key(.function(Int.random(in: 1...12, using: &random)))
        default:
            // Mostly usable sizes, sometimes tiny or huge.
            if Int.random(in: 0..<4, using: &random) == 0 {
                return .resize(Int.random(in: 1...300, using: &random), Int.random(in: 1...100, using: &random))
            }
            return .resize(Int.random(in: 60...160, using: &random), Int.random(in: 20...50, using: &random))
        }
    }

    var description: String {
        switch self {
        case .key(let key): key.displayName
        case .text(let text): "\"\(text.count > 20 ? text.prefix(20) + "…" : text)\""
        case .resize(let width, let height): "[\(width)x\(height)]"
        }
    }
}

/// The app on one database: applies events, restarts it when the monkey quits, checks the domain.
struct MonkeyRun {
    let store: PlaceStore
    var driver: AppDriver
    var needs: Int
    var restarts = 0
    var visited: Set<String> = []

    init(store: PlaceStore) throws {
        self.store = store
        driver = AppDriver(store: store, member: nil)
        needs = try Self.count("SELECT COUNT(*) FROM main.need", in: store)
    }

    /// Applies the event, draws the screen and returns what broke, if anything.
    mutating func apply(_ event: MonkeyEvent) throws -> String? {
        switch event {
        case .key(let key): driver.press(key)
        case .text(let text): driver.type(text)
        case .resize(let width, let height): driver.resize(width, height)
        }
        _ = driver.screen
        // The case names alone (describing a whole screen would print every row it holds).
        if let top = driver.state.stack.last, let name = Mirror(reflecting: top).children.first?.label {
            visited.insert(name)
        }
        if let overlay = driver.state.overlay, let name = Mirror(reflecting: overlay).children.first?.label {
            visited.insert("overlay " + name)
        }
        if driver.state.isQuitting {
            restarts += 1
            driver = AppDriver(store: store, member: nil)
        }
        let now = try Self.count("SELECT COUNT(*) FROM main.need", in: store)
        if now < needs { return "a need was lost (\(needs) before, \(now) after)" }
        needs = now
        for (problem, sql) in Self.invariants where try Self.count(sql, in: store) > 0 {
            return problem
        }
        return nil
    }

    static let invariants = [
        ("a closed case has an open need", """
            SELECT COUNT(*) FROM main.case_file c JOIN main.need n ON n.case_id = c.id
            WHERE c.status = 'closed' AND n.state IN ('open', 'routed')
            """),
        ("a referral points at a need that is not on its case", """
            SELECT COUNT(*) FROM main.referral r
            WHERE NOT EXISTS (SELECT 1 FROM main.need n WHERE n.id = r.need_id AND n.case_id = r.case_id)
            """),
    ]

    static func count(_ sql: String, in store: PlaceStore) throws -> Int {
        try store.writer.read { try Int.fetchOne($0, sql: sql) ?? 0 }
    }
}
