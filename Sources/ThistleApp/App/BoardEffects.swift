import Foundation
import PlaceDomain
import PlaceStore

/// Everything the place board screen shows for one place: the dashboard,
/// the plan, the evidence base, the pot and the learning log, with the
/// names they need. Read whole: a place's plan is tens of rows.
public struct PlaceBoard: Equatable, Sendable {
    public var place: PlaceID
    public var placeName: String
    public var dashboard: Dashboard
    public var plan: Plan?
    public var priorities: [Priority] = []
    public var actions: [PriorityID: [PlanAction]] = [:]
    public var indicators: [IndicatorLine] = []
    /// Place Standard assessments at the place or within it, newest first.
    public var assessments: [PlaceStandardAssessment] = []
    public var voice: [EvidenceNote] = []
    public var practice: [EvidenceNote] = []
    public var pot = Pot(streams: [], allocations: [])
    public var learning: [LearningEntry] = []
    public var agencyNames: [AgencyID: String] = [:]
    public var memberNames: [MemberID: String] = [:]
    public var outcomeNames: [OutcomeKey: String] = [:]
    public var placeNames: [PlaceID: String] = [:]
    /// Members serving the place, by name: who may own an action.
    public var members: [Member] = []

    /// One indicator at the place: its series, and the series of each place within, to compare.
    public struct IndicatorLine: Equatable, Sendable {
        public var indicator: Indicator
        public var periods: [String]
        public var values: [RolledValue]
        public var children: [Series]

        public struct Series: Equatable, Sendable {
            public var name: String
            public var values: [RolledValue]
            public var latest: Double? { values.last?.value }
        }
    }

    func agency(_ id: AgencyID) -> String { agencyNames[id] ?? id.rawValue }
    func member(_ id: MemberID) -> String { memberNames[id] ?? id.rawValue }
    func allocated(to priority: PriorityID) -> Int {
        pot.allocations.filter { $0.priorityID == priority }.reduce(0) { $0 + $1.amount }
    }
}

/// A change to a place's plan or pot asked for on screen.
public enum BoardChange: Hashable, Sendable {
    case setRAG(PriorityID, RAG, reason: String)
    case allocate(StreamID, PriorityID, amount: Int)
    case addPriority(PlanID, title: String, lead: AgencyID, RAG, reason: String)
    case addAction(PriorityID, title: String, owner: MemberID, due: String)
    case setActionStatus(ActionID, ActionStatus)
    /// A priority's description: what it is about (empty clears it).
    case describe(PriorityID, String)
}

