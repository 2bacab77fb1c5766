import PlaceDomain
import TerminalUI

/// A screen on the stack. Enter drills into a new one; Esc goes back.
public enum Screen: Equatable, Sendable {
    case memberPicker(MemberPickerScreen)
    case home(HomeScreen)
    case place(PlaceScreen)
    case directory(DirectoryScreen)
    case triageQueue(TriageQueueScreen)
    case myCases(MyCasesScreen)
    case referralsIn(ReferralsInScreen)
    case caseFile(CaseScreen)
    case logCase(LogCaseScreen)
    case board(BoardScreen)
    case priority(PriorityScreen)
    case indicator(IndicatorScreen)
    case sync(SyncScreen)
    case audit(AuditScreen)
}

/// What a screen needs from the app to handle a command.
public struct ScreenContext: Sendable {
    /// Rows a list on this screen can show at the current size.
    public var visibleRows: Int
    /// The size of the screen's body, between the tabs and the notice line.
    public var bodySize = Size.zero
    /// The place tree and its figures, once loaded.
    public var overview: PlaceOverview?
    /// Who is signed in: the rules act as them.
    public var member: Member?
}

/// What handling a command led to.
public struct Outcome: Sendable {
    public var effects: [Effect] = []
    /// A screen to drill into.
    public var push: Screen?
    /// A dialog to show over the screen.
    public var dialog: DialogContent?
    /// The member chosen in the picker.
    public var chosenMember: Member?
    /// Something to tell the user on the notice line.
    public var notice: String?
    /// Whether to leave the screen (Esc from a field that is the screen's first step).
    public var pop = false

    public init(effects: [Effect] = [], push: Screen? = nil, dialog: DialogContent? = nil, chosenMember: Member? = nil,
                notice: String? = nil, pop: Bool = false) {
        self.effects = effects
        self.push = push
        self.dialog = dialog
        self.chosenMember = chosenMember
        self.notice = notice
        self.pop = pop
    }
}

/// A modal dialog's title and lines.
public struct DialogContent: Equatable, Sendable {
    public var title: String
    public var lines: [String]
}

extension Screen {
    public var bindings: [KeyBinding] {
        switch self {
        case .memberPicker: return MemberPickerScreen.bindings
        case .home: return HomeScreen.bindings
        case .place: return PlaceScreen.bindings
        case .directory: return DirectoryScreen.bindings
        case .triageQueue: return TriageQueueScreen.bindings
        case .myCases: return MyCasesScreen.bindings
        case .referralsIn: return ReferralsInScreen.bindings
        case .caseFile(let screen): return screen.bindings
        case .logCase(let screen): return screen.stepBindings
        case .board: return BoardScreen.bindings
        case .priority: return PriorityScreen.bindings
        case .indicator: return IndicatorScreen.bindings
        case .sync: return SyncScreen.bindings
        case .audit: return AuditScreen.bindings
        }
    }

    /// The screen's name in the breadcrumb.
    func title(_ overview: PlaceOverview?) -> [String] {
        switch self {
        case .memberPicker: return ["Who are you?"]
        case .home: return ["Home"]
        case .place(let screen):
            return ["Home"] + (overview?.tree.path(to: screen.placeID).map(\.name) ?? [screen.placeID.rawValue])
        case .directory: return ["Directory"]
        case .triageQueue: return [TriageQueueScreen.title]
        case .myCases: return [MyCasesScreen.title]
        case .referralsIn: return [ReferralsInScreen.title]
        case .caseFile(let screen):
            return [screen.from, screen.caseID.rawValue] + (screen.detail?.resident.map { [$0.fullName] } ?? [])
        case .logCase(let screen): return [screen.from, LogCaseScreen.title]
        case .board(let screen):
            return (overview?.tree.path(to: screen.placeID).map(\.name) ?? [screen.placeID.rawValue]) + ["Board"]
        case .priority(let screen):
            return [screen.board.placeName, "Plan", screen.priority?.title ?? screen.priorityID.rawValue]
        case .indicator(let screen):
            return [screen.board.placeName, "Indicators", screen.line?.indicator.name ?? ""]
        case .sync: return [SyncScreen.title]
        case .audit(let screen): return [screen.caseID.rawValue, AuditScreen.title]
        }
    }

