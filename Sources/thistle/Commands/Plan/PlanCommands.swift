import ArgumentParser
import Foundation
import PlaceDomain
import PlaceStore

extension RAG: ExpressibleByArgument {}
extension ActionStatus: ExpressibleByArgument {}
extension LearningEntry.Kind: ExpressibleByArgument {}

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "A place's plan.", subcommands: [ShowPlan.self])
}

/// A plan with its priorities, their actions and what the pot gave each.
struct PlanOutput: Encodable {
    struct PriorityOutput: Encodable {
        let priority: Priority
        let actions: [PlanAction]
        let allocated: Int
        func encode(to encoder: Encoder) throws {
            try priority.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(actions, forKey: .actions)
            try container.encode(allocated, forKey: .allocated)
        }
        enum Keys: String, CodingKey { case actions, allocated }
    }
    let plan: Plan
    let priorities: [PriorityOutput]
    func encode(to encoder: Encoder) throws {
        try plan.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(priorities, forKey: .priorities)
    }
    enum Keys: String, CodingKey { case priorities }
}

struct ShowPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a place's current plan: priorities by RAG, their actions and allocations.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The place.", valueName: "place-id")) var place: String
    @OptionGroup var output: JSONFlag

    func run() throws {
        let (store, _) = try global.signIn()
        let tree = try store.placeTree()
        guard tree[PlaceID(place)] != nil else { throw StoreError.unknownPlace(place) }
        guard let plan = try store.plans(for: PlaceID(place)).first else {
            throw Failure("\(place) has no plan yet")
        }
        let pot = try store.pot(of: [plan.placeID])
        let priorities = try store.priorities(of: plan.id).map { priority in
            PlanOutput.PriorityOutput(
                priority: priority, actions: try store.actions(of: priority.id),
                allocated: pot.allocations.filter { $0.priorityID == priority.id }.reduce(0) { $0 + $1.amount })
        }
        let shown = PlanOutput(plan: plan, priorities: priorities)
        try printRecord(shown, json: output.json, text: {
            var lines = ["\(tree[plan.placeID]?.name ?? place) plan \(plan.period): \(plan.vision)"]
            for item in priorities {
                let p = item.priority
                lines.append("")
                lines.append("[\(p.rag.rawValue.uppercased())] \(p.title) (\(p.id)) — \(p.ragReason) (\(p.ragDate))")
                lines.append("  led by \(p.leadAgencyID); allocated \(Money.text(item.allocated))")
                for action in item.actions {
                    lines.append("  - \(action.title) · \(action.ownerID) · due \(action.due) · \(action.status.rawValue) (\(action.id))")
                }
            }
            return lines.joined(separator: "\n")
        }())
    }
}

struct PriorityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "priority", abstract: "Add or change a plan's priorities.", subcommands: [AddPriority.self, UpdatePriority.self])
}

struct AddPriority: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a shared priority to a plan.")
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The plan (see `thistle plan show`).", valueName: "plan-id")) var plan: String
    @Option(help: ArgumentHelp("A short title.", valueName: "text")) var title: String
    @Option(help: ArgumentHelp("What it is about.", valueName: "text")) var description: String?
    @Option(name: .customLong("lead-agency"), help: ArgumentHelp("The agency that leads it.", valueName: "agency-id"))
    var leadAgency: String
    @Option(help: ArgumentHelp("A partner agency (repeat for more).", valueName: "agency-id")) var partner: [String] = []
    @Option(help: ArgumentHelp("A linked outcome key (repeat for more).", valueName: "key")) var outcome: [String] = []
    @Option(help: ArgumentHelp("A linked indicator (repeat for more).", valueName: "indicator-id")) var indicator: [String] = []
    @Option(help: "red, amber or green.") var rag: RAG
    @Option(help: ArgumentHelp("Why it has that RAG status.", valueName: "text")) var reason: String
    @OptionGroup var output: JSONFlag

    func run() throws {
        let work = try PlanWork(global)
        guard let plan = try work.store.plan(PlanID(self.plan)) else { throw UnknownID(kind: "plan", id: self.plan) }
        try PlanRules.requirePlanner(work.actor, at: plan.placeID)
        try work.requireAgencies([leadAgency] + partner)
        let outcomes = Set(try work.store.outcomes().map(\.id.rawValue))
        for key in outcome where !outcomes.contains(key) { throw UnknownID(kind: "outcome", id: key) }
        for id in indicator where try work.store.indicator(IndicatorID(id)) == nil { throw UnknownID(kind: "indicator", id: id) }
        let priority = Priority(
            id: PriorityID(work.store.newID()), planID: plan.id, title: try PlanRules.line(title, "a title", limit: 200),
            description: description.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? "",
            leadAgencyID: AgencyID(leadAgency), partnerAgencyIDs: partner.map { AgencyID($0) },
            outcomeKeys: outcome.map { OutcomeKey($0) }, indicatorIDs: indicator.map { IndicatorID($0) }, rag: rag,
            ragReason: try PlanRules.text(reason, "a reason for the RAG status"), ragDate: PlanRules.today(work.now))
        try work.write([try .create(priority)])
        try printRecord(priority, json: output.json, text: "Added priority \(priority.id): \(priority.title)")
    }
}

