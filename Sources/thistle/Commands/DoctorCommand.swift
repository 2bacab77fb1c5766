import ArgumentParser
import Foundation
import PlaceStore
import PlaceSync
import TerminalUI
import ThistleApp

#if canImport(Glibc)
import Glibc
#endif

/// `thistle doctor`: checks what the workspace needs — the terminal, the
/// locale, colours, the database and its permissions, the hub — and says
/// how to fix each problem. Exit status 1 when any check fails.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the terminal, locale, colours, database, permissions and hub, and say how to fix each problem.",
        discussion: "Exit status 0 when nothing failed (warnings allowed), 1 when a check failed. See docs/cli.md.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONFlag

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        var checks = [Self.terminal(environment), Self.locale(environment), Self.colours(environment)]
        checks += Self.files(global.databasePath, environment)
        let (database, store) = Self.database(global.databasePath)
        checks.append(database)
        checks.append(store.map(Self.hub) ?? Check("hub", .skipped, "the database did not open"))
        checks.append(Self.config(environment, store))
        let failed = checks.filter { $0.status == .fail }.count
        let warned = checks.filter { $0.status == .warn }.count
        try printRecord(Report(checks: checks, failed: failed, warned: warned), json: output.json, text: Self.text(checks))
        if failed > 0 { throw ExitCode(1) }
    }

    struct Report: Encodable {
        let checks: [Check]
        let failed: Int
        let warned: Int
    }

    struct Check: Encodable {
        enum Status: String, Encodable { case ok, warn, fail, skipped }
        let check: String
        let status: Status
        let detail: String
        let fix: String?

        init(_ check: String, _ status: Status, _ detail: String, fix: String? = nil) {
            (self.check, self.status, self.detail, self.fix) = (check, status, detail, fix)
        }
    }

    static func text(_ checks: [Check]) -> String {
        var lines = checks.map { check in
            let head = "\(check.status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))"
                + "\(check.check.padding(toLength: 13, withPad: " ", startingAt: 0))\(check.detail)"
            return check.fix.map { head + "\n" + String(repeating: " ", count: 21) + "fix: " + $0 } ?? head
        }
        let failed = checks.filter { $0.status == .fail }.count, warned = checks.filter { $0.status == .warn }.count
        lines.append(failed + warned == 0 ? "Everything Thistle needs is in order."
            : "\(failed) failed, \(warned) to look at: each says how to fix it.")
        return lines.joined(separator: "\n")
    }

    static func terminal(_ environment: [String: String]) -> Check {
        let term = environment["TERM"] ?? ""
        if let problem = CursesBackend.unusableTerminal(environment: environment) {
            let fix: String
            switch problem {
            case .notATerminal: fix = "run thistle in a terminal window, not through a pipe, a script or cron"
            case .dumbTerminal: fix = "set TERM to your terminal's type, for example: export TERM=xterm-256color"
            case .unknownTerminal(let name) where name.isEmpty:
                fix = "set TERM to your terminal's type, for example: export TERM=xterm-256color"
            case .unknownTerminal:
                fix = "set TERM to a type terminfo knows (`toe -a` lists them), or install ncurses-term"
            }
            return Check("terminal", .fail, problem.description, fix: fix)
        }
        let least = AppState.minimumSize
        guard let size = TerminalFacts.windowSize() else { return Check("terminal", .ok, "TERM=\(term)") }
        if size.width < least.width || size.height < least.height {
            return Check("terminal", .warn, "TERM=\(term), \(size.width)×\(size.height): the workspace needs "
                         + "\(least.width)×\(least.height)", fix: "make the window larger (or the font smaller)")
        }
        return Check("terminal", .ok, "TERM=\(term), \(size.width)×\(size.height)")
    }

    static func locale(_ environment: [String: String]) -> Check {
        let named = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { name in
            environment[name].flatMap { $0.isEmpty ? nil : "\(name)=\($0)" }
        }.first ?? "no LANG"
        guard TerminalFacts.localeSpeaksUTF8() else {
            return Check("locale", .warn, "\(named) is not UTF-8: the workspace draws ASCII borders and symbols",
                         fix: "export LANG=C.UTF-8 (or another UTF-8 locale `locale -a` lists)")
        }
        return Check("locale", .ok, "\(named), UTF-8")
    }

    static func colours(_ environment: [String: String]) -> Check {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            return Check("colours", .ok, "off: NO_COLOR is set (statuses keep their words and symbols)")
        }
        let term = environment["TERM"] ?? ""
        guard let count = TerminalFacts.colours(term: term) else {
            return Check("colours", .warn, "TERM=\(term) has no colours: the workspace is drawn in monochrome",
                         fix: "use a colour terminal type such as TERM=xterm-256color, or set NO_COLOR to say you meant it")
        }
        return Check("colours", .ok, "\(count) colours")
    }

    /// The database file's and the session folder's permissions, read before the file is opened.
    static func files(_ path: String, _ environment: [String: String]) -> [Check] {
        var checks: [Check] = []
        let folder = (path as NSString).deletingLastPathComponent
        var status = stat()
        if stat(path, &status) == 0 {
            let mode = status.st_mode & 0o777
            if status.st_uid != geteuid() {
                checks.append(Check("permissions", .warn, "\(path) belongs to another user (uid \(status.st_uid))",
                                    fix: "work on your own copy, or ask its owner"))
            } else if mode & 0o077 != 0 {
                checks.append(Check("permissions", .warn, "\(path) can be read by others (mode \(String(mode, radix: 8)))",
                                    fix: "chmod 600 \(path) (thistle does this when it opens the file)"))
            }
            if access(folder, W_OK) != 0 {
                checks.append(Check("permissions", .fail, "cannot write in \(folder), where SQLite keeps the -wal and -shm",
                                    fix: "give your user write access to \(folder), or move the database"))
            }
        }
        if checks.isEmpty { checks.append(Check("permissions", .ok, "the database is private to you")) }
        if SessionFolder.fromEnvironment(environment) == nil {
            checks.append(Check("sign-in", .warn,
                                "XDG_RUNTIME_DIR is unset or not a private folder: each command asks for the passphrase",
                                fix: "export XDG_RUNTIME_DIR=/run/user/$(id -u) (a folder only you can open)"))
        } else {
            checks.append(Check("sign-in", .ok, "kept between commands until idle"))
        }
        return checks
    }

    static func database(_ path: String) -> (Check, PlaceStore?) {
        let store: PlaceStore
        do {
            store = try PlaceStore.open(at: path, connections: .single, notice: GlobalOptions.notice)
        } catch {
            let fix: String? = switch error {
            case .databaseMissing, .directoryMissing:
                "make the demo with `thistle demo`, or give --db PATH (the default is $XDG_DATA_HOME/thistle/thistle.sqlite)"
            case .newerSchema: "install the newer thistle that wrote it"
            case .notWritable: "give your user read and write access to the file and its folder"
            case .damaged, .notADatabase: "restore the file from a copy, or make a fresh one and sync it from the hub"
            default: nil
            }
            return (Check("database", .fail, error.description, fix: fix), nil)
        }
        do {
            if let damage = try store.damage() {
                return (Check("database", .fail, "\(path) is damaged: \(damage)",
                              fix: "restore the file from a copy, or make a fresh one and sync it from the hub"), store)
            }
            let ops = try store.logCounts().ops
            return (Check("database", .ok, "\(path): \(ops) ops, quick check ok"), store)
        } catch {
            return (Check("database", .fail, "\(path) could not be read: \(error)"), store)
        }
    }

    static func config(_ environment: [String: String], _ store: PlaceStore?) -> Check {
        let path = Config.path(environment)
        let config: Config
        do {
            config = try Config.load(environment)
        } catch {
            return Check("config", .fail, String(describing: error),
                         fix: "correct it (docs/cli.md lists the settings), or move it aside to use the defaults")
        }
        guard config.path != nil else { return Check("config", .ok, "none at \(path): the defaults") }
        if let place = config.place, let tree = try? store?.placeTree(), tree[place] == nil {
            return Check("config", .fail, "\(path): place '\(place.rawValue)' is not a place in this database",
                         fix: "set place to an id from `thistle places`, or remove it")
        }
        var said = ["theme \(config.theme.rawValue)"]
        if let lock = config.lockAfter { said.append("locks after \(Int(lock) % 60 == 0 ? "\(Int(lock) / 60) min" : "\(Int(lock)) s")") }
        if let place = config.place { said.append("Home opens on \(place.rawValue)") }
        if !config.mouse { said.append("mouse off") }
        if !config.keys.keys.isEmpty { said.append("\(config.keys.keys.count) keys of your own") }
        return Check("config", .ok, "\(path): " + said.joined(separator: ", "))
    }

    static func hub(_ store: PlaceStore) -> Check {
        guard let last = try? store.lastHubSync() else { return Check("hub", .ok, "none used yet") }
        guard let address = try? HubAddress(url: last.url) else {
            return Check("hub", .fail, "the last hub's address no longer reads: \(last.url.shownInRefusal)",
                         fix: "give the hub's address with `thistle sync hub --url postgres://USER@HOST:PORT/DATABASE`")
        }
        if let problem = reach(address.host, address.port, seconds: 3) {
            return Check("hub", .fail, "cannot reach \(address.host):\(address.port): \(problem) (last sync \(last.at))",
                         fix: "check the network (or VPN), or give the hub's new address with `thistle sync hub --url …`")
        }
        return Check("hub", .ok, "\(address.host):\(address.port) answers (last sync \(last.at), \(last.unshared) ops to share)")
    }

    /// Why a TCP connection to `host:port` cannot be made within `seconds`, or nil when it can.
    static func reach(_ host: String, _ port: Int, seconds: Int) -> String? {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        let resolved = getaddrinfo(host, String(port), &hints, &found)
        guard resolved == 0, let first = found else { return "the name does not resolve (\(String(cString: gai_strerror(resolved))))" }
        defer { freeaddrinfo(found) }
        var problem = "no address to try"
        var next: UnsafeMutablePointer<addrinfo>? = first
        while let address = next {
            next = address.pointee.ai_next
            let socket = Glibc.socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            guard socket >= 0 else { continue }
            defer { close(socket) }
            _ = fcntl(socket, F_SETFL, fcntl(socket, F_GETFL) | O_NONBLOCK)
            if connect(socket, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 { return nil }
            guard errno == EINPROGRESS else { problem = String(cString: strerror(errno)); continue }
            var waiting = pollfd(fd: socket, events: Int16(POLLOUT), revents: 0)
            guard poll(&waiting, 1, Int32(seconds * 1000)) == 1 else { problem = "no answer in \(seconds) s"; continue }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(socket, SOL_SOCKET, SO_ERROR, &error, &length)
            if error == 0 { return nil }
            problem = String(cString: strerror(error))
        }
        return problem
    }
}
