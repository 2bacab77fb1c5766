import Foundation
import PlaceDomain
import PlaceStore
import TerminalUI

/// Sync: this device and its team, the enrolled devices with when each last
/// sent a bundle and what it has not had from here, and the open conflicts.
/// Enter on a conflict shows every value side by side; a number keeps that
/// value, `m` writes a merged one.
public struct SyncScreen: Equatable, Sendable {
    public var overview: SyncOverview?
    public var selection = Selection()
    /// The conflict open side by side, if any.
    public var open: String?
    public var prompt: Prompt?
    static let title = "Sync"

    public init() {}

    public static let bindings: [KeyBinding] = ListBindings.table + [
        KeyBinding([.enter], .open, label: "open", help: "Show the selected conflict's values side by side"),
        KeyBinding([.character("r")], .resolve, label: "resolve",
                   help: "Resolve the open conflict: keep one value or write a merged one"),
        KeyBinding([.escape], .back, label: "back", help: "Go back"),
    ]

    func start() -> [Effect] { [.loadSync] }

    var conflicts: [Conflict] { overview?.conflicts ?? [] }
    var opened: Conflict? { open.flatMap { id in conflicts.first { $0.id == id } } }

    mutating func perform(_ command: Command, _ context: ScreenContext) -> Outcome? {
        if open == nil, selection.perform(command, count: conflicts.count, visibleRows: max(1, context.bodySize.height - 8)) {
            return Outcome()
        }
        switch command {
        case .open:
            guard conflicts.indices.contains(selection.index) else { return Outcome(notice: "No conflict is open.") }
            open = conflicts[selection.index].id
            return Outcome()
        case .back where open != nil:
            open = nil
            return Outcome()
        case .resolve:
            guard let conflict = opened ?? (conflicts.indices.contains(selection.index) ? conflicts[selection.index] : nil) else {
                return Outcome(notice: "No conflict is open.")
            }
            open = conflict.id
            let choices = conflict.values.enumerated().map { index, value in "Keep \(index + 1): \(Self.text(value.value, in: conflict))" }
            prompt = .choice("Resolve", ["\(conflict.entity) \(conflict.entityID) · \(conflict.field)"],
                             choices + ["Write a merged value…"], .conflictChoice(conflict.id, conflict.values.map(\.value)))
            return Outcome()
        default:
            return nil
        }
    }

    mutating func edit(_ key: Key, _ context: ScreenContext) -> Outcome {
        guard let (answer, step) = prompt.take(key) else { return Outcome() }
        switch (answer, step) {
        case (.pending, _):
            return Outcome()
        case (.chose(let index), .conflictChoice(let id, let values)) where values.indices.contains(index):
            prompt = nil
            return resolve(id, values[index], context)
        case (.chose, .conflictChoice(let id, _)):
            prompt = .reason("Merged value", ["Type the value to keep (a number stays a number)."], .conflictMerged(id))
        case (.entered(let text), .conflictMerged(let id)):
            prompt = nil
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            let value: JSONValue = Int64(trimmed).map { .int($0) } ?? Double(trimmed).map { .double($0) } ?? .string(trimmed)
            return resolve(id, value, context)
        default:
            prompt = nil
        }
        return Outcome()
    }

    private func resolve(_ id: String, _ value: JSONValue, _ context: ScreenContext) -> Outcome {
        guard let member = context.member else { return Outcome() }
        return Outcome(effects: [.resolveConflict(id, value, by: member.id)])
    }

    mutating func receive(_ message: Message, _ context: ScreenContext) {
        guard case .syncLoaded(let loaded) = message else { return }
        overview = loaded
        if let open, !loaded.conflicts.contains(where: { $0.id == open }) { self.open = nil }
        selection.fit(count: loaded.conflicts.count, visibleRows: max(1, context.bodySize.height - 8))
    }

    /// A conflict's value as people read it: text without quotes, and a
    /// deleted record's two sides in words, others as JSON.
    static func text(_ value: JSONValue, in conflict: Conflict) -> String {
        if conflict.field == Op.wholeRecord { return value == .null ? "the deletion" : "the record as it stands" }
        if case .string(let text) = value { return text }
        return value.jsonText
    }
}
