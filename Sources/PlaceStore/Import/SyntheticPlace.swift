import Foundation
import PlaceDomain

/// How big a generated place is. `fife` is a year's no-wrong-door work for
/// a whole council area, three years deep; `small` is for tests.
public enum GenerationScale: String, CaseIterable, Sendable {
    case small, large, fife

    /// Members, services, residents and cases. Needs (about 2.5 a case) and
    /// referrals (about 1.2 a need) follow from the cases.
    var counts: GenerationCounts {
        switch self {
        case .small: GenerationCounts(members: 40, services: 180, residents: 800, cases: 1_000)
        case .large: GenerationCounts(members: 100, services: 240, residents: 20_000, cases: 25_000)
        case .fife: GenerationCounts(members: 150, services: 300, residents: 80_000, cases: 100_000)
        }
    }

    /// The most cases `generate --cases` makes.
    public static let mostCases = 200_000

    /// The scale's counts with `cases` instead of its own (and residents in
    /// the scale's proportion to them), when given.
    public func counts(cases: Int?) -> GenerationCounts {
        guard let cases else { return counts }
        var counts = self.counts
        counts.residents = max(1, counts.residents * cases / counts.cases)
        counts.cases = cases
        return counts
    }
}

/// How much the generator writes beyond the demo's Fife.
public struct GenerationCounts: Sendable {
    public var members: Int
    public var services: Int
    public var residents: Int
    public var cases: Int
}

/// Writes a deterministic synthetic place at scale: the demo's Fife (its
/// places, agencies, need categories, services, plans, pots and indicator
/// series) with members, services, residents and cases added to the scale's
/// counts, written through the write path in batches of cases, one
/// transaction each. The same seed gives the same content; keys and the
/// nonces that seal personal details are random, as always. Everyone in it
/// is fictional; every member's passphrase is `demo`.
public enum SyntheticPlace {
    /// Cases per transaction: a twenty-fifth of them, between 250 and a
    /// thousand (every commit has its own cost — `fife` took a tenth longer
    /// at 250 — and a small place's progress bar should still move).
    static func batch(of total: Int) -> Int { min(1000, max(250, total / 25)) }
    /// When the generated history ends (the demo's moment).
    public static let endsAt = DemoPlace.builtAt

    /// Builds the place at `path`, which must not exist (a failure leaves
    /// nothing behind). `progress` hears (cases written, cases in all).
    public static func generate(
        at path: String, scale: GenerationScale, cases: Int? = nil, seed: UInt64, from directory: URL,
        progress: ((Int, Int) -> Void)? = nil, finishing: ((PlaceStore, TeamKeyring) throws -> Void)? = nil
    ) throws {
        try PlaceStore.requireFolder(of: path)
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError.invalidChange("\(path) exists; generate into a new file")
        }
        let reference = try PlaceFiles(directory: directory)
        let temporary = path + ".generating-\(getpid())"
        defer { DemoPlace.removeDatabaseFiles(at: temporary) }
        let clock = SteppingClock(start: endsAt)
        let store = try PlaceStore.open(
            at: temporary, create: true, device: DemoPlace.device, clock: clock,
            idSource: UUIDv7Source(clock: clock, random: SeededRandom(seed: seed)))
        guard (1...GenerationScale.mostCases).contains(cases ?? 1) else {
            throw StoreError.invalidChange("--cases must be between 1 and \(GenerationScale.mostCases)")
        }
        // No one reads the file until it is renamed into place (a failure removes it): the
        // dashboard's tallies are counted once, at the end, rather than at every write, and
        // no commit waits for the disk. A bigger page cache keeps the growing indexes in memory.
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = OFF")
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        try store.writer.write { try Tallies.dropTriggers($0) }
        var world = World(reference: reference, counts: scale.counts(cases: cases), seed: seed)
        try store.write(by: nil, try world.team())
        let keys = try store.createTeamKeys(
            passphrases: Dictionary(uniqueKeysWithValues: world.members.map { ($0.id, DemoPlace.passphrase) }), by: nil)
        store.useKeys(keys)
        try store.refreshSearchTokens()
        try store.write(by: nil, try world.directoryAndPlan())
        let total = world.counts.cases
        // Each batch's records are made on the other core while the batch before is written.
        let size = batch(of: total)
        let maker = BatchMaker(world)
        var next = maker.cases(from: 0, count: min(size, total))
        var written = 0
        while written < total {
            let changes = try next.get()
            let following = min(written + size, total)
            if following < total { next = maker.cases(from: following, count: min(size, total - following)) }
            try store.write(by: nil, changes)
            written = following
            progress?(written, total)
        }
        try store.writer.write { try Tallies.recountAndKeep($0) }
        try finishing?(store, keys)
        try store.close()
        LastWrite.forget(path)
        guard rename(temporary, path) == 0 else { throw StoreError.notWritable(path) }
    }
}

