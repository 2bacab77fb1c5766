/// How the workspace's colours reach the terminal (`theme` in config.toml).
/// The screens name eight colours; a theme decides what they become.
public enum Theme: String, CaseIterable, Sendable {
    /// 256 colours where terminfo says the terminal has them, else 8, else none.
    case auto
    /// Softer tones from the 256-colour cube, readable on light and dark backgrounds.
    case colors256 = "256"
    /// The terminal's own eight colours.
    case colors8 = "8"
    /// Bright colours in bold, nothing dimmed: for low vision or a washed-out screen.
    case highContrast = "high-contrast"
    /// No colour at all (also what `NO_COLOR` gives): attributes only.
    case mono

    /// What this theme comes to on a terminal with `colours` colours (nil: none).
    public func resolved(colours: Int?) -> Theme {
        guard let colours, colours >= 8 else { return .mono }
        switch self {
        case .auto: return colours >= 256 ? .colors256 : .colors8
        case .colors256: return colours >= 256 ? .colors256 : .colors8
        case .highContrast: return colours >= 16 ? .highContrast : .colors8
        default: return self
        }
    }

    /// The colour number this theme gives `color` (a resolved theme; mono has none).
    public func index(_ color: Color) -> Int16 {
        let base: Int16 = switch color {
        case .black: 0
        case .red: 1
        case .green: 2
        case .yellow: 3
        case .blue: 4
        case .magenta: 5
        case .cyan: 6
        case .white: 7
        }
        switch self {
        case .colors256:
            // From the 6×6×6 cube: mid tones that keep their contrast on a white or a black background.
            return [236, 160, 28, 136, 25, 127, 30, 250][Int(base)]
        case .highContrast:
            // The bright eight (8–15), black kept black.
            return base == 0 ? 0 : base + 8
        default:
            return base
        }
    }

    /// Whether text is dimmed where a screen asks (high contrast never dims, and makes coloured text bold).
    public var dims: Bool { self != .highContrast }
}