struct UpdatePriority: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Change a priority: its title, description, partners or RAG status (with a reason).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The priority.", valueName: "priority-id")) var priorityID: String
    @Option(help: ArgumentHelp("A new title.", valueName: "text")) var title: String?
    @Option(help: ArgumentHelp("A new description.", valueName: "text")) var description: String?
    @Option(help: ArgumentHelp("The partner agencies, replacing the list (repeat).", valueName: "agency-id")) var partner: [String] = []
    @Option(help: "red, amber or green (needs --reason).") var rag: RAG?
    @Option(help: ArgumentHelp("Why it has that RAG status.", valueName: "text")) var reason: String?
    @OptionGroup var output: JSONFlag

    func validate() throws {
        if (rag == nil) != (reason == nil) { throw ValidationError("--rag and --reason go together: a RAG status needs its reason") }
        if title == nil, description == nil, partner.isEmpty, rag == nil {
            throw ValidationError("nothing to change: give --title, --description, --partner or --rag with --reason")
        }
    }

    func run() throws {
        let work = try PlanWork(global)
        let original = try work.priority(priorityID)
        try PlanRules.requirePlanner(work.actor, at: try work.placeOf(original))
        var updated = original
        if let title { updated.title = try PlanRules.line(title, "a title", limit: 200) }
        if let description { updated.description = description.trimmingCharacters(in: .whitespacesAndNewlines) }
        if !partner.isEmpty {
            try work.requireAgencies(partner)
            updated.partnerAgencyIDs = partner.map { AgencyID($0) }
        }
        if let rag {
            updated.rag = rag
            updated.ragReason = try PlanRules.text(reason, "a reason for the RAG status")
            updated.ragDate = PlanRules.today(work.now)
        }
        try work.write(try Change.changes(from: original, to: updated))
        try printRecord(updated, json: output.json, text: "Updated priority \(updated.id): \(updated.title) [\(updated.rag.rawValue)]")
    }
}

struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action", abstract: "Add or change a priority's actions.", subcommands: [AddAction.self, UpdateAction.self])
}

struct AddAction: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an action to a priority.")
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The priority.", valueName: "priority-id")) var priority: String
    @Option(help: ArgumentHelp("What will be done.", valueName: "text")) var title: String
    @Option(help: ArgumentHelp("The member who owns it.", valueName: "member-id")) var owner: String
    @Option(help: ArgumentHelp("When it is due.", valueName: "YYYY-MM-DD")) var due: String
    @Option(help: "not-started, in-progress, done or blocked.") var status: ActionStatus = .notStarted
    @OptionGroup var output: JSONFlag

    func run() throws {
        let work = try PlanWork(global)
        let parent = try work.priority(priority)
        try PlanRules.requirePlanner(work.actor, at: try work.placeOf(parent))
        let action = PlanAction(
            id: ActionID(work.store.newID()), priorityID: parent.id, title: try PlanRules.line(title, "a title", limit: 200),
            ownerID: try work.member(owner).id, due: try PlanRules.date(due, "--due"), status: status)
        try work.write([try .create(action)])
        try printRecord(action, json: output.json, text: "Added action \(action.id): \(action.title)")
    }
}

