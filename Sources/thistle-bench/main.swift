// thistle-bench: the in-process half of `make bench` (scripts/bench is the
// other half, which times whole processes and the real terminal). Each mode
// opens a database the member has signed in to (`thistle sign-in`), runs the
// workspace's own code on the headless backend, and prints one JSON object.
import Foundation
import PlaceDomain
import PlaceStore
import TerminalUI
import ThistleApp

/// Drives the workspace as the runtime does, with effects performed at once,
/// timing a key's update, view and diff apart from the page reads it asks for.
final class Workspace {
    private(set) var state: AppState
    let effects: StoreEffects
    let backend: HeadlessBackend

    init(store: PlaceStore, member: Member, size: Size, opening: Command) {
        state = AppState(size: size, member: member, needsSignIn: true, signedIn: true, opening: opening)
        effects = StoreEffects(store: store)
        backend = HeadlessBackend(size: size)
        perform(state.start())
        frame()
    }

    /// Performs effects and the messages they give, as the runtime's effect queue would.
    func perform(_ pending: [Effect]) {
        for effect in pending {
            if let message = effects.perform(effect) { perform(state.update(message)) }
        }
    }

    func frame() {
        var canvas = Canvas(size: state.size)
        state.view(into: &canvas)
        backend.present(canvas)
    }

    /// Presses `key`: nanoseconds from the key to its frame on screen, and
    /// for the page the key asked for (if it asked), from reading it to the frame showing it.
    func press(_ key: Key) -> (frame: UInt64, read: UInt64?) {
        let start = DispatchTime.now().uptimeNanoseconds
        let pending = state.update(.key(key))
        frame()
        let framed = DispatchTime.now().uptimeNanoseconds
        guard !pending.isEmpty else { return (framed - start, nil) }
        perform(pending)
        frame()
        return (framed - start, DispatchTime.now().uptimeNanoseconds - framed)
    }

    var queue: TriageQueueScreen? {
        if case .triageQueue(let screen)? = state.stack.last { return screen }
        return nil
    }
}

struct Options {
    var mode = ""
    var database = ""
    var member = ""
    var width = 80
    var height = 24

    init(_ arguments: [String]) throws {
        var rest = arguments.makeIterator()
        guard let mode = rest.next() else { throw Usage() }
        self.mode = mode
        while let flag = rest.next() {
            guard let value = rest.next() else { throw Usage() }
            switch flag {
            case "--db": database = value
            case "--as": member = value
            case "--size":
                let parts = value.split(separator: "x").compactMap { Int($0) }
                guard parts.count == 2 else { throw Usage() }
                (width, height) = (parts[0], parts[1])
            default: throw Usage()
            }
        }
        guard !database.isEmpty, !member.isEmpty else { throw Usage() }
    }
}

struct Usage: Error, CustomStringConvertible {
    var description: String {
        "usage: thistle-bench frame|keys|search|dashboard --db PATH --as MEMBER [--size 80x24]\n"
            + "  (sign in first: thistle sign-in --db PATH --as MEMBER)"
    }
}

struct Failure: Error, CustomStringConvertible {
    let description: String
}

/// Opens the store with the member's kept sign-in, as the command line does.
func openSignedIn(_ options: Options) throws -> (PlaceStore, Member) {
    let store = try PlaceStore.open(at: options.database)
    guard let (memberID, keyring) = SessionFolder.fromEnvironment()?.session(for: store.path, member: MemberID(options.member)),
        let member = try store.member(memberID)
    else { throw Failure(description: "no sign-in kept for \(options.member): run `thistle sign-in` first") }
    try store.unlock(SignedIn(member: member, keyring: keyring))
    return (store, member)
}

func milliseconds(_ nanoseconds: UInt64) -> Double { Double(nanoseconds) / 1_000_000 }

func time<T>(_ work: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try work()
    return (result, milliseconds(DispatchTime.now().uptimeNanoseconds - start))
}

/// p50, p99 and the largest, in milliseconds.
func summary(_ samples: [UInt64]) -> [String: Double] {
    guard !samples.isEmpty else { return [:] }
    let sorted = samples.sorted()
    let at = { (fraction: Double) in milliseconds(sorted[Int((Double(sorted.count - 1) * fraction).rounded())]) }
    return ["p50": at(0.5), "p99": at(0.99), "max": milliseconds(sorted.last!), "count": Double(sorted.count)]
}

/// The process's peak resident set, in MB (VmHWM).
func peakRSS() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kilobytes / 1024
}

