/// Why the terminal cannot be used, in words the user can act on.
public enum TerminalSetupError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, cron).
    case notATerminal
    /// TERM=dumb: a terminal that cannot move the cursor.
    case dumbTerminal
    /// TERM is unset, or names a type terminfo does not describe.
    case unknownTerminal(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "thistle needs an interactive terminal: standard input and output must be a terminal."
        case .dumbTerminal:
            return "thistle cannot draw on TERM=dumb; use a terminal such as xterm-256color."
        case .unknownTerminal(let name) where name.isEmpty:
            return "thistle needs TERM to name your terminal type; set it, for example TERM=xterm-256color."
        case .unknownTerminal(let name):
            return "thistle does not know the terminal type TERM=\(name); try TERM=xterm-256color."
        }
    }
}