    /// Which of the numbered top-level tabs this screen is, if it is one.
    var tabIndex: Int? {
        switch self {
        case .home: return 0
        case .directory: return 1
        case .triageQueue: return 2
        case .myCases: return 3
        case .referralsIn: return 4
        case .sync: return 5
        case .memberPicker, .place, .caseFile, .logCase, .board, .priority, .indicator, .audit: return nil
        }
    }

    /// The prompt open on the screen, if any.
    var openPrompt: Prompt? {
        get {
            switch self {
            case .triageQueue(let screen): return screen.prompt
            case .board(let screen): return screen.prompt
            case .sync(let screen): return screen.prompt
            case .priority(let screen): return screen.prompt
            case .referralsIn(let screen): return screen.prompt
            case .caseFile(let screen): return screen.prompt
            default: return nil
            }
        }
        set {
            switch self {
            case .triageQueue(var screen): screen.prompt = newValue; self = .triageQueue(screen)
            case .board(var screen): screen.prompt = newValue; self = .board(screen)
            case .sync(var screen): screen.prompt = newValue; self = .sync(screen)
            case .priority(var screen): screen.prompt = newValue; self = .priority(screen)
            case .referralsIn(var screen): screen.prompt = newValue; self = .referralsIn(screen)
            case .caseFile(var screen): screen.prompt = newValue; self = .caseFile(screen)
            default: break
            }
        }
    }

    /// Whether a text field or prompt has focus, so it takes every key.
    var isEditingText: Bool {
        switch self {
        case .directory(let screen): return screen.isEditing
        case .triageQueue(let screen): return screen.prompt != nil
        case .board(let screen): return screen.prompt != nil
        case .sync(let screen): return screen.prompt != nil
        case .priority(let screen): return screen.prompt != nil
        case .referralsIn(let screen): return screen.prompt != nil
        case .caseFile(let screen): return screen.prompt != nil
        case .logCase(let screen): return screen.isEditing
        default: return false
        }
    }

    /// The keys while a field or prompt has focus.
    var editingBindings: [KeyBinding] {
        switch self {
        case .triageQueue(let screen): return screen.prompt?.bindings ?? []
        case .board(let screen): return screen.prompt?.bindings ?? []
        case .sync(let screen): return screen.prompt?.bindings ?? []
        case .priority(let screen): return screen.prompt?.bindings ?? []
        case .referralsIn(let screen): return screen.prompt?.bindings ?? []
        case .caseFile(let screen): return screen.prompt?.bindings ?? []
        case .logCase(let screen): return screen.stepBindings
        default: return DirectoryScreen.editingBindings
        }
    }

    /// The loads a worklist needs after a case changed, so it never shows stale work.
    func reload(_ context: ScreenContext) -> [Effect] {
        switch self {
        case .triageQueue(let screen): return screen.start(context)
        case .myCases(let screen): return screen.start(context)
        case .referralsIn(let screen): return screen.start(context)
        case .sync(let screen): return screen.start()
        default: return []
        }
    }

    mutating func perform(_ command: Command, _ context: ScreenContext) -> Outcome? {
        switch self {
        case .memberPicker(var screen):
            defer { self = .memberPicker(screen) }
            return screen.perform(command, context)
        case .home(var screen):
            defer { self = .home(screen) }
            return screen.perform(command, context)
        case .place(var screen):
            defer { self = .place(screen) }
            return screen.perform(command, context)
        case .directory(var screen):
            defer { self = .directory(screen) }
            return screen.perform(command, context)
        case .triageQueue(var screen):
            defer { self = .triageQueue(screen) }
            return screen.perform(command, context)
        case .myCases(var screen):
            defer { self = .myCases(screen) }
            return screen.perform(command, context)
        case .referralsIn(var screen):
            defer { self = .referralsIn(screen) }
            return screen.perform(command, context)
        case .caseFile(var screen):
            defer { self = .caseFile(screen) }
            return screen.perform(command, context)
        case .logCase(var screen):
            defer { self = .logCase(screen) }
            return screen.perform(command, context)
        case .board(var screen):
            defer { self = .board(screen) }
            return screen.perform(command, context)
        case .priority(var screen):
            defer { self = .priority(screen) }
            return screen.perform(command, context)
        case .indicator(var screen):
            defer { self = .indicator(screen) }
            return screen.perform(command, context)
        case .sync(var screen):
            defer { self = .sync(screen) }
            return screen.perform(command, context)
        case .audit(var screen):
            defer { self = .audit(screen) }
            return screen.perform(command, context)
        }
    }

