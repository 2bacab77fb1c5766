import Foundation
import PlaceDomain
import PlaceStore
import SampleData

/// Shared fixtures: a small synthetic place written through the real write
/// path, and the demo place built from `sample-data/`.
public enum Fixtures {
    public static let start = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21T14:13:20Z

    /// A fresh in-memory store with a fixed device, a stepping clock and seeded ids.
    public static func emptyStore(seed: UInt64 = 7) throws -> PlaceStore {
        let clock = SteppingClock(start: start)
        return try PlaceStore.inMemory(
            device: "device-test", clock: clock, idSource: UUIDv7Source(clock: clock, random: SeededRandom(seed: seed)))
    }

    /// A council with two areas, three communities, two agencies, two members and three services.
    public static let places: [Place] = [
        Place(id: "place-shire", name: "Testshire", kind: .council, parentID: nil, population: 3_000),
        Place(id: "place-north", name: "North", kind: .area, parentID: "place-shire", population: 1_800),
        Place(id: "place-south", name: "South", kind: .area, parentID: "place-shire", population: 1_200),
        Place(id: "place-alpha", name: "Alpha", kind: .community, parentID: "place-north", population: 1_000),
        Place(id: "place-beta", name: "Beta", kind: .community, parentID: "place-north", population: 800),
        Place(id: "place-gamma", name: "Gamma", kind: .community, parentID: "place-south", population: 1_200),
    ]

    public static let agencies: [Agency] = [
        Agency(id: "agency-council", name: "Testshire Council", kind: .council),
        Agency(id: "agency-advice", name: "Advice Trust", kind: .charity),
    ]

    public static let members: [Member] = [
        Member(id: "member-ann", name: "Ann Frontline", agencyID: "agency-council", role: .frontline,
               placeIDs: ["place-north"]),
        Member(id: "member-ben", name: "Ben Lead", agencyID: "agency-advice", role: .lead, placeIDs: ["place-shire"]),
    ]

    public static let categories: [NeedCategory] = NeedCategory.standardKeys.map {
        NeedCategory(id: $0, name: $0.rawValue.replacingOccurrences(of: "-", with: " ").capitalized, description: "")
    }

    public static let services: [Service] = [
        Service(id: "service-debt", name: "Debt Advice", agencyID: "agency-advice", needs: ["money-debt"],
                placeIDs: ["place-shire"], typicalWaitDays: 10),
        Service(id: "service-food", name: "Alpha Food Bank", agencyID: "agency-advice", needs: ["food"],
                placeIDs: ["place-alpha"], typicalWaitDays: 0),
        Service(id: "service-housing", name: "South Housing Support", agencyID: "agency-council",
                status: .temporarilyClosed, needs: ["housing"], placeIDs: ["place-south"]),
    ]

    /// The small place written into `store`, with one open case in Alpha awaiting triage.
    public static func populate(_ store: PlaceStore) throws {
        try populateTeam(store)
        try populateCase(store)
    }

    /// The places, agencies, need categories, members and services.
    public static func populateTeam(_ store: PlaceStore) throws {
        var changes: [Change] = []
        changes += try places.map(Change.create)
        changes += try agencies.map(Change.create)
        changes += try categories.map(Change.create)
        changes += try members.map(Change.create)
        changes += try services.map(Change.create)
        try store.write(by: "member-ann", changes)
    }

    /// Resident res-1 (Iona Testcase) with open case case-1 and its urgent food need.
    public static func populateCase(_ store: PlaceStore) throws {
        var changes: [Change] = []
        let resident = Resident(id: "res-1", givenName: "Iona", familyName: "Testcase", dateOfBirth: "1990-01-02",
                                postcode: "KY1 1ZZ", placeID: "place-alpha")
        let item = Case(id: "case-1", residentID: "res-1", placeID: "place-alpha", doorAgencyID: "agency-council",
                        doorMemberID: "member-ann", leadID: "member-ann", openedAt: start, summary: "Synthetic.")
        let need = Need(id: "need-1", caseID: "case-1", category: "food", urgency: .urgent, createdAt: start)
        changes += [try .create(resident), try .create(item), try .create(need)]
        try store.write(by: "member-ann", changes)
    }

    /// A populated in-memory store.
    public static func smallPlace() throws -> PlaceStore {
        let store = try emptyStore()
        try populate(store)
        return store
    }

    /// A new temporary folder, removed by the caller.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("thistle-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A file of `bytes` zero bytes at `url`, sparse: as large as a limit
    /// needs, with nothing written to the disk.
    @discardableResult
    public static func sparseFile(at url: URL, bytes: UInt64) throws -> String {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: bytes)
        try handle.close()
        return url.path
    }

    /// A fresh demo database of its own: a copy of one built once per test
    /// process, opened with the demo team's keys (as after a sign-in).
    public static func demoDatabase() throws -> (store: PlaceStore, directory: URL) {
        let template = try DemoTemplate.built.get()
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("demo.sqlite").path
        try FileManager.default.copyItem(atPath: template.path, toPath: path)
        let store = try PlaceStore.open(at: path)
        store.useKeys(template.keys)
        return (store, directory)
    }
}

extension Fixtures {
    /// One demo database per test process, built on first use and shared
    /// read-mostly by the tests that need the whole demo place.
    public static func sharedDemo() throws -> PlaceStore {
        try SharedDemo.store.get()
    }

    /// The demo team's keys (what a demo member's sign-in opens).
    public static func demoKeys() throws -> TeamKeyring {
        try DemoTemplate.built.get().keys
    }
}

extension Fixtures {
    /// The environment that hands this process's demo template to a child
    /// test process, which then copies it rather than building its own.
    public static func demoTemplateEnvironment() throws -> [String: String] {
        [DemoTemplate.variable: try DemoTemplate.built.get().path]
    }
}

/// The demo built once, closed (so it is one file), to be copied; or, in a
/// child test process, its parent's (`THISTLE_TEST_DEMO`), whose keys a demo
/// member's sign-in opens.
private enum DemoTemplate {
    static let variable = "THISTLE_TEST_DEMO"

    static let built: Result<(path: String, keys: TeamKeyring), any Error> = Result {
        if let parents = ProcessInfo.processInfo.environment[variable], !parents.isEmpty {
            let copy = try Fixtures.temporaryDirectory().appendingPathComponent("demo.sqlite").path
            try FileManager.default.copyItem(atPath: parents, toPath: copy)
            let store = try PlaceStore.open(at: copy)
            defer { try? store.close() }
            let member = try store.members(.first(1)).rows[0].id
            return (parents, try store.signIn(member, passphrase: DemoPlace.passphrase).keyring)
        }
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("demo.sqlite").path
        nonisolated(unsafe) var keys: TeamKeyring?
        try DemoPlace.build(at: path, from: SampleData.fifeDirectory, reset: false) { _, made in keys = made }
        return (path, keys!)
    }
}

private enum SharedDemo {
    static let store: Result<PlaceStore, any Error> = Result { try Fixtures.demoDatabase().store }
}
