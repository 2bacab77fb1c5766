import Foundation
import GRDB
import PlaceDomain
@testable import PlaceStore
import TerminalUI
import TestSupport
@testable import ThistleApp
import XCTest

/// The monkey (docs/RELIABILITY.md): random keys, text, clicks, the wheel and resizes (1×1 to
/// 300×100) on the headless backend over a real demo database, from the
/// member picker through every screen, form and dialog it can reach. After
/// every event the screen is drawn and the domain must hold: no need lost,
/// no closed case with an open need, every referral on a need of its case.
///
/// The events run in a child process (this test binary, running
/// `testEventsInAChildProcess`), so a crash is caught like a broken rule:
/// either is shrunk, each try in a fresh child, to a short sequence of
/// events, printed with how to replay it.
///
/// `make test` runs 2,000 events; `make reliability` 100,000
/// (`THISTLE_MONKEY_EVENTS`; `THISTLE_MONKEY_SEED` replays a run,
/// `THISTLE_MONKEY_KEEP` only the events it lists).
final class MonkeyTests: DemoTestCase {
    func testRandomKeysOnEveryScreenNeverBreakTheDomain() throws {
        let environment = ProcessInfo.processInfo.environment
        let plan = MonkeyPlan(count: Int(environment["THISTLE_MONKEY_EVENTS"] ?? "") ?? 2_000,
                              seed: UInt64(environment["THISTLE_MONKEY_SEED"] ?? "") ?? 24)
        let outcome = try plan.runInAChild()
        print(outcome.output, terminator: "")
        switch outcome.result {
        case .passed(let screens):
            XCTAssertGreaterThan(screens, 4, "the monkey got past the first screens")
        case .failed(let index, let what):
            let shortest = try plan.shrink(Array(0...index))
            XCTFail("""
                after event \(index + 1) of seed \(plan.seed): \(what)
                shortest sequence that fails (\(shortest.count) events): \(plan.describe(shortest))
                replay: THISTLE_MONKEY_SEED=\(plan.seed) THISTLE_MONKEY_EVENTS=\(plan.count) \
                THISTLE_MONKEY_KEEP=\(shortest.map(String.init).joined(separator: ",")) \
                swift test --filter MonkeyTests/testRandomKeysOnEveryScreenNeverBreakTheDomain
                """)
        }
    }

    /// The monkey's own check: a crash planted in the child (on the first
    /// Escape after the text "Hamilton") kills it, and is shrunk to exactly
    /// those two events.
    func testACrashIsCaughtAndShrunkToTheEventsThatCauseIt() throws {
        // A seed whose crash comes early, so that the shrinking is short.
        let plan = try XCTUnwrap((1...5_000).lazy.map { MonkeyPlan(count: 60, seed: $0, planted: true) }
            .first { $0.plantedCrash(in: Array(0..<$0.count)) != nil })
        let outcome = try plan.runInAChild()
        guard case .failed(let index, let what) = outcome.result else { return XCTFail("the planted crash was missed") }
        XCTAssertEqual(index, plan.plantedCrash(in: Array(0..<plan.count)), "the crashing event is named")
        XCTAssertTrue(what.hasPrefix("crashed (signal"), what)
        let shortest = try plan.shrink(Array(0...index))
        XCTAssertEqual(plan.describe(shortest), "\"Hamilton\" Esc")
    }

    /// What the child process does (`THISTLE_MONKEY_CHILD` is set by `MonkeyPlan.runInAChild`).
    func testEventsInAChildProcess() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let progress = environment["THISTLE_MONKEY_CHILD"] else {
            throw XCTSkip("run in a child process by the monkey's other tests")
        }
        let plan = MonkeyPlan(count: Int(environment["THISTLE_MONKEY_EVENTS"] ?? "") ?? 0,
                              seed: UInt64(environment["THISTLE_MONKEY_SEED"] ?? "") ?? 0,
                              planted: environment["THISTLE_MONKEY_PLANTED"] == "1")
        let listed = (environment["THISTLE_MONKEY_KEEP"] ?? "").split(separator: ",").compactMap { Int($0) }
        let kept = listed.isEmpty ? Array(0..<plan.count) : listed.filter { (0..<plan.count).contains($0) }
        let events = plan.events
        let at = try FileHandle(forWritingTo: URL(fileURLWithPath: progress))
        let store = try freshDemo()
        let opsBefore = try MonkeyRun.count("SELECT COUNT(*) FROM op", in: store)
        var run = try MonkeyRun(store: store)
        let started = Date()
        for (step, index) in kept.enumerated() {
            // Where a crash happened, for the parent.
            try at.seek(toOffset: 0)
            let digits = String(index)
            try at.write(contentsOf: Data((String(repeating: " ", count: 12 - digits.count) + digits).utf8))
            if plan.plantedCrash(in: Array(kept[...step])) == index { fatalError("the monkey's planted crash") }
            if let broken = try run.apply(events[index]) {
                return print("\(MonkeyPlan.resultMark) broken \(index) \(broken)")
            }
            if (step + 1) % 10_000 == 0 {
                print("monkey: \(step + 1) of \(kept.count) events, \(Int(Date().timeIntervalSince(started))) s")
            }
        }
        let writes = try MonkeyRun.count("SELECT COUNT(*) FROM op", in: store) - opsBefore
        print("monkey: \(kept.count) events (seed \(plan.seed)), \(writes) ops written, \(run.restarts) restarts, "
              + "screens visited: " + run.visited.sorted().joined(separator: ", "))
        print("\(MonkeyPlan.resultMark) passed \(run.visited.count)")
    }
}

