import Foundation

/// A real PostgreSQL server for the hub's tests: `initdb` in a temporary
/// folder, run as a non-root user (`postgres` when the tests run as root,
/// since PostgreSQL refuses root), on a free loopback port, stopped and
/// removed by `stop()`. The hub signs in as its own non-superuser role
/// with a password (SCRAM); `psql` here signs in as the cluster's
/// superuser over the cluster's own socket, to look at what the hub stored.
public final class ThrowawayPostgres: @unchecked Sendable {
    public let port: Int
    public let folder: String
    public let user = "hub_user"
    public let password: String
    public let database = "thistle_hub"
    /// The server's self-signed certificate when started with TLS.
    public var certificate: String { folder + "/server.crt" }
    private let bin: String
    private let runAs: [String]
    private var running = true

    /// `postgres://hub_user@127.0.0.1:PORT/thistle_hub`, with `query` appended.
    public func url(host: String = "127.0.0.1", _ query: String = "") -> String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (query.isEmpty ? "" : "?" + query)
    }

    public init(tls: Bool = false) throws {
        guard let bin = Self.binaries() else {
            throw Spawn.Failed(description: "PostgreSQL's server is not installed: `make test` installs postgresql-15")
        }
        self.bin = bin
        runAs = getuid() == 0 ? ["runuser", "-u", "postgres", "--"] : []
        Self.stopOrphans(bin: bin, runAs: runAs)
        var template = Array((FileManager.default.temporaryDirectory.path + "/thistle-pg-\(getpid())-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw Spawn.Failed(description: "cannot make a temporary folder") }
        folder = String(cString: made)
        password = "pw-" + UUID().uuidString
        if tls {
            try Spawn.output([
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", folder + "/server.key", "-out", folder + "/server.crt",
            ])
            chmod(folder + "/server.key", 0o600)
        }
        if getuid() == 0 { try Spawn.output(["chown", "-R", "postgres:postgres", folder]) }
        try Spawn.output(runAs + [
            bin + "/initdb", "-D", folder + "/data", "-U", "admin", "--auth-local=trust", "--auth-host=scram-sha-256",
            "-E", "UTF8", "--no-sync", "--no-instructions",
        ])
        var started: Int?
        for _ in 0..<5 where started == nil {
            let candidate = try Self.freePort()
            var options = "-p \(candidate) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
            if tls { options += " -c ssl=on -c ssl_cert_file=\(folder)/server.crt -c ssl_key_file=\(folder)/server.key" }
            if (try? Spawn.output(runAs + [bin + "/pg_ctl", "-D", folder + "/data", "-l", folder + "/log", "-w", "-t", "60",
                                           "-o", options, "start"])) != nil
            {
                started = candidate
            }
        }
        guard let started else {
            let log = (try? String(contentsOfFile: folder + "/log", encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(atPath: folder)
            throw Spawn.Failed(description: "PostgreSQL did not start: \(log)")
        }
        port = started
        try psql("CREATE ROLE \(user) LOGIN PASSWORD '\(password)'", database: "postgres")
        try psql("CREATE DATABASE \(database) OWNER \(user)", database: "postgres")
    }

    deinit { stop() }

    /// Stops the server and removes its folder.
    public func stop() {
        guard running else { return }
        running = false
        _ = try? Spawn.output(runAs + [bin + "/pg_ctl", "-D", folder + "/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Runs SQL as the superuser and returns its rows, unaligned, `|` between columns.
    @discardableResult
    public func psql(_ sql: String, database: String? = nil) throws -> String {
        try Spawn.output(runAs + [
            bin + "/psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", folder, "-p", "\(port)", "-U", "admin",
            "-d", database ?? self.database, "-c", sql,
        ]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Stops and removes clusters left by test runs that were killed before they could stop them.
    private static func stopOrphans(bin: String, runAs: [String]) {
        let temporary = FileManager.default.temporaryDirectory.path
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? [] where name.hasPrefix("thistle-pg-") {
            let parts = name.split(separator: "-")
            guard parts.count == 4, let pid = Int32(parts[2]), kill(pid, 0) != 0, errno == ESRCH else { continue }
            _ = try? Spawn.output(runAs + [bin + "/pg_ctl", "-D", "\(temporary)/\(name)/data", "-m", "immediate", "-w", "stop"])
            try? FileManager.default.removeItem(atPath: "\(temporary)/\(name)")
        }
    }

    /// The newest installed server's programs, PostgreSQL 15 first.
    private static func binaries() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
            .sorted { ($0 == "15" ? 1_000 : Int($0) ?? 0) > ($1 == "15" ? 1_000 : Int($1) ?? 0) }
        return versions.map { "\(root)/\($0)/bin" }.first { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") }
    }

    /// A loopback port nothing listens on now.
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw Spawn.Failed(description: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
