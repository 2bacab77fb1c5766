import Foundation
import PlaceDomain
import PlaceStore

// The child process of the crash tests (docs/RELIABILITY.md): opens cases and
// adds needs, referrals and notes through the product's write path, as the
// member of a kept sign-in, for ever, and prints each write's ids once the
// write has returned (it is then committed). The tests kill it with SIGKILL
// at random moments and check that nothing it printed was lost.
//
//     thistle-writer --db PATH --as MEMBER --seed N --resident ID... --service ID...
//
// Lines on stdout: `ready` once signed in, then one per acknowledged write:
//     case CASE NEED...        referral REFERRAL NEED CASE
//     need NEED CASE           note NOTE CASE

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("thistle-writer: \(message)\n".utf8))
    exit(2)
}

/// Straight to the descriptor: nothing waits in a buffer a kill would lose.
func say(_ words: [String]) {
    let line = Array((words.joined(separator: " ") + "\n").utf8)
    var sent = 0
    while sent < line.count {
        let wrote = line[sent...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
        guard wrote > 0 else { exit(3) }
        sent += wrote
    }
}

struct Arguments {
    var database = ""
    var member = ""
    var seed: UInt64 = 0
    var residents: [ResidentID] = []
    var services: [ServiceID] = []

    init(_ words: [String]) {
        var index = 0
        while index < words.count {
            guard index + 1 < words.count else { fail("\(words[index]) needs a value") }
            let value = words[index + 1]
            switch words[index] {
            case "--db": database = value
            case "--as": member = value
            case "--seed":
                guard let number = UInt64(value) else { fail("--seed must be a whole number, not '\(value)'") }
                seed = number
            case "--resident": residents.append(ResidentID(value))
            case "--service": services.append(ServiceID(value))
            default: fail("unknown option \(words[index])")
            }
            index += 2
        }
        guard database.hasPrefix("/") else { fail("--db needs an absolute path") }
        guard !member.isEmpty else { fail("--as needs a member id") }
        guard !residents.isEmpty else { fail("name at least one --resident") }
    }
}

struct Writer {
    let store: PlaceStore
    let actor: ActingMember
    let tree: PlaceTree
    let categories: [NeedCategoryKey]
    let residents: [Resident]
    let services: [Service]
    var random: SeededRandom
    var cases: [CaseID] = []

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }

    mutating func newNeed() -> NewNeed {
        NewNeed(id: NeedID(store.newID()), category: pick(categories), urgency: pick(Urgency.allCases))
    }

    mutating func openCase() throws {
        let resident = pick(residents)
        let needs = (0..<Int.random(in: 1...2, using: &random)).map { _ in newNeed() }
        let update = try CaseFile.open(
            id: CaseID(store.newID()), residentID: resident.id, placeID: resident.placeID, needs: needs,
            summary: "Opened by the crash test.", by: actor, now: Date())
        try store.save(update, replacing: nil, by: actor.id)
        cases.append(update.file.case.id)
        say(["case", update.file.case.id.rawValue] + needs.map(\.id.rawValue))
    }

    mutating func addNeed(to file: CaseFile) throws {
        let need = newNeed()
        try store.save(try file.addNeed(need, by: actor, now: Date()), replacing: file, by: actor.id)
        say(["need", need.id.rawValue, file.case.id.rawValue])
    }

    /// Refers an open need with nothing in flight to a service that meets it, if the case has one.
    mutating func refer(_ file: CaseFile) throws {
        let place = file.case.placeID
        for need in file.needs where need.state == .open && file.referralInFlight(for: need.id) == nil {
            guard let service = services.first(where: { $0.needs.contains(need.category) && $0.covers(place, in: tree) })
            else { continue }
            let id = ReferralID(store.newID())
            let update = try file.refer(
                id: id, needID: need.id, to: service, servicePlacesCover: true,
                consentOverride: ConsentOverrideRequest(
                    reason: "Risk to the resident; consent is being sought.",
                    standingAgreement: tree.dataSharingAgreement(at: place)),
                by: actor, now: Date())
            try store.save(update, replacing: file, by: actor.id)
            say(["referral", id.rawValue, need.id.rawValue, file.case.id.rawValue])
            return
        }
    }

    mutating func addNote(to file: CaseFile) throws {
        let note = try file.note(id: NoteID(store.newID()), text: "Called the resident back.", by: actor, now: Date())
        try store.write(by: actor.id, [try .create(note)])
        say(["note", note.id.rawValue, file.case.id.rawValue])
    }

    mutating func step() throws {
        let roll = Int.random(in: 0..<10, using: &random)
        guard roll >= 3, !cases.isEmpty else { return try openCase() }
        guard let file = try store.caseFile(pick(cases)) else { fail("a case this writer opened is gone") }
        switch roll {
        case 3, 4: try addNeed(to: file)
        case 5, 6: try refer(file)
        default: try addNote(to: file)
        }
    }
}

let arguments = Arguments(Array(CommandLine.arguments.dropFirst()))
do {
    let store = try PlaceStore.open(at: arguments.database, connections: .single)
    guard let (memberID, keyring) = SessionFolder.fromEnvironment()?.session(
        for: store.path, member: MemberID(arguments.member)),
        let member = try store.member(memberID)
    else { fail("no kept sign-in for \(arguments.member) on \(arguments.database): run `thistle sign-in` first") }
    try store.unlock(SignedIn(member: member, keyring: keyring))
    let tree = try store.placeTree()
    let residents = try arguments.residents.map { id in
        guard let resident = try store.resident(id) else { fail("there is no resident \(id.rawValue)") }
        return resident
    }
    let services = try arguments.services.map { id in
        guard let service = try store.service(id) else { fail("there is no service \(id.rawValue)") }
        return service
    }
    var writer = Writer(
        store: store, actor: ActingMember(member: member, tree: tree), tree: tree,
        categories: try store.needCategories().map(\.id), residents: residents, services: services,
        random: SeededRandom(seed: arguments.seed))
    say(["ready"])
    while true { try writer.step() }
} catch {
    fail("\(error)")
}