struct UpdateAction: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "update", abstract: "Change an action's title, owner, due date or status.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The action.", valueName: "action-id")) var actionID: String
    @Option(help: ArgumentHelp("A new title.", valueName: "text")) var title: String?
    @Option(help: ArgumentHelp("A new owner.", valueName: "member-id")) var owner: String?
    @Option(help: ArgumentHelp("A new due date.", valueName: "YYYY-MM-DD")) var due: String?
    @Option(help: "not-started, in-progress, done or blocked.") var status: ActionStatus?
    @OptionGroup var output: JSONFlag

    func validate() throws {
        if title == nil, owner == nil, due == nil, status == nil {
            throw ValidationError("nothing to change: give --title, --owner, --due or --status")
        }
    }

    func run() throws {
        let work = try PlanWork(global)
        guard let original = try work.store.action(ActionID(actionID)) else { throw UnknownID(kind: "action", id: actionID) }
        try PlanRules.requirePlanner(work.actor, at: try work.placeOf(try work.priority(original.priorityID.rawValue)))
        var updated = original
        if let title { updated.title = try PlanRules.line(title, "a title", limit: 200) }
        if let owner { updated.ownerID = try work.member(owner).id }
        if let due { updated.due = try PlanRules.date(due, "--due") }
        if let status { updated.status = status }
        try work.write(try Change.changes(from: original, to: updated))
        try printRecord(updated, json: output.json, text: "Updated action \(updated.id): \(updated.title) [\(updated.status.rawValue)]")
    }
}

struct PotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pot", abstract: "A place's single pot of pooled funding.", subcommands: [ShowPot.self, AllocatePot.self])
}

/// A pot as printed: totals, each stream with what is left, and the allocations.
struct PotOutput: Encodable {
    struct StreamOutput: Encodable {
        let id: StreamID, name: String, amount: Int, allocated: Int, remaining: Int, conditions: String, endDate: String
    }
    let place: PlaceID
    let total: Int, allocated: Int, unallocated: Int
    let streams: [StreamOutput]
    let allocations: [Allocation]

    init(place: PlaceID, pot: Pot) {
        self.place = place
        total = pot.total
        allocated = pot.allocated
        unallocated = pot.unallocated
        streams = pot.streams.map {
            StreamOutput(id: $0.id, name: $0.name, amount: $0.amount, allocated: $0.amount - pot.remaining(in: $0.id),
                         remaining: pot.remaining(in: $0.id), conditions: $0.conditions, endDate: $0.endDate)
        }
        allocations = pot.allocations
    }
}

struct ShowPot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a place's pot: streams, what is allocated and what is not.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The place (its pot and those of the places within it).", valueName: "place-id"))
    var place: String
    @OptionGroup var output: JSONFlag

    func run() throws {
        let (store, _) = try global.signIn()
        let tree = try store.placeTree()
        guard tree[PlaceID(place)] != nil else { throw StoreError.unknownPlace(place) }
        let shown = PotOutput(place: PlaceID(place), pot: try store.pot(of: tree.subtree(of: PlaceID(place))))
        try printRecord(shown, json: output.json, text: {
            var lines = ["Total \(Money.text(shown.total)) · allocated \(Money.text(shown.allocated)) · unallocated \(Money.text(shown.unallocated))"]
            for stream in shown.streams {
                lines.append("\(stream.name) (\(stream.id)): \(Money.text(stream.amount)), \(Money.text(stream.remaining)) left, ends \(stream.endDate)")
                lines.append("  Conditions: \(stream.conditions)")
            }
            return lines.joined(separator: "\n")
        }())
    }
}

struct AllocatePot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocate", abstract: "Allocate money from a stream to a priority (never more than the stream has left).")
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The funding stream.", valueName: "stream-id")) var stream: String
    @Option(help: ArgumentHelp("The priority it pays for.", valueName: "priority-id")) var priority: String
    @Option(help: ArgumentHelp("One of the priority's actions, if it is for that.", valueName: "action-id")) var action: String?
    @Option(help: ArgumentHelp("Whole pounds.", valueName: "pounds")) var amount: Int
    @OptionGroup var output: JSONFlag

    func run() throws {
        let work = try PlanWork(global)
        let target = try work.priority(priority)
        let place = try work.placeOf(target)
        try PlanRules.requirePlanner(work.actor, at: place)
        let pot = try work.store.pot(of: [place])
        guard pot.streams.contains(where: { $0.id.rawValue == stream }) else {
            throw Failure("\(stream) is not a funding stream of \(place)'s pot")
        }
        let chosenAction = try action.map { id -> PlanAction in
            guard let found = try work.store.action(ActionID(id)) else { throw UnknownID(kind: "action", id: id) }
            return found
        }
        let allocation = try pot.allocate(
            id: AllocationID(work.store.newID()), from: StreamID(stream), to: target, action: chosenAction, amount: amount,
            by: work.actor.member, now: work.now)
        try work.write([try .create(allocation)])
        let conditions = pot.streams.first { $0.id == allocation.streamID }?.conditions ?? ""
        try printRecord(allocation, json: output.json,
                        text: "Allocated \(Money.text(allocation.amount)) to \(target.title). Conditions: \(conditions)")
    }
}
