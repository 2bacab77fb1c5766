import PlaceDomain
import TerminalUI

/// A place's board for its team lead: the dashboard, the plan, the
/// evidence base, the pot and the learning log, rolled up over everything
/// within the place, on five tabs. Long tabs scroll; on the plan the lead
/// picks a priority to drill into or re-rate, and on the pot allocates.
public struct BoardScreen: Equatable, Sendable {
    public enum Tab: Int, CaseIterable, Sendable {
        case dashboard, plan, indicators, evidence, pot, learning

        var title: String {
            switch self {
            case .dashboard: return "Dashboard"
            case .plan: return "Plan"
            case .indicators: return "Indicators"
            case .evidence: return "Evidence"
            case .pot: return "Pot"
            case .learning: return "Learning"
            }
        }
    }

    public let placeID: PlaceID
    public var tab = Tab.dashboard
    public var board: PlaceBoard?
    /// The first line shown on a scrolling tab.
    public var scroll = 0
    /// The selected priority on the plan tab.
    public var selection = Selection()
    /// The selected indicator on the indicators tab.
    public var indicatorSelection = Selection()
    public var prompt: Prompt?

    public init(placeID: PlaceID) { self.placeID = placeID }

    static func open(_ place: PlaceID) -> Outcome {
        Outcome(effects: [.loadBoard(place)], push: .board(BoardScreen(placeID: place)))
    }

    public static let bindings: [KeyBinding] = ListBindings.table + [
        KeyBinding([.tab, .right], .nextTab, label: "next tab", help: "Show the next tab"),
        KeyBinding([.backTab, .left], .previousTab, label: "", help: "Show the previous tab", inFooter: false),
        KeyBinding([.enter], .open, label: "open", help: "Open the selected priority or indicator", inFooter: false),
        KeyBinding([.character("n")], .addPriority, label: "new priority", help: "Add a priority to the plan (plan tab)",
                   inFooter: false),
        KeyBinding([.character("R")], .rate, label: "RAG", help: "Set the selected priority's RAG status, with a reason (plan tab)",
                   inFooter: false),
        KeyBinding([.character("a")], .allocate, label: "allocate",
                   help: "Allocate from a funding stream to a priority (pot tab)", inFooter: false),
        KeyBinding([.escape], .back, label: "back", help: "Go back"),
    ]

    mutating func perform(_ command: Command, _ context: ScreenContext) -> Outcome? {
        switch command {
        case .nextTab, .previousTab:
            let step = command == .nextTab ? 1 : Tab.allCases.count - 1
            tab = Tab(rawValue: (tab.rawValue + step) % Tab.allCases.count)!
            scroll = 0
            return Outcome()
        default:
            break
        }
        guard let board else { return [.open, .rate, .allocate].contains(command) ? Outcome() : nil }
        if tab == .plan {
            if selection.perform(command, count: board.priorities.count, visibleRows: max(1, context.bodySize.height - 4)) {
                return Outcome()
            }
            if command == .addPriority {
                guard let plan = board.plan else { return Outcome(notice: "\(board.placeName) has no plan to add to.") }
                prompt = .reason("New priority", ["A short title for the shared priority:"], .priorityTitle(plan.id))
                return Outcome()
            }
            guard board.priorities.indices.contains(selection.index) else {
                return [.open, .rate].contains(command) ? Outcome(notice: "\(board.placeName) has no priority yet.") : nil
            }
            let priority = board.priorities[selection.index]
            switch command {
            case .open:
                return Outcome(push: .priority(PriorityScreen(board: board, priorityID: priority.id)))
            case .rate:
                prompt = .choice("RAG status", [priority.title, "Now \(priority.rag.rawValue): \(priority.ragReason)"],
                                 RAG.allCases.map(\.rawValue), .ragLevel(priority.id))
                return Outcome()
            default:
                break
            }
        }
        if tab == .indicators {
            if indicatorSelection.perform(command, count: board.indicators.count, visibleRows: max(1, context.bodySize.height - 3)) {
                return Outcome()
            }
            if command == .open, board.indicators.indices.contains(indicatorSelection.index) {
                return Outcome(push: .indicator(IndicatorScreen(board: board, index: indicatorSelection.index)))
            }
        }
        if let moved = ScrollBindings.scroll(scroll, by: command, bodyHeight: context.bodySize.height - 1, contentHeight: {
            document(board, width: context.bodySize.width).size.height
        }) {
            scroll = moved
            return Outcome()
        }
        if command == .allocate {
            guard tab == .pot else { return Outcome(notice: "Allocate from the Pot tab.") }
            guard !board.pot.streams.isEmpty else { return Outcome(notice: "\(board.placeName) has no funding stream.") }
            guard !board.priorities.isEmpty else { return Outcome(notice: "\(board.placeName) has no priority to fund.") }
            prompt = .choice("Allocate", ["To which priority?"], board.priorities.map(\.title),
                             .allocatePriority(board.priorities.map(\.id)))
            return Outcome()
        }
        if [.rate, .open, .addPriority].contains(command) { return Outcome() }
        return nil
    }

