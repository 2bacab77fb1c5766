import Foundation
import PlaceDomain
@testable import PlaceStore
import PlaceSync
import PropertyBased
import TestSupport
import Testing

/// Properties of sync over three to five laptops that edit offline at
/// random — concurrent edits of the same fields, a case closed on one
/// laptop while a need is added on another — and exchange bundles in
/// random partitions and orders, then all meet.
@Suite struct SyncProperties {
    /// A scenario: how many laptops, and a list of steps each drawn as a number.
    static let laptopCounts = Gen.int(in: 3...5)
    static let steps = Gen.int(in: 0...9_999_999).array(of: 6...30)

    @Test func devicesThatHaveExchangedEverythingHoldTheSameState() async throws {
        await propertyCheck(count: 12, input: Self.laptopCounts, Self.steps) { count, steps in
            let laptops = try Laptops.play(count: count, steps: steps)
            let digest = try laptops.devices[0].store.stateDigest()
            let dump = try laptops.devices[0].store.contentDump()
            let conflicts = try laptops.devices[0].store.conflicts()
            #expect(try laptops.devices[0].store.tallyDrift() == [], "the dashboard's tallies hold through every merge")
            for (store, _) in laptops.devices.dropFirst() {
                #expect(try store.stateDigest() == digest)
                #expect(try store.contentDump() == dump)
                #expect(try store.conflicts() == conflicts)
            }
        }
    }

    @Test func importingABundleAgainChangesNothing() async throws {
        await propertyCheck(count: 12, input: Self.laptopCounts, Self.steps) { count, steps in
            let laptops = try Laptops.play(count: count, steps: steps, meetAtTheEnd: false)
            for (index, (store, _)) in laptops.devices.enumerated() {
                let peer = (index + 1) % laptops.devices.count
                let bundle = try laptops.devices[peer].team.exportBundle(from: laptops.devices[peer].store).data
                _ = try laptops.devices[index].team.importBundle(bundle, into: store)
                let digest = try store.stateDigest(), ops = try store.logCounts().ops
                let again = try laptops.devices[index].team.importBundle(bundle, into: store)
                #expect(again.new == 0)
                #expect(again.newConflicts.isEmpty)
                #expect(try store.stateDigest() == digest)
                #expect(try store.logCounts().ops == ops)
            }
        }
    }

