import Foundation
import PlaceDomain
import PlaceStore
import TerminalUI
import ThistleApp

/// Drives the app as a user would, with no terminal: each key goes through
/// `update`, its effects run at once against the store, and the screen is
/// the view drawn into a canvas, read back as text.
public final class AppDriver {
    public private(set) var state: AppState
    private let effects: StoreEffects
    public private(set) var effectLog: [Effect] = []
    /// Stands in for the user's editor (`Effect.openEditor`); without it, as with no EDITOR set, the built-in one opens.
    public var editor: ((EditorRequest) -> EditorResult)?

    /// The morning after the demo was built (2026-11-24T00:00Z): a fixed
    /// "now" for screens that show what is overdue or stalled.
    public static let morningAfterDemo = Date(timeIntervalSince1970: 1_795_478_400)

    /// The clock defaults to the morning after the demo was built, so what
    /// shows as overdue or stalled does not depend on the day the tests run.
    /// With `needsSignIn`, the member (or whoever is chosen) types their passphrase first.
    public init(store: PlaceStore, member: Member?, size: Size = Size(width: 80, height: 24),
                clock: any WallClock = FixedClock(AppDriver.morningAfterDemo), needsSignIn: Bool = false,
                keyOverrides: KeyOverrides = .none) {
        state = AppState(size: size, member: member, needsSignIn: needsSignIn)
        state.keyOverrides = keyOverrides
        effects = StoreEffects(store: store, clock: clock)
        run(state.start())
    }

    /// Sends a message as the runtime would (the idle timer's `.idle`).
    public func receive(_ message: Message) {
        run(state.update(message))
    }

    /// Presses keys one by one.
    public func press(_ keys: Key...) {
        for key in keys { run(state.update(.key(key))) }
    }

    /// Types text: each character is a key press.
    public func type(_ text: String) {
        for character in text { run(state.update(.key(.character(character)))) }
    }

    public func resize(_ width: Int, _ height: Int) {
        run(state.update(.resized(Size(width: width, height: height))))
    }

    /// The screen as plain text, one line per row.
    public var screen: String {
        var canvas = Canvas(size: state.size)
        state.view(into: &canvas)
        return canvas.text()
    }

    private func run(_ pending: [Effect]) {
        for effect in pending {
            effectLog.append(effect)
            if case .openEditor(let request) = effect {
                run(state.update(.edited(editor?(request) ?? .noEditor)))
                continue
            }
            if let message = effects.perform(effect) { run(state.update(message)) }
        }
    }
}