/// A monkey run: `count` events from `seed`, run in a child process.
struct MonkeyPlan {
    let count: Int
    let seed: UInt64
    /// Whether the child crashes on purpose (the monkey's own test).
    var planted = false

    static let resultMark = "monkey-result:"

    enum Result {
        case passed(screens: Int)
        case failed(index: Int, String)
    }

    var events: [MonkeyEvent] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in MonkeyEvent.random(using: &random) }
    }

    func describe(_ kept: [Int]) -> String {
        let events = self.events
        return kept.map { events[$0].description }.joined(separator: " ")
    }

    /// Where the planted crash fires among `kept`: the first Escape after the text "Hamilton".
    func plantedCrash(in kept: [Int]) -> Int? {
        guard planted else { return nil }
        let events = self.events
        guard let hamilton = kept.firstIndex(where: { if case .text("Hamilton") = events[$0] { true } else { false } })
        else { return nil }
        return kept[hamilton...].first { if case .key(.escape) = events[$0] { true } else { false } }
    }

    /// Runs the events listed in `kept` (all when nil) in a child process.
    func runInAChild(keeping kept: [Int]? = nil, backtrace: Bool = true) throws -> (result: Result, output: String) {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let progress = folder.appendingPathComponent("at").path
        FileManager.default.createFile(atPath: progress, contents: nil)
        var environment = try Fixtures.demoTemplateEnvironment().merging([
            "THISTLE_MONKEY_CHILD": progress, "THISTLE_MONKEY_SEED": "\(seed)", "THISTLE_MONKEY_EVENTS": "\(count)",
            "THISTLE_MONKEY_PLANTED": planted ? "1" : "0",
            "THISTLE_MONKEY_KEEP": kept.map { $0.map(String.init).joined(separator: ",") } ?? "",
        ]) { $1 }
        if kept == nil, let replay = ProcessInfo.processInfo.environment["THISTLE_MONKEY_KEEP"], !replay.isEmpty {
            environment["THISTLE_MONKEY_KEEP"] = replay
        }
        if !backtrace { environment["SWIFT_BACKTRACE"] = "enable=no" }
        let child = try ChildProcess.run(CommandLine.arguments[0], ["ThistleAppTests.MonkeyTests/testEventsInAChildProcess"],
                                         environment: environment)
        let lines = child.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let output = lines.filter { $0.hasPrefix("monkey: ") }.joined(separator: "\n") + "\n"
        if child.signalled {
            let written = String(decoding: FileManager.default.contents(atPath: progress) ?? Data(), as: UTF8.self)
            let at = Int(written.trimmingCharacters(in: .whitespaces)) ?? 0
            return (.failed(index: at, "crashed (signal \(child.status))\n\(child.stderr.suffix(4_000))"), output)
        }
        guard let result = lines.last(where: { $0.hasPrefix(Self.resultMark) })?.split(separator: " ", maxSplits: 3) else {
            return (.failed(index: count - 1, "the child ended (status \(child.status)) without a result:\n"
                            + "\(child.stdout.suffix(4_000))\n\(child.stderr.suffix(4_000))"), output)
        }
        if result[1] == "passed" { return (.passed(screens: Int(result[2]) ?? 0), output) }
        return (.failed(index: Int(result[2]) ?? 0, result.count > 3 ? String(result[3]) : ""), output)
    }

    /// The shortest list of events found that still fails, each try in a fresh child.
    func shrink(_ events: [Int]) throws -> [Int] {
        func fails(_ candidate: [Int]) throws -> Bool {
            if case .failed = try runInAChild(keeping: candidate, backtrace: false).result { return true }
            return false
        }
        var current = events
        var chunk = max(1, current.count / 2)
        while chunk >= 1 {
            var start = 0
            var removed = false
            while start < current.count {
                let candidate = Array(current[..<start] + current[min(current.count, start + chunk)...])
                if !candidate.isEmpty, try fails(candidate) {
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
    case mouse(MouseEvent)

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
        case 95..<97:
            let kind = pick([MouseEvent.Kind.click, .click, .wheelUp, .wheelDown])
            return .mouse(MouseEvent(kind, x: Int.random(in: 0..<120, using: &random), y: Int.random(in: 0..<40, using: &random)))
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
        case .mouse(let event): "\(event.kind)@\(event.x),\(event.y)"
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
        case .mouse(let event): driver.receive(.mouse(event))
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