func emit(_ object: [String: Any]) throws {
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

/// The first full frame of the triage queue (the process's own view of it;
/// scripts/bench times the whole process from outside).
func firstFrame(_ options: Options) throws {
    let (workspace, elapsed) = try time {
        let (store, member) = try openSignedIn(options)
        return Workspace(store: store, member: member, size: Size(width: options.width, height: options.height),
                         opening: .goTriage)
    }
    guard let queue = workspace.queue, queue.list.loaded else { throw Failure(description: "the queue did not load") }
    try emit(["mode": "frame", "ms": elapsed, "rows": queue.list.total])
}

/// Key to frame on the triage queue: moving, paging, jumping to the ends,
/// then paging through the whole queue; and the peak RSS after it.
func keys(_ options: Options) throws {
    let (store, member) = try openSignedIn(options)
    let workspace = Workspace(store: store, member: member, size: Size(width: options.width, height: options.height),
                              opening: .goTriage)
    guard let total = workspace.queue?.list.total, total > 0 else { throw Failure(description: "the queue is empty") }
    var frames: [String: [UInt64]] = [:]
    var reads: [UInt64] = []
    func run(_ name: String, _ key: Key, times: Int) {
        for _ in 0..<times {
            let (frame, read) = workspace.press(key)
            frames[name, default: []].append(frame)
            if let read { reads.append(read) }
        }
    }
    run("down", .down, times: 3_000)
    run("up", .up, times: 1_000)
    run("page down", .pageDown, times: 1_000)
    run("page up", .pageUp, times: 500)
    for _ in 0..<50 {
        run("end", .end, times: 1)
        run("home", .home, times: 1)
    }
    // The whole queue, a page at a time.
    var pages = 0
    while let queue = workspace.queue, queue.list.position < queue.list.total, pages < 50_000 {
        run("whole queue", .pageDown, times: 1)
        pages += 1
    }
    let all = frames.values.flatMap { $0 }
    try emit([
        "mode": "keys", "rows": total, "reachedEnd": workspace.queue?.list.position == total,
        "keyToFrame": summary(all), "byKey": frames.mapValues(summary), "pageRead": summary(reads),
        "peakRSSMB": peakRSS(),
    ])
}

/// Resident search as the log-a-case screen runs it, and opening a case.
func search(_ options: Options) throws {
    let (store, member) = try openSignedIn(options)
    let effects = StoreEffects(store: store)
    let (_, warm) = time { _ = effects.perform(.searchResidents("Ham", by: member.id)) }
    var results: [String: Any] = ["mode": "search", "firstSearchMs": warm]
    for text in ["Hamilton", "KY8", "Mac", "zzzz"] {
        var samples: [UInt64] = []
        var found = 0
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            if case .residentsFound(_, let residents)? = effects.perform(.searchResidents(text, by: member.id)) {
                found = residents.count
            }
            samples.append(DispatchTime.now().uptimeNanoseconds - start)
        }
        results["resident \(text)"] = summary(samples).merging(["found": Double(found)]) { $1 }
    }
    guard let caseID = try store.casesLed(by: member.id, now: Date()).first?.caseID
        ?? store.triagePage(QueueFilter(places: ActingMember(member: member, tree: store.placeTree()).servedPlaceIDs),
                            .first(1)).rows.first?.need.caseID
    else { throw Failure(description: "no case to open") }
    var samples: [UInt64] = []
    for _ in 0..<11 {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = effects.perform(.loadCase(caseID, by: member.id))
        samples.append(DispatchTime.now().uptimeNanoseconds - start)
    }
    results["open case"] = summary(samples)
    try emit(results)
}

/// The place board (dashboard, plan, pot) of the whole council area and of one area.
func dashboard(_ options: Options) throws {
    let (store, _) = try openSignedIn(options)
    let effects = StoreEffects(store: store)
    let tree = try store.placeTree()
    guard let root = tree.roots.first, let area = tree.children(of: root).first?.id
        ?? tree.subtree(of: root).dropFirst().first
    else { throw Failure(description: "the place has no areas") }
    var results: [String: Any] = ["mode": "dashboard"]
    for (name, place) in [("whole", root), ("area", area)] {
        var samples: [UInt64] = []
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            guard case .boardLoaded? = effects.perform(.loadBoard(place)) else {
                throw Failure(description: "the board of \(place) did not load")
            }
            samples.append(DispatchTime.now().uptimeNanoseconds - start)
        }
        results[name] = summary(samples)
        results["\(name)Place"] = place.rawValue
    }
    try emit(results)
}

do {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    switch options.mode {
    case "frame": try firstFrame(options)
    case "keys": try keys(options)
    case "search": try search(options)
    case "dashboard": try dashboard(options)
    default: throw Usage()
    }
} catch {
    FileHandle.standardError.write(Data("thistle-bench: \(error)\n".utf8))
    exit(error is Usage ? 64 : 1)
}