    /// A key while the prompt is open.
    mutating func edit(_ key: Key, _ context: ScreenContext) -> Outcome {
        guard let board, let (answer, step) = prompt.take(key) else { return Outcome() }
        switch (answer, step) {
        case (.pending, _):
            return Outcome()
        case (.chose(let index), .ragLevel(let id)):
            let rag = RAG.allCases[index]
            prompt = .reason("RAG status", ["Why is it \(rag.rawValue)?"], .ragReason(id, rag))
        case (.entered(let reason), .ragReason(let id, let rag)):
            prompt = nil
            return change(.setRAG(id, rag, reason: reason), context)
        case (.chose(let index), .allocatePriority(let ids)):
            let streams = board.pot.streams
            prompt = .choice(
                "Allocate", ["From which stream? Each shows what is left and its conditions."],
                streams.map { "\($0.name) · \(Money.text(board.pot.remaining(in: $0.id))) left · \($0.conditions)" },
                .allocateStream(ids[index], streams.map(\.id)))
        case (.chose(let index), .allocateStream(let priority, let streams)):
            let stream = board.pot.streams.first { $0.id == streams[index] }
            prompt = .reason(
                "Allocate", ["\(stream?.name ?? "") has \(Money.text(board.pot.remaining(in: streams[index]))) left.",
                             "Conditions: \(stream?.conditions ?? "none")", "How many pounds?"],
                .allocateAmount(priority, streams[index]))
        case (.entered(let title), .priorityTitle(let plan)):
            let agencies = board.agencyNames.sorted { ($0.value, $0.key) < ($1.value, $1.key) }
            prompt = .choice("New priority", [title, "Which agency leads it?"], agencies.map(\.value),
                             .priorityLead(plan, title: title, agencies.map(\.key)))
        case (.chose(let index), .priorityLead(let plan, let title, let agencies)):
            prompt = .choice("New priority", [title, "How is it going?"], RAG.allCases.map(\.rawValue),
                             .priorityRAG(plan, title: title, agencies[index]))
        case (.chose(let index), .priorityRAG(let plan, let title, let lead)):
            let rag = RAG.allCases[index]
            prompt = .reason("New priority", [title, "Why is it \(rag.rawValue)?"], .priorityReason(plan, title: title, lead, rag))
        case (.entered(let reason), .priorityReason(let plan, let title, let lead, let rag)):
            prompt = nil
            return change(.addPriority(plan, title: title, lead: lead, rag, reason: reason), context)
        case (.entered(let text), .allocateAmount(let priority, let stream)):
            let digits = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "£", with: "")
                .trimmingCharacters(in: .whitespaces)
            guard let amount = Int(digits) else {
                return Outcome(notice: "Give a whole number of pounds, such as 2500.")
            }
            prompt = nil
            return change(.allocate(stream, priority, amount: amount), context)
        default:
            prompt = nil
        }
        return Outcome()
    }

    private func change(_ change: BoardChange, _ context: ScreenContext) -> Outcome {
        Self.change(change, at: placeID, context)
    }

    static func change(_ change: BoardChange, at place: PlaceID, _ context: ScreenContext) -> Outcome {
        guard let member = context.member else { return Outcome() }
        return Outcome(effects: [.changeBoard(place, change, by: member.id)])
    }

    mutating func receive(_ message: Message, _ context: ScreenContext) {
        switch message {
        case .boardLoaded(let loaded) where loaded.place == placeID:
            // A re-rated priority moves in the list: the selection follows it.
            let selected = board.flatMap { $0.priorities.indices.contains(selection.index) ? $0.priorities[selection.index].id : nil }
            board = loaded
            let rows = max(1, context.bodySize.height - 4)
            if let selected, let index = loaded.priorities.firstIndex(where: { $0.id == selected }) {
                selection.select(index, count: loaded.priorities.count, visibleRows: rows)
            }
            selection.fit(count: loaded.priorities.count, visibleRows: rows)
            indicatorSelection.fit(count: loaded.indicators.count, visibleRows: max(1, context.bodySize.height - 3))
        case .resized:
            guard let board else { return }
            let height = document(board, width: context.bodySize.width).size.height
            scroll = ScrollBindings.clamp(scroll, contentHeight: height, bodyHeight: context.bodySize.height - 1)
        default:
            break
        }
    }
}

