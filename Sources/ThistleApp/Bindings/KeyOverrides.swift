import TerminalUI

/// The user's own keys for commands (config.toml's `[keys]`): each named
/// command gets the key given in place of its own, on every screen that
/// has it, in the footer, help and palette alike. Checked whole: an unknown
/// command or key, or a key already bound on a screen to something else,
/// refuses every override.
public struct KeyOverrides: Equatable, Sendable {
    public private(set) var keys: [Command: Key] = [:]

    public static let none = KeyOverrides()

    /// The commands a key may be given to, by the name config.toml uses.
    public static let names: [String: Command] = [
        "help": .help, "palette": .palette, "quit": .quit, "back": .back, "open": .open,
        "home": .goHome, "directory": .goDirectory, "triage-queue": .goTriage, "my-cases": .goMyCases,
        "referrals-in": .goReferralsIn, "sync": .goSync,
        "expand": .expand, "collapse": .collapse, "next-tab": .nextTab, "previous-tab": .previousTab,
        "filter": .filter, "clear-filter": .clearFilter, "log-case": .logCase,
        "accept": .accept, "decline": .decline, "complete": .complete,
        "refer": .refer, "close-need": .closeNeed, "close-case": .closeCase, "add-need": .addNeed,
        "consent": .recordConsent, "withdraw": .withdraw, "note": .addNote, "lead": .changeLead, "chase": .chase,
        "answer-for": .answerOnBehalf, "audit": .showAudit, "resolve": .resolve,
        "board": .openBoard, "rate": .rate, "allocate": .allocate, "new-priority": .addPriority,
        "new-action": .addAction, "action-status": .setStatus, "describe": .describe,
    ]

    /// Every screen's table, as the overrides are checked against them.
    public static var tables: [String: [KeyBinding]] {
        [
            "the member picker": MemberPickerScreen.bindings, "Home": HomeScreen.bindings, "a place": PlaceScreen.bindings,
            "the directory": DirectoryScreen.bindings, "the triage queue": TriageQueueScreen.bindings,
            "my cases": MyCasesScreen.bindings, "referrals in": ReferralsInScreen.bindings, "a case": CaseScreen.bindings,
            "the board": BoardScreen.bindings, "a priority": PriorityScreen.bindings, "an indicator": IndicatorScreen.bindings,
            "sync": SyncScreen.bindings, "a case's audit": AuditScreen.bindings,
        ].mapValues { $0 + GlobalBindings.table }
    }

    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    public init() {}

    /// Overrides from `name = key` pairs; refused whole, naming the first problem.
    public init(_ pairs: [String: String]) throws(Problem) {
        for (name, text) in pairs.sorted(by: { $0.key < $1.key }) {
            guard let command = Self.names[name] else {
                throw Problem(description: "keys: there is no command '\(name)'; the commands are "
                              + Self.names.keys.sorted().joined(separator: ", "))
            }
            guard let key = Key(name: text) else {
                throw Problem(description: "keys.\(name): '\(text)' is not a key: give a character, Ctrl-A to Ctrl-Z, "
                              + "F1 to F12, or Enter, Esc, Tab, Space, Backspace, Del, Ins, Home, End, PgUp, PgDn, Up, Down, Left, Right")
            }
            keys[command] = key
        }
        for (screen, table) in Self.tables.sorted(by: { $0.key < $1.key }) {
            var seen: [Key: Command] = [:]
            for binding in apply(table) {
                for key in binding.keys {
                    if let other = seen[key], other != binding.command {
                        let named = Self.names.first { $0.value == binding.command }?.key ?? "\(binding.command)"
                        let otherName = Self.names.first { $0.value == other }?.key ?? "\(other)"
                        let given = keys[binding.command] != nil ? named : otherName
                        throw Problem(description: "keys.\(given): \(key.displayName) is already bound on \(screen) "
                                      + "(to \(given == named ? otherName : named))")
                    }
                    seen[key] = binding.command
                }
            }
        }
    }

    /// The table with each overridden command's keys replaced by its own.
    public func apply(_ table: [KeyBinding]) -> [KeyBinding] {
        guard !keys.isEmpty else { return table }
        return table.map { binding in
            guard let key = keys[binding.command] else { return binding }
            return KeyBinding([key], binding.command, label: binding.label, help: binding.help, inFooter: binding.inFooter)
        }
    }
}
