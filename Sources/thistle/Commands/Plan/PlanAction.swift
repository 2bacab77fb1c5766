import ArgumentParser
import Foundation
import PlaceDomain
import PlaceStore

/// What the plan, evidence, pot and learning verbs share: acting as `--as`,
/// the place tree, "now", writing through the op log and printing records.
struct PlanWork {
    let store: PlaceStore
    let tree: PlaceTree
    let actor: ActingMember
    let now: Date

    init(_ global: GlobalOptions) throws {
        (store, tree, actor, now) = try global.acting()
    }

    func place(_ id: String) throws -> PlaceID {
        guard tree[PlaceID(id)] != nil else { throw StoreError.unknownPlace(id) }
        return PlaceID(id)
    }

    /// The place a priority's plan is for.
    func placeOf(_ priority: Priority) throws -> PlaceID {
        guard let plan = try store.plan(priority.planID) else { throw UnknownID(kind: "plan", id: priority.planID.rawValue) }
        return plan.placeID
    }

    func priority(_ id: String) throws -> Priority {
        guard let priority = try store.priority(PriorityID(id)) else { throw UnknownID(kind: "priority", id: id) }
        return priority
    }

    func member(_ id: String) throws -> Member {
        guard let member = try store.member(MemberID(id)) else { throw UnknownID(kind: "member", id: id) }
        return member
    }

    func requireAgencies(_ ids: [String]) throws {
        let known = Set(try store.agencyNames().keys)
        for id in ids where !known.contains(AgencyID(id)) { throw UnknownID(kind: "agency", id: id) }
    }

    func write(_ changes: [Change]) throws {
        try store.write(by: actor.id, changes)
    }
}

/// Prints a record as JSON (its fields, camelCase) or as a line for a person.
func printRecord<Value: Encodable>(_ value: Value, json: Bool, text: @autoclosure () -> String) throws {
    guard json else {
        print(text())
        return
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// `--json` for the plan verbs, which print one record.
struct JSONFlag: ParsableArguments {
    @Flag(help: "Print the result as JSON.") var json = false
}
