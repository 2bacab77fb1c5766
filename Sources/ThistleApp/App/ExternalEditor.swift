import Foundation
import PlaceDomain
import TerminalUI

/// A long text to write in the user's own editor: the prompt's title and
/// what is typed so far.
public struct EditorRequest: Hashable, Sendable {
    public let title: String
    public let text: String

    public init(title: String, text: String) {
        self.title = title
        self.text = text
    }
}

/// What came back from the editor.
public enum EditorResult: Equatable, Sendable {
    case text(String)
    /// Saved empty (or only comments): the prompt is cancelled, as git does.
    case empty
    /// The editor failed: the prompt stays open with what was typed.
    case failed(String)
    /// Neither `$VISUAL` nor `$EDITOR` is set: the built-in editor opens instead.
    case noEditor
}

/// The built-in editor, for when the user has named none: a text area over
/// the screen, Enter for a new line, Ctrl-S to save, Esc to go back to the
/// prompt unchanged.
public struct BuiltInEditor: Equatable, Sendable {
    public let title: String
    public var area: TextArea

    public static let bindings: [KeyBinding] = [
        KeyBinding([.ctrl("s")], .open, label: "save", help: "Save the text and answer with it"),
        KeyBinding([.enter], .moveDown, label: "new line", help: "Start a new line"),
        KeyBinding([.escape], .back, label: "cancel", help: "Go back to the prompt, changing nothing"),
    ]
}

/// The user's editor, as git runs it: `$VISUAL`, else `$EDITOR`, through
/// the shell (so it may carry arguments), on a private temporary file that
/// is removed afterwards. Lines starting with `#` are left out.
public enum ExternalEditor {
    /// The command the environment names, if any.
    public static func command(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        for name in ["VISUAL", "EDITOR"] {
            if let command = environment[name]?.trimmingCharacters(in: .whitespaces), !command.isEmpty { return command }
        }
        return nil
    }

    /// Runs the editor on the request's text and reads what it saved. The
    /// caller has lent it the terminal.
    public static func edit(_ request: EditorRequest,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> EditorResult {
        guard let command = command(environment) else { return .noEditor }
        // A folder only this user can open (mkdtemp makes it 0700), with the file inside it 0600.
        let base = environment["XDG_RUNTIME_DIR"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? NSTemporaryDirectory()
        var template = Array((base + "/thistle-edit-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { return .failed("Could not make a private folder for the editor's file.") }
        let folder = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/thistle.txt"
        guard FileManager.default.createFile(atPath: path, contents: Data(Self.template(request).utf8),
                                             attributes: [.posixPermissions: 0o600])
        else { return .failed("Could not write the editor's file.") }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command + " \"$1\"", "sh", path]
        do {
            try process.run()
        } catch {
            return .failed("Could not start the editor (\(command.shownInRefusal)).")
        }
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            return .failed("The editor (\(command.shownInRefusal)) ended with status \(process.terminationStatus); nothing was saved.")
        }
        guard let data = FileManager.default.contents(atPath: path), let saved = String(data: data, encoding: .utf8) else {
            return .failed("The editor's file was not UTF-8 text; nothing was saved.")
        }
        let text = answer(saved)
        return text.isEmpty ? .empty : .text(text)
    }

    /// What the file holds when the editor opens: the text, then a reminder.
    static func template(_ request: EditorRequest) -> String {
        request.text + "\n\n# " + request.title + ": write it above.\n"
            + "# Lines starting with # are left out; save it empty to cancel.\n"
    }

    /// The text the user saved: without `#` lines, trailing spaces or blank lines at either end.
    static func answer(_ saved: String) -> String {
        let lines = saved.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("#") }
            .map { String($0.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed()) }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