    mutating func edit(_ key: Key, _ context: ScreenContext) -> Outcome {
        switch self {
        case .triageQueue(var screen):
            defer { self = .triageQueue(screen) }
            return screen.edit(key, context)
        case .board(var screen):
            defer { self = .board(screen) }
            return screen.edit(key, context)
        case .sync(var screen):
            defer { self = .sync(screen) }
            return screen.edit(key, context)
        case .priority(var screen):
            defer { self = .priority(screen) }
            return screen.edit(key, context)
        case .directory(var screen):
            defer { self = .directory(screen) }
            return screen.edit(key)
        case .referralsIn(var screen):
            defer { self = .referralsIn(screen) }
            return screen.edit(key, context)
        case .caseFile(var screen):
            defer { self = .caseFile(screen) }
            return screen.edit(key, context)
        case .logCase(var screen):
            defer { self = .logCase(screen) }
            return screen.edit(key, context)
        default:
            return Outcome()
        }
    }

    mutating func receive(_ message: Message, _ context: ScreenContext) {
        switch self {
        case .memberPicker(var screen):
            screen.receive(message, context)
            self = .memberPicker(screen)
        case .home(var screen):
            screen.receive(message, context)
            self = .home(screen)
        case .place(var screen):
            screen.receive(message, context)
            self = .place(screen)
        case .directory(var screen):
            screen.receive(message, context)
            self = .directory(screen)
        case .triageQueue(var screen):
            screen.receive(message, context)
            self = .triageQueue(screen)
        case .myCases(var screen):
            screen.receive(message, context)
            self = .myCases(screen)
        case .referralsIn(var screen):
            screen.receive(message, context)
            self = .referralsIn(screen)
        case .caseFile(var screen):
            screen.receive(message, context)
            self = .caseFile(screen)
        case .logCase(var screen):
            screen.receive(message, context)
            self = .logCase(screen)
        case .board(var screen):
            screen.receive(message, context)
            self = .board(screen)
        case .priority(var screen):
            screen.receive(message, context)
            self = .priority(screen)
        case .indicator:
            break
        case .sync(var screen):
            screen.receive(message, context)
            self = .sync(screen)
        case .audit(var screen):
            screen.receive(message, context)
            self = .audit(screen)
        }
    }

    func view(into canvas: inout Canvas, _ rect: Rect, _ context: ScreenContext) {
        switch self {
        case .memberPicker(let screen): screen.view(into: &canvas, rect)
        case .home(let screen): screen.view(into: &canvas, rect, context)
        case .place(let screen): screen.view(into: &canvas, rect, context)
        case .directory(let screen): screen.view(into: &canvas, rect)
        case .triageQueue(let screen): screen.view(into: &canvas, rect)
        case .myCases(let screen): screen.view(into: &canvas, rect)
        case .referralsIn(let screen): screen.view(into: &canvas, rect)
        case .caseFile(let screen): screen.view(into: &canvas, rect)
        case .logCase(let screen): screen.view(into: &canvas, rect)
        case .board(let screen): screen.view(into: &canvas, rect, context)
        case .priority(let screen): screen.view(into: &canvas, rect)
        case .indicator(let screen): screen.view(into: &canvas, rect)
        case .sync(let screen): screen.view(into: &canvas, rect)
        case .audit(let screen): screen.view(into: &canvas, rect)
        }
    }
}