    /// Every value a laptop wrote that no later edit overwrote is either
    /// the one shown or a value of an open conflict; and no case shows
    /// closed with a live need (rule 4), the closing being in a conflict instead.
    @Test func noUpdateIsLostAndTheRulesHold() async throws {
        await propertyCheck(count: 12, input: Self.laptopCounts, Self.steps) { count, steps in
            let laptops = try Laptops.play(count: count, steps: steps)
            let store = laptops.devices[0].store
            let ops = try store.allOps()
            // Overwritten: by a later edit of the field, or by a delete that saw it.
            var overwritten = Set(ops.compactMap(\.supersedes))
            for delete in ops where delete.isDelete { overwritten.formUnion(delete.resolvedIDs) }
            let conflicts = try store.conflicts()
            let inConflict = Set(conflicts.flatMap { $0.values.map(\.opID) })
            for op in ops where op.entity == "place" && op.field != Op.wholeRecord && !overwritten.contains(op.id) {
                guard let place = try store.place(PlaceID(op.entityID)) else {
                    Issue.record("\(op.entityID).\(op.field) = \(op.value) from \(op.deviceID) was lost with its record")
                    continue
                }
                let shown: JSONValue = op.field == "name" ? .string(place.name) : .int(Int64(place.population))
                #expect(JSONValue(jsonText: op.value) == shown || inConflict.contains(op.id),
                        "\(op.entityID).\(op.field) = \(op.value) from \(op.deviceID) is neither shown nor in a conflict")
            }
            let file = try #require(try store.caseFile("case-1"))
            let live = file.needs.contains { $0.state == .open || $0.state == .routed }
            #expect(!(file.case.status == .closed && live), "a closed case with a live need")
            let lastStatus = ops.filter { $0.entityID == "case-1" && $0.field == "status" }.max { ($0.hlc, $0.deviceID.rawValue) < ($1.hlc, $1.deviceID.rawValue) }
            if lastStatus?.value == "\"closed\"" && file.case.status == .open {
                #expect(conflicts.contains { $0.id == "case/case-1/status" }, "a reopened case carries its conflict")
            }
        }
    }

    @Test func rebuildingFromTheLogGivesTheMergedState() async throws {
        await propertyCheck(count: 12, input: Self.laptopCounts, Self.steps) { count, steps in
            let laptops = try Laptops.play(count: count, steps: steps, meetAtTheEnd: false)
            for (store, _) in laptops.devices {
                let incremental = try store.contentDump()
                #expect(try store.tallyDrift() == [])
                try store.rebuildFromOpLog()
                #expect(try store.contentDump() == incremental)
                #expect(try store.tallyDrift() == [], "a rebuild keeps the tallies too")
            }
        }
    }

    /// However the wall clock moves — stalls, jumps back by hours — and
    /// whatever remote times arrive, each timestamp is later than the last
    /// and than every remote one seen.
    @Test func theHybridClockOnlyMovesForward() async {
        let moves = zip(Gen.int(in: -7_200_000...5_000), Gen.bool, Gen.int(in: -10_000...10_000)).array(of: 1...200)
        await propertyCheck(count: 200, input: moves) { moves in
            var clock = HybridLogicalClock()
            var wall: Int64 = 1_790_000_000_000
            var previous = HLCTimestamp.zero
            for (step, remote, remoteOffset) in moves {
                wall += Int64(step)
                let now = Date(timeIntervalSince1970: Double(wall) / 1000)
                if remote {
                    let seen = HLCTimestamp(millis: wall + Int64(remoteOffset), counter: abs(remoteOffset) % 7)
                    clock.receive(seen, now: now)
                    #expect(clock.last > seen)
                } else {
                    _ = clock.tick(now: now)
                }
                #expect(clock.last > previous)
                #expect(HLCTimestamp(clock.last.description) == clock.last, "the text form keeps the order")
                previous = clock.last
            }
        }
    }

    /// A laptop whose clock is set back by a day keeps writing ops that sort after its earlier ones.
    @Test func opsWrittenAfterTheClockJumpsBackSortAfterEarlierOnes() throws {
        let clock = AdjustableClock(Fixtures.start)
        let store = try PlaceStore.inMemory(device: "device-a", clock: clock,
                                            idSource: UUIDv7Source(clock: clock, random: SeededRandom(seed: 3)))
        try Fixtures.populate(store)
        let before = try store.allOps().map(\.hlc).max()!
        clock.current = Fixtures.start.addingTimeInterval(-86_400)
        try store.write(by: "member-ann", [.set(Place.self, id: "place-alpha", "population", to: .int(1_010))])
        let after = try store.allOps().last { $0.field == "population" }!.hlc
        #expect(after > before)
    }
}

/// A wall clock a test sets by hand.
final class AdjustableClock: WallClock, @unchecked Sendable {
    var current: Date
    init(_ current: Date) { self.current = current }
    func now() -> Date { current }
}

/// Laptops of one team for a property run, in a temporary folder removed when they go.
final class Laptops {
    let folder: URL
    var devices: [(store: PlaceStore, team: TeamMembership)] = []
    private var needs = 0