extension StoreEffects {
    func board(of place: PlaceID) throws -> PlaceBoard {
        let tree = try store.placeTree()
        let within = tree.subtree(of: place)
        var board = PlaceBoard(
            place: place, placeName: tree[place]?.name ?? place.rawValue,
            dashboard: try store.dashboard(of: place, tree: tree, now: clock.now()))
        board.plan = try store.plans(for: place).first
        if let plan = board.plan {
            board.priorities = try store.priorities(of: plan.id)
            for priority in board.priorities { board.actions[priority.id] = try store.actions(of: priority.id) }
        }
        let children = tree.children(of: place)
        let indicators = try store.indicators()
        let rollupsByIndicator = try store.rollups(of: indicators, under: place, tree: tree)
        board.indicators = indicators.map { indicator in
            let rollups = rollupsByIndicator[indicator.id, default: []].map(\.rollup)
            return PlaceBoard.IndicatorLine(
                indicator: indicator, periods: rollupsByIndicator[indicator.id, default: []].map(\.period),
                values: rollups.map { $0.value(at: place) },
                children: children.map { child in
                    PlaceBoard.IndicatorLine.Series(name: child.name, values: rollups.map { $0.value(at: child.id) })
                })
        }
        board.assessments = try store.assessments(in: within)
        board.voice = try store.evidence(in: within, kind: .communityVoice)
        board.practice = try store.evidence(in: within, kind: .practitioner)
        board.pot = try store.pot(of: [place])
        board.learning = try store.learning(in: within)
        board.agencyNames = try store.agencyNames()
        let members = try allMembers()
        board.memberNames = Dictionary(members.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        board.members = members.filter { ActingMember(member: $0, tree: tree).serves(place) }
        board.outcomeNames = Dictionary(try store.outcomes().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        board.placeNames = Dictionary(tree.places.values.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return board
    }

    /// Runs a plan or pot change as the member; a refusal changes nothing and comes back as its message.
    func change(_ change: BoardChange, at place: PlaceID, by memberID: MemberID) throws -> Message {
        guard let member = try store.member(memberID) else { return .failed("Member \(memberID) does not exist.") }
        let actor = ActingMember(member: member, tree: try store.placeTree())
        do {
            switch change {
            case .setRAG(let id, let rag, let reason):
                guard let original = try store.priority(id), let plan = try store.plan(original.planID) else {
                    return .boardRefused("That priority no longer exists.")
                }
                try PlanRules.requirePlanner(actor, at: plan.placeID)
                var updated = original
                updated.rag = rag
                updated.ragReason = try PlanRules.text(reason, "a reason for the RAG status")
                updated.ragDate = PlanRules.today(clock.now())
                try store.write(by: member.id, try Change.changes(from: original, to: updated))
            case .allocate(let stream, let priorityID, let amount):
                guard let priority = try store.priority(priorityID), let plan = try store.plan(priority.planID) else {
                    return .boardRefused("That priority no longer exists.")
                }
                try PlanRules.requirePlanner(actor, at: plan.placeID)
                let allocation = try store.pot(of: [plan.placeID]).allocate(
                    id: AllocationID(store.newID()), from: stream, to: priority, action: nil, amount: amount, by: member,
                    now: clock.now())
                try store.write(by: member.id, [try .create(allocation)])
            case .addPriority(let planID, let title, let lead, let rag, let reason):
                guard let plan = try store.plan(planID) else { return .boardRefused("That plan no longer exists.") }
                try PlanRules.requirePlanner(actor, at: plan.placeID)
                let priority = Priority(
                    id: PriorityID(store.newID()), planID: plan.id, title: try PlanRules.line(title, "a title", limit: 200),
                    leadAgencyID: lead, rag: rag, ragReason: try PlanRules.text(reason, "a reason for the RAG status"),
                    ragDate: PlanRules.today(clock.now()))
                try store.write(by: member.id, [try .create(priority)])
            case .addAction(let priorityID, let title, let owner, let due):
                guard let priority = try store.priority(priorityID), let plan = try store.plan(priority.planID) else {
                    return .boardRefused("That priority no longer exists.")
                }
                try PlanRules.requirePlanner(actor, at: plan.placeID)
                let action = PlanAction(
                    id: ActionID(store.newID()), priorityID: priority.id, title: try PlanRules.line(title, "a title", limit: 200),
                    ownerID: owner, due: try PlanRules.date(due.trimmingCharacters(in: .whitespaces), "The due date"),
                    status: .notStarted)
                try store.write(by: member.id, [try .create(action)])
            case .describe(let id, let text):
                guard let original = try store.priority(id), let plan = try store.plan(original.planID) else {
                    return .boardRefused("That priority no longer exists.")
                }
                try PlanRules.requirePlanner(actor, at: plan.placeID)
                var updated = original
                updated.description = text.trimmingCharacters(in: .whitespacesAndNewlines)
                try store.write(by: member.id, try Change.changes(from: original, to: updated))
            case .setActionStatus(let id, let status):
                guard let original = try store.action(id), let priority = try store.priority(original.priorityID),
                    let plan = try store.plan(priority.planID)
                else { return .boardRefused("That action no longer exists.") }
                try PlanRules.requirePlanner(actor, at: plan.placeID)
                var updated = original
                updated.status = status
                try store.write(by: member.id, try Change.changes(from: original, to: updated))
            }
        } catch let violation as PlanRuleViolation {
            return .boardRefused(violation.description)
        } catch let violation as PotRuleViolation {
            return .boardRefused(violation.description)
        }
        return .boardLoaded(try board(of: place))
    }
}
