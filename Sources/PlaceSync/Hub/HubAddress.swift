import Foundation

/// Where the team's hub is: a `postgres://` URL read as libpq reads it,
/// except that a password is never taken from the URL (it would sit in
/// shell history and in the Sync screen): it comes from `PGPASSWORD` or
/// the password file (`PGPASSFILE`, else `~/.pgpass`).
public struct HubAddress: Equatable, Sendable, CustomStringConvertible {
    /// The URL as given (it holds no password), which a device remembers for its next sync.
    public let url: String
    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    public var tls: TLSMode
    /// A CA certificate file (PEM) to trust for `verify-ca` and `verify-full`.
    public var rootCertificate: String?
    public var connectTimeoutSeconds: Int

    /// libpq's `sslmode`, as far as a client that speaks TLS by itself can honour it.
    public enum TLSMode: String, Equatable, Sendable, CaseIterable {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    /// The URL without secrets, as the Sync screen and `sync status` show it.
    public var description: String {
        "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
            + (tls == .prefer ? "" : "?sslmode=\(tls.rawValue)")
    }

    /// The key this hub's cursor is kept under on a device: one cursor per server and database.
    var cursorKey: String { "\(host):\(port)/\(database)" }

    /// Reads a URL such as `postgres://thistle@hub.example:5432/place?sslmode=verify-full`.
    /// `environment` supplies libpq's defaults (`PGUSER`, `USER`).
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        url = text
        guard let components = URLComponents(string: text), let scheme = components.scheme,
            ["postgres", "postgresql"].contains(scheme.lowercased())
        else { throw HubAddressError("the hub URL must look like postgres://USER@HOST:PORT/DATABASE") }
        guard components.password == nil else {
            throw HubAddressError(
                "the hub URL holds a password; remove it and give it in PGPASSWORD or ~/.pgpass (host:port:database:user:password)")
        }
        guard let host = components.host, !host.isEmpty else { throw HubAddressError("the hub URL names no host") }
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        port = components.port ?? 5432
        guard (1...65_535).contains(port) else { throw HubAddressError("the hub port must be between 1 and 65535") }
        user = components.user.flatMap { $0.isEmpty ? nil : $0 } ?? environment["PGUSER"] ?? environment["USER"] ?? "thistle"
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? user : path
        guard !database.contains("/") else { throw HubAddressError("the hub URL's path must be one database name") }
        tls = .prefer
        rootCertificate = nil
        connectTimeoutSeconds = 10
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "sslmode":
                guard let mode = TLSMode(rawValue: value) else {
                    throw HubAddressError(
                        "sslmode must be one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", ")), not '\(value)'")
                }
                tls = mode
            case "sslrootcert":
                rootCertificate = value
            case "connect_timeout":
                guard let seconds = Int(value), (1...600).contains(seconds) else {
                    throw HubAddressError("connect_timeout must be a number of seconds from 1 to 600")
                }
                connectTimeoutSeconds = seconds
            case "application_name":
                continue
            default:
                throw HubAddressError("the hub URL has a setting Thistle does not know: \(item.name)")
            }
        }
        if rootCertificate != nil && ![.verifyCA, .verifyFull].contains(tls) {
            throw HubAddressError("sslrootcert is used with sslmode=verify-ca or verify-full")
        }
    }

    /// The password for this hub: `PGPASSWORD`, else the first matching
    /// line of the password file, else none (the server may not ask).
    /// Like libpq, a password file others can read is ignored.
    public func password(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        let file = environment["PGPASSFILE"]
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.pgpass"
        var info = stat()
        guard stat(file, &info) == 0, info.st_mode & 0o077 == 0,
            let text = try? String(contentsOfFile: file, encoding: .utf8)
        else { return nil }
        return PasswordFile.lookup(in: text, host: host, port: port, database: database, user: user)
    }
}

/// A hub URL Thistle cannot use, and why.
public struct HubAddressError: Error, Equatable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// libpq's password file: `hostname:port:database:username:password` per
/// line, `*` matching anything, `\:` and `\\` escaping, `#` comments.
enum PasswordFile {
    static func lookup(in text: String, host: String, port: Int, database: String, user: String) -> String? {
        let wanted = [host, String(port), database, user]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = split(String(line))
            guard fields.count == 5 else { continue }
            let matches = zip(fields.prefix(4), wanted).allSatisfy { field, value in
                field == "*" || field == value
            }
            if matches { return fields[4] }
        }
        return nil
    }

    /// Splits a line on unescaped colons, undoing `\:` and `\\`.
    static func split(_ line: String) -> [String] {
        var fields = [""]
        var escaped = false
        for character in line {
            if escaped {
                fields[fields.count - 1].append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 5 {
                fields.append("")
            } else {
                fields[fields.count - 1].append(character)
            }
        }
        return fields
    }
}
