import Crypto
import Foundation
import PlaceDomain

/// Where a signed-in member's unlocked keys wait between commands, as
/// ssh-agent holds keys: one 0600 file per database and member in a 0700
/// folder on the per-user runtime tmpfs (`$XDG_RUNTIME_DIR/thistle`),
/// never on disk. A session unused for its idle time is deleted on the
/// next look. Without a usable runtime folder nothing is kept and every
/// command asks for the passphrase.
public struct SessionFolder: Sendable {
    public let path: String

    /// The default idle time before a session locks.
    public static let defaultIdle: TimeInterval = 15 * 60

    /// The runtime folder from the environment, if it is a directory only this user can enter.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> SessionFolder?
    {
        guard let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/"), isPrivateFolder(runtime) else {
            return nil
        }
        let folder = runtime + "/thistle"
        if !FileManager.default.fileExists(atPath: folder) { mkdir(folder, 0o700) }
        guard isPrivateFolder(folder) else { return nil }
        return SessionFolder(path: folder)
    }

    private static func isPrivateFolder(_ path: String) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else { return false }
        return status.st_uid == geteuid() && (status.st_mode & 0o077) == 0
    }

    /// A session file's JSON object (`lastUsed` in seconds since 1970).
    struct Contents {
        var database: String
        var member: String
        var keys: [String: String]
        var lastUsed: Date
        var idleSeconds: Double
    }

    /// The session of `member` (or, when nil, the one used last) on the
    /// database at `database`, if it has not gone idle; using it restarts
    /// its idle time.
    public func session(for database: String, member: MemberID?, now: Date = Date()) -> (MemberID, TeamKeyring)? {
        let candidates: [String]
        if let member {
            candidates = [file(database, member)]
        } else {
            let prefix = Self.databaseTag(database)
            candidates = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
                .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".session") }.map { path + "/" + $0 }
        }
        let live = candidates.compactMap { candidate -> (String, Contents)? in
            guard let contents = read(candidate), contents.database == database else { return nil }
            guard now.timeIntervalSince(contents.lastUsed) < contents.idleSeconds else {
                unlink(candidate)
                return nil
            }
            return (candidate, contents)
        }
        guard let (found, contents) = live.max(by: { $0.1.lastUsed < $1.1.lastUsed }),
            let keyring = TeamKeyring(encoded: contents.keys)
        else { return nil }
        // Idle time is kept to the second: a command within a second of the last one need not write.
        if now.timeIntervalSince(contents.lastUsed) >= 1 {
            var touched = contents
            touched.lastUsed = now
            write(touched, to: found)
        }
        return (MemberID(contents.member), keyring)
    }

    /// Keeps `signedIn`'s keys until they go unused for `idle`.
    public func keep(_ signedIn: SignedIn, for database: String, idle: TimeInterval = defaultIdle, now: Date = Date()) {
        write(
            Contents(database: database, member: signedIn.member.id.rawValue, keys: signedIn.keyring.encoded, lastUsed: now,
                     idleSeconds: idle),
            to: file(database, signedIn.member.id))
    }

    /// Ends every session on `database` (or every session, when nil); returns how many ended.
    @discardableResult
    public func end(database: String?) -> Int {
        let prefix = database.map(Self.databaseTag) ?? ""
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter {
            $0.hasSuffix(".session") && $0.hasPrefix(prefix)
        }
        for name in names { unlink(path + "/" + name) }
        return names.count
    }

    private func file(_ database: String, _ member: MemberID) -> String {
        path + "/" + Self.databaseTag(database) + Self.tag(member.rawValue) + ".session"
    }

    private static func databaseTag(_ database: String) -> String { tag(database) + "-" }

    private static func tag(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).prefix(8).hexDigits
    }

    private func read(_ file: String) -> Contents? {
        var status = stat()
        guard lstat(file, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_uid == geteuid(),
            (status.st_mode & 0o077) == 0, let data = FileManager.default.contents(atPath: file)
        else { return nil }
        return JSONValue(jsonData: data).flatMap(Contents.init(json:))
    }

    /// Written to a 0600 temporary file and renamed over the old one, so a
    /// reader never sees half a session.
    private func write(_ contents: Contents, to file: String) {
        let data = Data(contents.json.jsonText.utf8)
        let temporary = file + ".\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { return }
        let written = data.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        if written == data.count { rename(temporary, file) } else { unlink(temporary) }
    }
}

extension SessionFolder.Contents {
    /// Read with the op log's JSON reader: JSONDecoder's first use in a
    /// process costs more than the rest of a sign-in.
    init?(json: JSONValue) {
        guard case .object(let fields) = json, case .string(let database)? = fields["database"],
            case .string(let member)? = fields["member"], case .object(let keyFields)? = fields["keys"],
            let lastUsed = Self.seconds(fields["lastUsed"]), let idleSeconds = Self.seconds(fields["idleSeconds"])
        else { return nil }
        var keys: [String: String] = [:]
        for (name, value) in keyFields {
            guard case .string(let key) = value else { return nil }
            keys[name] = key
        }
        self.init(database: database, member: member, keys: keys, lastUsed: Date(timeIntervalSince1970: lastUsed),
                  idleSeconds: idleSeconds)
    }

    private static func seconds(_ value: JSONValue?) -> Double? {
        switch value {
        case .int(let whole)?: Double(whole)
        case .double(let seconds)?: seconds
        default: nil
        }
    }

    var json: JSONValue {
        .object([
            "database": .string(database), "member": .string(member), "keys": .object(keys.mapValues(JSONValue.string)),
            "lastUsed": .double(lastUsed.timeIntervalSince1970), "idleSeconds": .double(idleSeconds),
        ])
    }
}
