import ArgumentParser

/// How a listing is printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

/// `--format text|json|csv`, with `--json` short for `--format json`.
struct FormatOptions: ParsableArguments {
    @Option(help: "Output format: text, json or csv.")
    var format: OutputFormat?

    @Flag(help: "Short for --format json.")
    var json = false

    var resolved: OutputFormat { json ? .json : (format ?? .text) }

    func validate() throws {
        if json, let format, format != .json {
            throw ValidationError("--json and --format \(format.rawValue) ask for different formats; give one")
        }
    }
}
