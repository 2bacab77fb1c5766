import PlaceDomain
import TerminalUI

/// A place's board for its team lead: the dashboard, the plan, the
/// evidence base, the pot and the learning log, rolled up over everything
/// within the place, on five tabs. Long tabs scroll; on the plan the lead
/// picks a priority to drill into or re-rate, and on the pot allocates.
public struct BoardScreen: Equatable, Sendable {
    public enum Tab: Int, CaseIterable, Sendable {
        case dashboard, plan, evidence, pot, learning

        var title: String {
            switch self {
            case .dashboard: return "Dashboard"
            case .plan: return "Plan"
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
    public var prompt: Prompt?

    public init(placeID: PlaceID) { self.placeID = placeID }

    static func open(_ place: PlaceID) -> Outcome {
        Outcome(effects: [.loadBoard(place)], push: .board(BoardScreen(placeID: place)))
    }

    public static let bindings: [KeyBinding] = ListBindings.table + [
        KeyBinding([.tab, .right], .nextTab, label: "next tab", help: "Show the next tab"),
        KeyBinding([.backTab, .left], .previousTab, label: "", help: "Show the previous tab", inFooter: false),
        KeyBinding([.enter], .open, label: "open", help: "Open the selected priority (plan tab)", inFooter: false),
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
        if let moved = ScrollBindings.scroll(scroll, by: command, pageRows: context.bodySize.height - 1) {
            let height = document(board, width: context.bodySize.width).size.height
            scroll = CaseScreen.clamp(moved, contentHeight: height, bodyHeight: context.bodySize.height - 1)
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
        if command == .rate || command == .open { return Outcome() }
        return nil
    }

    /// A key while the prompt is open.
    mutating func edit(_ key: Key, _ context: ScreenContext) -> Outcome {
        guard var open = prompt, let board else { return Outcome() }
        let answer = open.handle(key)
        prompt = open
        switch (answer, open.step) {
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
        guard let member = context.member else { return Outcome() }
        return Outcome(effects: [.changeBoard(placeID, change, by: member.id)])
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
        case .resized:
            guard let board else { return }
            let height = document(board, width: context.bodySize.width).size.height
            scroll = CaseScreen.clamp(scroll, contentHeight: height, bodyHeight: context.bodySize.height - 1)
        default:
            break
        }
    }
}

/// One priority of a plan, drilled into: its RAG and reason, lead and
/// partners, outcomes, indicators, actions and the money allocated to it.
public struct PriorityScreen: Equatable, Sendable {
    public let board: PlaceBoard
    public let priorityID: PriorityID
    public var scroll = 0

    public static let bindings: [KeyBinding] = ScrollBindings.table + [
        KeyBinding([.escape], .back, label: "back", help: "Go back to the plan"),
    ]

    mutating func perform(_ command: Command, _ context: ScreenContext) -> Outcome? {
        guard let moved = ScrollBindings.scroll(scroll, by: command, pageRows: context.bodySize.height) else { return nil }
        scroll = CaseScreen.clamp(moved, contentHeight: document(width: context.bodySize.width).size.height,
                                  bodyHeight: context.bodySize.height)
        return Outcome()
    }
}
