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

    public init(store: PlaceStore, member: Member?, size: Size = Size(width: 80, height: 24)) {
        state = AppState(size: size, member: member)
        effects = StoreEffects(store: store)
        run(state.start())
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
            if let message = effects.perform(effect) { run(state.update(message)) }
        }
    }
}
