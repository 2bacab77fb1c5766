import Foundation
import PlaceStore

/// Where a passphrase comes from: the file `THISTLE_PASSPHRASE_FILE` names
/// (for scripts and tests; it must be readable by its owner only), else the
/// terminal, asked without echo. Never the command line, where other users
/// could read it in the process list.
enum PassphraseInput {
    static let fileVariable = "THISTLE_PASSPHRASE_FILE"
    /// A second file for the new passphrase of `member add` and `member passphrase`.
    static let newFileVariable = "THISTLE_NEW_PASSPHRASE_FILE"

    /// Whether THISTLE_PASSPHRASE_FILE names a file (the workspace then signs in before it opens).
    static var fileIsGiven: Bool { environment(fileVariable) != nil }

    /// The current passphrase.
    static func read(prompt: String) throws -> String {
        if let path = environment(fileVariable) { return try fromFile(path, variable: fileVariable) }
        return try fromTerminal(prompt, variable: fileVariable)
    }

    /// A new passphrase: from its file, or typed twice.
    static func readNew(prompt: String) throws -> String {
        if let path = environment(newFileVariable) { return try fromFile(path, variable: newFileVariable) }
        let first = try fromTerminal(prompt, variable: newFileVariable)
        guard Secrets.equal(Data(try fromTerminal("Again: ", variable: newFileVariable).utf8), Data(first.utf8)) else { throw SignInError.passphrasesDiffer }
        return first
    }

    private static func environment(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }

    /// The file's first line. Refused if others could read it.
    static func fromFile(_ path: String, variable: String) throws -> String {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw SignInError.noPassphrase("\(variable) names \(path), which is not a readable file")
        }
        guard status.st_mode & 0o077 == 0 else {
            throw SignInError.noPassphrase("\(variable) names \(path), which others can read: chmod 600 it")
        }
        guard status.st_size <= 4_096, let data = FileManager.default.contents(atPath: path) else {
            throw SignInError.noPassphrase("\(variable) names \(path), which cannot be read or is too long")
        }
        let text = String(decoding: data, as: UTF8.self)
        return String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            .trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
    }

    /// Asks on the controlling terminal with echo off, restoring it after;
    /// with no terminal, the refusal names the file `variable` could give instead.
    private static func fromTerminal(_ prompt: String, variable: String) throws -> String {
        let tty = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard tty >= 0, isatty(tty) == 1 else {
            if tty >= 0 { close(tty) }
            throw SignInError.noPassphrase("no terminal to ask on; set \(variable) to a file only you can read")
        }
        defer { close(tty) }
        var saved = termios()
        tcgetattr(tty, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        quiet.c_lflag |= tcflag_t(ICANON)
        EchoRestorer.arm(tty, saved)
        tcsetattr(tty, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(tty, TCSAFLUSH, &saved)
            EchoRestorer.disarm()
            _ = "\n".withCString { Foundation.write(tty, $0, 1) }
        }
        _ = prompt.withCString { Foundation.write(tty, $0, strlen($0)) }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while Foundation.read(tty, &byte, 1) == 1, byte != 10, byte != 13 {
            guard bytes.count < 4_096 else { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Ctrl-C at the passphrase prompt must not leave the terminal without
/// echo: the handler puts the saved settings back, then exits 130.
private enum EchoRestorer {
    nonisolated(unsafe) static var tty: Int32 = -1
    nonisolated(unsafe) static var saved = termios()

    static func arm(_ descriptor: Int32, _ settings: termios) {
        tty = descriptor
        saved = settings
        signal(SIGINT, restoreAndExit)
        signal(SIGTERM, restoreAndExit)
    }

    static func disarm() {
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        tty = -1
    }
}

private func restoreAndExit(_ signal: Int32) {
    if EchoRestorer.tty >= 0 { tcsetattr(EchoRestorer.tty, TCSAFLUSH, &EchoRestorer.saved) }
    _exit(130)
}
