/// `thistle queue` read without swift-argument-parser when each argument
/// is one of the command's own options, given plainly. The queue is the
/// verb scripts and status lines run over and over, and the parser
/// reflects over the command tree first: a few of the ~25 milliseconds
/// the whole process takes (docs/PERFORMANCE.md). Anything else — help,
/// a value missing or empty or starting with `-`, an option given twice,
/// `--json` with another format, global options before the command, any
/// other word — returns nil and goes to the parser, so every message and
/// exit status stays the parser's own.
enum QuickQueue {
    /// The options with a value this reads; with `--json`, every option
    /// `thistle queue --help` lists besides help and version
    /// (QueueCommandTests checks the two agree).
    static let valueOptions: Set<String> = ["--db", "--as", "--place", "--format"]

    static func parse(_ arguments: [String]) -> QueueCommand? {
        guard arguments.first == "queue" else { return nil }
        var values: [String: String] = [:]
        var json = false
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--json" {
                guard !json else { return nil }
                json = true
                continue
            }
            let name: String
            let value: String
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            } else {
                guard index < arguments.count else { return nil }
                name = argument
                value = arguments[index]
                index += 1
            }
            guard valueOptions.contains(name), values[name] == nil, !value.isEmpty, !value.hasPrefix("-") else { return nil }
            values[name] = value
        }
        var format: OutputFormat?
        if let text = values["--format"] {
            guard let known = OutputFormat(rawValue: text), !json || known == .json else { return nil }
            format = known
        }
        // Every property is set: an ArgumentParser wrapper left unparsed cannot be read.
        var command = QueueCommand()
        var global = GlobalOptions()
        global.db = values["--db"]
        global.member = values["--as"]
        var output = FormatOptions()
        output.format = format
        output.json = json
        command.global = global
        command.place = values["--place"]
        command.output = output
        return command
    }
}