/// The world, turned into batches of cases on another thread: one at a
/// time, each waited for before the next starts, so no two threads ever
/// touch it at once.
private final class BatchMaker: @unchecked Sendable {
    private var world: World

    init(_ world: World) {
        self.world = world
    }

    func cases(from first: Int, count: Int) -> Pending<[Change]> {
        Pending { try self.world.cases(from: first, count: count) }
    }
}

/// The generator's state: the place it fills and its random stream.
private struct World {
    var random: SeededRandom
    let reference: PlaceFiles
    let counts: GenerationCounts
    let tree: PlaceTree
    let communities: [Place]
    let areas: [PlaceID]
    var members: [Member] = []
    var services: [Service] = []
    var residents: [Resident] = []
    /// Frontline and lead members serving each community.
    var workers: [PlaceID: [Member]] = [:]
    /// Active services taking referrals, by need category, with the places they cover.
    var servicesByCategory: [NeedCategoryKey: [(service: Service, covers: Set<PlaceID>)]] = [:]
    var agencyMembers: [AgencyID: [Member]] = [:]

    init(reference: PlaceFiles, counts: GenerationCounts, seed: UInt64) {
        self.reference = reference
        self.counts = counts
        random = SeededRandom(seed: seed)
        tree = PlaceTree(reference.places)
        communities = reference.places.filter { $0.kind == .community }.sorted { $0.id.rawValue < $1.id.rawValue }
        areas = reference.places.filter { $0.kind == .area }.map(\.id).sorted { $0.rawValue < $1.rawValue }
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
    mutating func days(_ range: ClosedRange<Double>) -> TimeInterval { Double.random(in: range, using: &random) * 86_400 }

    /// Places, agencies, need categories and members (the demo's, then generated ones).
    mutating func team() throws -> [Change] {
        members = reference.members
        let agencies = reference.agencies.map(\.id)
        var index = 0
        while members.count < counts.members {
            index += 1
            let roll = Double.random(in: 0..<1, using: &random)
            let role: Role = roll < 0.7 ? .frontline : roll < 0.9 ? .lead : roll < 0.95 ? .analyst : .admin
            let places = role == .analyst || role == .admin ? [PlaceID("place-fife")] : [pick(areas)]
            members.append(Member(
                id: MemberID(String(format: "member-gen-%03d", index)),
                name: "\(pick(Names.given)) \(pick(Names.family))", agencyID: pick(agencies), role: role, placeIDs: places))
        }
        for member in members where [.frontline, .lead].contains(member.role) {
            agencyMembers[member.agencyID, default: []].append(member)
            for place in tree.coverage(of: member.placeIDs) { workers[place, default: []].append(member) }
        }
        var changes: [Change] = []
        changes += try reference.places.map(Change.create)
        changes += try reference.agencies.map(Change.create)
        changes += try reference.needCategories.map(Change.create)
        changes += try members.map(Change.create)
        return changes
    }

    /// Services (the demo's, then generated ones), locations, triage targets, the plan and evidence base.
    mutating func directoryAndPlan() throws -> [Change] {
        services = reference.services
        let categories = reference.needCategories.map(\.id)
        var index = 0
        while services.count < counts.services {
            index += 1
            let agency = pick(reference.agencies)
            var needs = [pick(categories)]
            if chance(0.4) { needs.append(pick(categories)) }
            needs = Array(Set(needs)).sorted { $0.rawValue < $1.rawValue }
            let area = pick(areas)
            services.append(Service(
                id: ServiceID(String(format: "service-gen-%03d", index)),
                name: "\(tree[area]?.name ?? "Fife") \(needs[0].rawValue.replacingOccurrences(of: "-", with: " ")) support \(index)",
                agencyID: agency.id, description: "Synthetic service for scale testing.",
                status: chance(0.95) ? .active : .temporarilyClosed, needs: needs,
                placeIDs: [chance(0.2) ? PlaceID("place-fife") : area], typicalWaitDays: Int.random(in: 0...21, using: &random)))
        }
        for service in services where service.status == .active && service.acceptsReferrals {
            let covers = tree.coverage(of: service.placeIDs)
            for category in service.needs { servicesByCategory[category, default: []].append((service, covers)) }
        }
        var changes: [Change] = []
        changes += try reference.locations.map(Change.create)
        changes += try services.map(Change.create)
        changes += try reference.triageTargets.map(PlaceFiles.change(for:))
        changes += try reference.plan.changes()
        return changes
    }

    /// Cases `first` ..< `first + count`, each with its resident (if new),
    /// needs, referrals, consents and timeline.
    mutating func cases(from first: Int, count: Int) throws -> [Change] {
        var changes: [Change] = []
        for number in first + 1...first + count {
            let resident: Resident
            if residents.count < counts.residents && (number <= counts.residents || chance(0.5)) {
                resident = newResident()
                changes.append(try .create(resident))
            } else {
                resident = pick(residents)
            }
            changes += try caseChanges(number, for: resident)
        }
        // Each kind's records together (a case's before its needs, a referral's before its
        // events), so the write inserts them a hundred to a statement (`PendingRows`).
        let order = [EntityKind.resident, .case, .need, .consent, .referral, .caseEvent].map(\.name)
        let ranks = changes.map { order.firstIndex(of: $0.entity.name) ?? order.count }
        return changes.indices.sorted { (ranks[$0], $0) < (ranks[$1], $1) }.map { changes[$0] }
    }

    mutating func newResident() -> Resident {
        let place = weightedCommunity()
        let born = Date(timeIntervalSince1970: SyntheticPlace.endsAt.timeIntervalSince1970 - days(365 * 16...365 * 90))
        let resident = Resident(
            id: ResidentID(String(format: "res-%06d", residents.count + 1)), givenName: pick(Names.given),
            familyName: pick(Names.family), dateOfBirth: String(born.formatted(.iso8601.year().month().day())),
            postcode: "KY\(Int.random(in: 1...16, using: &random)) 9Z\(pick(Names.letters))", placeID: place.id)
        residents.append(resident)
        return resident
    }

    mutating func weightedCommunity() -> Place {
        let total = communities.reduce(0) { $0 + $1.population }
        var roll = Int.random(in: 0..<max(total, 1), using: &random)
        for place in communities {
            roll -= place.population
            if roll < 0 { return place }
        }
        return communities.last!
    }

    /// One case over the last three years: older cases mostly closed, each
    /// need routed through a chain of referrals whose last one decides it.
    mutating func caseChanges(_ number: Int, for resident: Resident) throws -> [Change] {
        let end = SyntheticPlace.endsAt
        let opened = end.addingTimeInterval(-days(1...3 * 365))
        let age = end.timeIntervalSince(opened) / 86_400
        let closing = chance(min(0.92, age / 240))
        let place = resident.placeID
        let staff = workers[place] ?? members.filter { [.frontline, .lead].contains($0.role) }
        let door = pick(staff)
        let leads = staff.filter { $0.role == .lead }
        let lead = !leads.isEmpty && chance(0.2) ? pick(leads) : door
        let caseID = CaseID(String(format: "case-%06d", number))
        var file = CaseFile(case: Case(
            id: caseID, residentID: resident.id, placeID: place, doorAgencyID: door.agencyID, doorMemberID: door.id,
            leadID: lead.id, openedAt: opened, summary: "\(pick(Texts.openings)) \(pick(Texts.situations))"))
        var consents: [AgencyID: Consent] = [:]
        var latest = opened
        let needCount = [1, 1, 2, 2, 2, 3, 3, 3, 4, 4][Int.random(in: 0..<10, using: &random)]
        for index in 1...needCount {
            let category = pick(reference.needCategories).id
            let created = index == 1 ? opened : min(end, opened.addingTimeInterval(days(0...20)))
            let roll = Double.random(in: 0..<1, using: &random)
            var need = Need(
                id: NeedID("need-\(caseID.rawValue.dropFirst(5))-\(index)"), caseID: caseID, category: category,
                urgency: roll < 0.2 ? .urgent : roll < 0.6 ? .soon : .routine, createdAt: created)
            var at = created
            let tries = [0, 1, 1, 1, 1, 2, 2, 2, 3][Int.random(in: 0..<9, using: &random)]
            var used: Set<ServiceID> = []
            for attempt in 1...max(tries, 1) where tries > 0 {
                let last = attempt == tries
                let options = (servicesByCategory[category] ?? []).filter { $0.covers.contains(place) && !used.contains($0.service.id) }
                guard !options.isEmpty else { break }
                let service = pick(options).service
                used.insert(service.id)
                let sent = min(end, at.addingTimeInterval(days(0.1...5)))
                if consents[service.agencyID] == nil {
                    consents[service.agencyID] = Consent(
                        id: ConsentID("consent-\(caseID.rawValue.dropFirst(5))-\(service.agencyID.rawValue)"), caseID: caseID,
                        agencyID: service.agencyID, basis: .consent,
                        dataSharingAgreement: tree.dataSharingAgreement(at: place), recordedByID: lead.id,
                        recordedAt: sent.addingTimeInterval(-600))
                }
                var referral = Referral(
                    id: ReferralID("ref-\(need.id.rawValue.dropFirst(5))-\(attempt)"), needID: need.id, caseID: caseID,
                    serviceID: service.id, sentAt: sent, sentByID: lead.id)
                let answered = sent.addingTimeInterval(days(1...14))
                let responder = agencyMembers[service.agencyID].map { pick($0) }?.id ?? lead.id
                if answered > end || (!closing && last && chance(0.45)) {
                    // Still with the service.
                    if answered <= end && chance(0.6) {
                        referral.state = .accepted
                        referral.respondedAt = answered
                        referral.respondedByID = responder
                    }
                    need.state = .routed
                    file.referrals.append(referral)
                    at = max(at, referral.respondedAt ?? sent)
                    break
                }
                referral.respondedAt = answered
                referral.respondedByID = responder
                let outcome = Double.random(in: 0..<1, using: &random)
                if !last && outcome < 0.6 || last && outcome < 0.12 {
                    referral.state = .declined
                    referral.reason = pick(Texts.declines)
                } else if last && outcome < 0.18 || !last && outcome < 0.8 {
                    referral.state = .withdrawn
                    referral.reason = pick(Texts.withdrawals)
                } else {
                    referral.state = .completed
                    referral.outcome = chance(0.85) ? .successful : .unsuccessful
                    if referral.outcome == .unsuccessful { referral.reason = pick(Texts.unsuccessful) }
                }
                at = answered
                file.referrals.append(referral)
                if referral.state == .completed, referral.outcome == .successful {
                    need.state = .met
                    break
                }
            }
            // Back with the lead: the need's last referral ended without meeting it.
            need.returned = need.state == .open && file.referrals.last { $0.needID == need.id }.map { !$0.isInFlight } == true
            if need.state == .open && (closing || chance(0.15)) {
                need.state = .closed
                need.returned = false
                need.closedAt = min(end, at.addingTimeInterval(days(0.5...10)))
                need.closedByID = lead.id
                need.closedReason = pick(Texts.needClosings)
            }
            if need.state == .routed && closing {
                // A case closes only when nothing is in flight: the last referral ends.
                var last = file.referrals.removeLast()
                last.state = .completed
                last.outcome = .successful
                last.respondedAt = min(end, last.sentAt.addingTimeInterval(days(1...14)))
                last.respondedByID = agencyMembers[(services.first { $0.id == last.serviceID })?.agencyID ?? ""]
                    .map { pick($0) }?.id ?? lead.id
                file.referrals.append(last)
                need.state = .met
                at = last.respondedAt!
            }
            latest = max(latest, need.closedAt ?? at)
            file.needs.append(need)
        }
        if closing && file.needs.allSatisfy({ $0.state == .met || $0.state == .closed }) {
            file.case.status = .closed
            file.case.closedAt = min(end, latest.addingTimeInterval(days(0.5...14)))
            file.case.closedByID = lead.id
            file.case.closedReason = pick(Texts.caseClosings)
        }
        file.consents = consents.values.sorted { $0.agencyID.rawValue < $1.agencyID.rawValue }
        var changes: [Change] = [try .create(file.case)]
        changes += try file.needs.map(Change.create)
        changes += try file.consents.map(Change.create)
        changes += try file.referrals.map(Change.create)
        var events = file.impliedEvents
        events += file.consents.map {
            CaseEvent(.consentRecorded($0.id, agency: $0.agencyID, basis: $0.basis), by: $0.recordedByID, at: $0.recordedAt)
        }
        changes += events.sorted { $0.at < $1.at }.enumerated().map { index, event in
            CaseEventCoding.change(event, id: "event-\(caseID)-\(index + 1)", on: caseID)
        }
        return changes
    }
}

/// Generic synthetic names and texts (no real person's data).
private enum Names {
    static let given = [
        "Aileen", "Alan", "Alison", "Amy", "Andrew", "Ava", "Brian", "Callum", "Catherine", "Craig", "David", "Dawn",
        "Eilidh", "Ellie", "Emily", "Emma", "Euan", "Finlay", "Fiona", "Fraser", "Gary", "Gillian", "Graham", "Hannah",
        "Heather", "Iain", "Isla", "Jack", "Jacqueline", "James", "Jamie", "Jean", "Karen", "Kyle", "Laura", "Lewis",
        "Lorraine", "Lucy", "Margaret", "Mark", "Michelle", "Morag", "Nicola", "Olivia", "Paul", "Rachel", "Robert",
        "Ross", "Ruby", "Ryan", "Sandra", "Scott", "Sophie", "Stephen", "Stuart", "Susan", "Thomas", "Tracey",
    ]
    static let family = [
        "Adamson", "Anderson", "Bell", "Black", "Brown", "Cameron", "Campbell", "Clark", "Craig", "Duncan", "Ferguson",
        "Fraser", "Gibson", "Gilmour", "Gordon", "Graham", "Grant", "Hamilton", "Harvey", "Henderson", "Hunter",
        "Hutton", "Jamieson", "Johnston", "Kerr", "Lawson", "MacDonald", "McKay", "McLean", "Miller", "Mitchell",
        "Morrison", "Muir", "Murray", "Neil", "Paterson", "Reid", "Robertson", "Ross", "Scott", "Simpson", "Smith",
        "Stewart", "Taylor", "Thomson", "Walker", "Wallace", "Watson", "Watt", "White", "Wilson", "Wright", "Young",
    ]
    static let letters = ["A", "B", "D", "E", "F", "G", "H", "J", "L", "N", "P", "Q", "R", "S", "T", "U", "W", "X", "Y"]
}

private enum Texts {
    static let openings = [
        "Raised at the door by the resident.", "Referred in by a neighbour's call.", "Raised after a home visit.",
        "Raised by a community nurse.", "Raised at a drop-in session.", "Raised by a school pastoral team.",
    ]
    static let situations = [
        "Struggling with rent and fuel costs this winter.", "Recently bereaved and not leaving the house.",
        "Caring for a parent with dementia and not coping.", "Lost work and behind on council tax.",
        "Living in a damp flat with young children.", "Out of hospital with no support at home.",
    ]
    static let declines = [
        "Outside our catchment for this address", "At capacity; the waiting list is closed",
        "Not eligible under our criteria", "Better met by another service",
    ]
    static let withdrawals = ["Resident no longer wants this referral", "Sent to the wrong service in error"]
    static let unsuccessful = ["Did not attend three offered appointments", "Could not make contact after several attempts"]
    static let needClosings = ["Resident declined support for this need", "No longer needed", "Resolved without a referral"]
    static let caseClosings = ["All needs met; support no longer needed", "Resident moved out of the area", "Closed after review"]
}