/// One priority of a plan, drilled into: its RAG and reason, lead and
/// partners, outcomes, indicators, actions and the money allocated to it.
/// A lead adds an action (`n`) or moves one on (`s`) from here.
public struct PriorityScreen: Equatable, Sendable {
    public var board: PlaceBoard
    public let priorityID: PriorityID
    public var scroll = 0
    public var prompt: Prompt?

    public static let bindings: [KeyBinding] = ScrollBindings.table + [
        KeyBinding([.character("n")], .addAction, label: "new action", help: "Add an action: what, who owns it, when it is due"),
        KeyBinding([.character("s")], .setStatus, label: "status", help: "Set an action's status"),
        KeyBinding([.character("e")], .describe, label: "describe",
                   help: "Write what the priority is about (Ctrl-O: in your own editor)"),
        KeyBinding([.escape], .back, label: "back", help: "Go back to the plan"),
    ]

    mutating func perform(_ command: Command, _ context: ScreenContext) -> Outcome? {
        switch command {
        case .addAction:
            prompt = .reason("New action", [priority?.title ?? "", "What will be done?"], .actionTitle(priorityID))
            return Outcome()
        case .describe:
            prompt = .reason("Describe the priority", [priority?.title ?? "", "What is it about?"],
                             .priorityDescription(priorityID), text: priority?.description ?? "")
            return Outcome()
        case .setStatus:
            let actions = board.actions[priorityID] ?? []
            guard !actions.isEmpty else { return Outcome(notice: "This priority has no action yet: n adds one.") }
            prompt = .choice("Action status", ["Which action?"], actions.map { "\($0.title) · \($0.status.rawValue)" },
                             .actionToUpdate(actions.map(\.id)))
            return Outcome()
        default:
            break
        }
        guard let moved = ScrollBindings.scroll(scroll, by: command, bodyHeight: context.bodySize.height, contentHeight: {
            document(width: context.bodySize.width).size.height
        }) else { return nil }
        scroll = moved
        return Outcome()
    }

    /// A key while the prompt is open.
    mutating func edit(_ key: Key, _ context: ScreenContext) -> Outcome {
        guard let (answer, step) = prompt.take(key) else { return Outcome() }
        switch (answer, step) {
        case (.pending, _):
            return Outcome()
        case (.entered(let title), .actionTitle(let priority)):
            let owners = board.members
            prompt = .choice("New action", [title, "Who owns it?"], owners.map(\.name),
                             .actionOwner(priority, title: title, owners.map(\.id)))
        case (.chose(let index), .actionOwner(let priority, let title, let owners)):
            prompt = .reason("New action", [title, "When is it due? (YYYY-MM-DD)"], .actionDue(priority, title: title, owners[index]))
        case (.entered(let due), .actionDue(let priority, let title, let owner)):
            prompt = nil
            return BoardScreen.change(.addAction(priority, title: title, owner: owner, due: due), at: board.place, context)
        case (.entered(let text), .priorityDescription(let priority)):
            prompt = nil
            return BoardScreen.change(.describe(priority, text), at: board.place, context)
        case (.chose(let index), .actionToUpdate(let ids)):
            prompt = .choice("Action status", ["Now:"], ActionStatus.allCases.map(\.rawValue), .actionStatus(ids[index]))
        case (.chose(let index), .actionStatus(let id)):
            prompt = nil
            return BoardScreen.change(.setActionStatus(id, ActionStatus.allCases[index]), at: board.place, context)
        default:
            prompt = nil
        }
        return Outcome()
    }

    mutating func receive(_ message: Message, _ context: ScreenContext) {
        if case .boardLoaded(let loaded) = message, loaded.place == board.place { board = loaded }
    }
}

/// One indicator at a place: its series as a sparkline with a table of
/// every period beside it, and the places within compared.
public struct IndicatorScreen: Equatable, Sendable {
    public let board: PlaceBoard
    public let index: Int
    public var scroll = 0

    public static let bindings: [KeyBinding] = ScrollBindings.table + [
        KeyBinding([.escape], .back, label: "back", help: "Go back to the indicators"),
    ]

    var line: PlaceBoard.IndicatorLine? { board.indicators.indices.contains(index) ? board.indicators[index] : nil }

    mutating func perform(_ command: Command, _ context: ScreenContext) -> Outcome? {
        guard let moved = ScrollBindings.scroll(scroll, by: command, bodyHeight: context.bodySize.height, contentHeight: {
            document(width: context.bodySize.width).size.height
        }) else { return nil }
        scroll = moved
        return Outcome()
    }
}
