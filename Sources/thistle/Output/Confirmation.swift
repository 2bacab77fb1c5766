import ArgumentParser
import Foundation

/// `--dry-run` and `--yes`, for the commands that show what they will
/// write before writing it (init, directory import, case import).
struct PreviewOptions: ParsableArguments {
    @Flag(name: .customLong("dry-run"), help: "Only check the input and show what would be written.") var dryRun = false
    @Flag(help: "Write without asking.") var yes = false

    func validate() throws {
        if dryRun && yes { throw ValidationError("--dry-run and --yes cannot be used together") }
    }
}

/// Whether to go ahead with what a preview showed. `--yes` does; at a
/// terminal the user is shown the preview and asked; elsewhere the preview
/// is printed (not with --json) and the command refused, saying how to go
/// ahead, so a script never writes by accident.
enum Confirmation {
    static func proceed(_ preview: String, question: String, yes: Bool, json: Bool, refusal: String) throws -> Bool {
        if yes { return true }
        guard isatty(0) == 1, isatty(1) == 1, !json else {
            if !json { print(preview) }
            throw Failure(refusal)
        }
        FileHandle.standardOutput.write(Data((preview + "\n\(question) [y/N] ").utf8))
        return ["y", "yes"].contains(readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? "")
    }
}