    private init(count: Int) throws {
        folder = try Fixtures.temporaryDirectory()
        let first = try PlaceStore.open(at: folder.appendingPathComponent("0.sqlite").path, create: true, device: "device-0")
        try Fixtures.populate(first)
        let team = try TeamMembership.create(in: first, keys: teamKeys, deviceName: "Laptop 0")
        devices.append((first, team))
        for index in 1..<count {
            let invite = try team.invite(from: first, deviceName: "Laptop \(index)")
            let store = try TeamMembership.join(invite: invite, at: folder.appendingPathComponent("\(index).sqlite").path)
            devices.append((store, try TeamMembership.of(store, keys: teamKeys)))
        }
        // Every laptop starts from the first one's place.
        for index in 1..<count { try exchange(from: 0, to: index) }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Plays the steps, then (unless told not to) lets every laptop exchange with every other, twice round.
    static func play(count: Int, steps: [Int], meetAtTheEnd: Bool = true) throws -> Laptops {
        let laptops = try Laptops(count: count)
        for step in steps { try laptops.play(step) }
        if meetAtTheEnd {
            for _ in 0..<2 {
                for from in 0..<count { for to in 0..<count where from != to { try laptops.exchange(from: from, to: to) } }
            }
        }
        return laptops
    }

    /// One step, drawn as a number: an edit, a closing, a new need, or a round of exchanges in a random partition.
    func play(_ step: Int) throws {
        let device = (step / 10) % devices.count
        let store = devices[device].store
        switch step % 10 {
        case 0..<5:
            let places: [PlaceID] = ["place-alpha", "place-beta", "place-gamma"]
            let place = places[(step / 100) % 3]
            guard try store.place(place) != nil else { return }
            let value = (step / 1_000) % 40
            let change: Change = (step / 100_000) % 2 == 0
                ? .set(Place.self, id: place.rawValue, "population", to: .int(Int64(1_000 + value)))
                : .set(Place.self, id: place.rawValue, "name", to: .string("Name \(value)"))
            try store.write(by: "member-ann", [change])
        case 5:
            try closeCase(on: store)
        case 6:
            try addNeed(on: store, device: device)
        case 7 where (step / 100) % 3 == 0:
            // Beta is no one's parent and holds no case: it can go.
            guard try store.place("place-beta") != nil else { return }
            try store.write(by: "member-ann", [Change(entity: .place, entityID: "place-beta", field: Op.wholeRecord, value: .null)])
        default:
            // Devices in the same group (a digit of the step each) exchange in a ring, in the step's order.
            let groups = Dictionary(grouping: devices.indices) { (step / Int(pow(10.0, Double($0 + 1)))) % 2 }
            for members in groups.values.map({ $0.sorted() }) where members.count > 1 {
                let ordered = (step / 7) % 2 == 0 ? members : members.reversed()
                for (from, to) in zip(ordered, ordered.dropFirst() + [ordered[0]]) { try exchange(from: from, to: to) }
            }
        }
    }

    /// Sends `to` what it lacks of `from`'s ops, by bundle, as a user would.
    func exchange(from: Int, to: Int) throws {
        let bundle = try devices[from].team.exportBundle(from: devices[from].store, for: devices[to].store.deviceID)
        _ = try devices[to].team.importBundle(bundle.data, into: devices[to].store)
    }

    private var ann: ActingMember {
        get throws { ActingMember(member: Fixtures.members[0], tree: try devices[0].store.placeTree()) }
    }

    /// Ends case-1's live needs and closes it, if it is open here.
    private func closeCase(on store: PlaceStore) throws {
        guard var file = try store.caseFile("case-1"), file.case.status == .open else { return }
        let now = Fixtures.start.addingTimeInterval(3_600)
        for need in file.needs where need.state == .open {
            let update = try file.closeNeed(need.id, reason: "Sorted by a neighbour.", by: try ann, now: now)
            try store.save(update, replacing: file, by: "member-ann")
            file = update.file
        }
        let closed = try file.closeCase(by: try ann, now: now)
        try store.save(closed, replacing: file, by: "member-ann")
    }

    /// Adds a need to case-1, if it is open here.
    private func addNeed(on store: PlaceStore, device: Int) throws {
        guard let file = try store.caseFile("case-1"), file.case.status == .open else { return }
        needs += 1
        let added = try file.addNeed(NewNeed(id: NeedID("need-\(device)-\(needs)"), category: "money-debt", urgency: .soon),
                                     by: try ann, now: Fixtures.start.addingTimeInterval(1_800))
        try store.save(added, replacing: file, by: "member-ann")
    }
}
