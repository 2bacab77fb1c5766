import ArgumentParser
import Foundation
import PlaceDomain
import PlaceStore
import PlaceSync

struct TeamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team", abstract: "Set up the team: its key and the devices enrolled in it.",
        subcommands: [InitTeam.self, InviteDevice.self, JoinTeam.self, RevokeDevice.self])
}

struct InitTeam: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the team's key and enrol this device with its own signing key.")
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("A name people know this device by.", valueName: "text")) var name: String = "first device"
    @OptionGroup var output: JSONFlag

    func run() throws {
        let (store, signedIn) = try global.signIn()
        let team = try TeamMembership.create(
            in: store, keys: signedIn.keyring, deviceName: try PlanRules.line(name, "a device name", limit: 100))
        struct Shown: Encodable { let team: String, device: String }
        try printRecord(Shown(team: team.teamID, device: store.deviceID.rawValue), json: output.json,
                        text: "Created team \(team.teamID); this device is \(store.deviceID)")
    }
}

struct InviteDevice: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite",
        abstract: "Enrol a new device and write its invite file (a secret: it lets a device join the team).")
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Where to write the invite.", valueName: "file")) var out: String
    @Option(help: ArgumentHelp("A name people know the new device by.", valueName: "text")) var name: String = "new device"
    @OptionGroup var output: JSONFlag

    func run() throws {
        let (store, signedIn, team) = try global.signedInTeam()
        guard !FileManager.default.fileExists(atPath: out) else { throw Failure("\(out) exists; choose a new file") }
        let data = try team.invite(from: store, deviceName: try PlanRules.line(name, "a device name", limit: 100))
        try writePrivately(data, to: out)
        struct Shown: Encodable { let invite: String }
        try printRecord(Shown(invite: out), json: output.json,
                        text: "Wrote \(out). Carry it to the new device and run `thistle team join \(out) --db PATH`; then delete it.")
    }
}

struct JoinTeam: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join", abstract: "Create this device's database from an invite; a bundle from a team device then fills it.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The invite file.", valueName: "file")) var invite: String
    @OptionGroup var output: JSONFlag

    func run() throws {
        let data = try readBundle(invite, limit: TeamMembership.maximumInviteSize)
        guard !FileManager.default.fileExists(atPath: global.databasePath) else {
            throw Failure("\(global.databasePath) exists; join creates a new database")
        }
        let store = try TeamMembership.join(invite: data, at: global.databasePath)
        struct Shown: Encodable { let team: String, device: String, db: String }
        try printRecord(Shown(team: try TeamMembership.teamID(of: store) ?? "", device: store.deviceID.rawValue, db: global.databasePath),
                        json: output.json, text: "Joined; this device is \(store.deviceID). Import a bundle from a team device next.")
    }
}

struct RevokeDevice: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke a lost or retired device (admins): its bundles and hub rows are refused, and a new team key seals what comes next.",
        discussion: """
            Every member who is not disabled is granted the new key; other laptops learn of it at their next sync \
            and ask their user to sign in again. A member whose passphrase may be known to whoever holds the device \
            should have it reset (thistle member passphrase M) before the revocation.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The device (from `thistle sync status`).", valueName: "device-id")) var device: String
    @OptionGroup var output: JSONFlag

    func run() throws {
        let (store, signedIn, team) = try global.signedInTeam()
        let rotated = try team.revoke(DeviceID(device), in: store, by: signedIn)
        let renewed = SignedIn(member: signedIn.member, keyring: rotated.keys)
        SessionFolder.fromEnvironment()?.keep(renewed, for: store.path, idle: try IdleLock.fromEnvironment())
        struct Shown: Encodable { let device: String, revoked: Bool, keyGeneration: Int }
        try printRecord(Shown(device: device, revoked: true, keyGeneration: rotated.keys.currentGeneration), json: output.json,
                        text: "Revoked \(device); the team key is now generation \(rotated.keys.currentGeneration). "
                            + "Sync so the other laptops hear of it.")
    }
}

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Exchange ops with other devices by bundle file or through the team's hub.",
        subcommands: [ExportBundle.self, ImportBundle.self, SyncHub.self, SyncStatus.self])
}

struct ExportBundle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write a signed, encrypted bundle of the ops a device lacks (or all of them).")
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Where to write the bundle.", valueName: "file")) var out: String
    @Option(name: .customLong("for"), help: ArgumentHelp("Only what this device lacks, by what it last sent here.", valueName: "device-id"))
    var peer: String?
    @OptionGroup var output: JSONFlag

    func run() throws {
        let (store, signedIn, team) = try global.signedInTeam()
        let bundle = try team.exportBundle(from: store, for: peer.map { DeviceID($0) })
        try writePrivately(bundle.data, to: out)
        try store.recordExport("bundle of \(bundle.ops) ops" + (peer.map { " for \($0)" } ?? "") + " to \(out)",
                               by: signedIn.member.id)
        struct Shown: Encodable { let bundle: String, ops: Int }
        try printRecord(Shown(bundle: out, ops: bundle.ops), json: output.json, text: "Wrote \(bundle.ops) ops to \(out)")
    }
}

struct ImportBundle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Verify, open and apply a bundle in one transaction; report what it brought.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The bundle file.", valueName: "file")) var bundle: String
    @OptionGroup var output: JSONFlag

    func run() throws {
        let (store, signedIn, team) = try global.signedInTeam()
        let bar = ProgressBar("Applying", unit: "records")
        let result = try team.importBundle(try readBundle(bundle, limit: 512 * 1_048_576), into: store) { bar.update($0, of: $1) }
        bar.finish()
        let arrival = Arrival(new: result.new, duplicates: result.duplicates, newConflicts: result.newConflicts,
                              possibleDuplicates: result.possibleDuplicates)
        try printRecord(arrival, json: output.json, text: arrival.lines.joined(separator: "\n"))
    }
}

/// What ops from other devices brought, as `sync import` and `sync hub` report it:
/// `{"new","duplicates","newConflicts":[…],"possibleDuplicateResidents":[{"arrived","existing"}]}`,
/// and for `sync hub` also `"hub"` and `"pushed"`.
struct Arrival: Encodable {
    struct Pair: Encodable { let arrived: String, existing: String }
    let new: Int, duplicates: Int, newConflicts: [ConflictOutput], possibleDuplicateResidents: [Pair]
    var hub: String?, pushed: Int?

    init(new: Int, duplicates: Int, newConflicts: [Conflict], possibleDuplicates: [(ResidentID, ResidentID)]) {
        self.new = new
        self.duplicates = duplicates
        self.newConflicts = newConflicts.map(ConflictOutput.init)
        possibleDuplicateResidents = possibleDuplicates.map { Pair(arrived: $0.0.rawValue, existing: $0.1.rawValue) }
    }

    var lines: [String] {
        ["\(new) new ops, \(duplicates) already here, \(newConflicts.count) new "
            + (newConflicts.count == 1 ? "conflict" : "conflicts")
            + (newConflicts.isEmpty ? "" : ": see `thistle conflicts list`")]
            + possibleDuplicateResidents.map {
                "Possibly one person registered twice: \($0.arrived) and \($0.existing) (review, then `thistle resident merge`)"
            }
    }
}

struct SyncHub: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hub",
        abstract: "Pull what the team's PostgreSQL hub has, push what it lacks; report what arrived.",
        discussion: """
            The password comes from PGPASSWORD or ~/.pgpass (never from the URL). TLS follows sslmode: \
            disable, prefer (the default), require, verify-ca or verify-full (with sslrootcert=FILE). \
            The hub's tables are created when missing. The hub holds ops sealed with the team key.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The hub: postgres://USER@HOST[:PORT]/DATABASE[?sslmode=MODE]. Default: the last hub used.",
                               valueName: "url"))
    var url: String?
    @OptionGroup var output: JSONFlag

    func validate() throws {
        if let url {
            do { _ = try HubAddress(url: url) } catch let error as HubAddressError { throw ValidationError(error.description) }
        }
    }

    func run() throws {
        let (store, signedIn, team) = try global.signedInTeam()
        guard let given = try url ?? store.lastHubSync()?.url else {
            throw Failure("no hub yet: give --url postgres://USER@HOST:PORT/DATABASE")
        }
        let address: HubAddress
        do { address = try HubAddress(url: given) } catch let error as HubAddressError { throw Failure(error.description) }
        let pulling = ProgressBar("Pulling", unit: "ops"), pushing = ProgressBar("Pushing", unit: "ops")
        let result = try waitFor {
            try await team.syncWithHub(store, at: address, password: address.password()) { step in
                (step.phase == .pulling ? pulling : pushing).update(step.done, of: step.total)
            }
        }
        pulling.finish()
        var arrival = Arrival(new: result.pulled, duplicates: result.duplicates, newConflicts: result.newConflicts,
                              possibleDuplicates: result.possibleDuplicates)
        arrival.hub = address.description
        arrival.pushed = result.pushed
        try printRecord(arrival, json: output.json,
                        text: (["Synced with \(address): pushed \(result.pushed) " + (result.pushed == 1 ? "op" : "ops")] + arrival.lines).joined(separator: "\n"))
    }
}

/// Runs async work to its end from a synchronous command (the hub's client is async).
func waitFor<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let outcome = Outcome<T>()
    let finished = DispatchSemaphore(value: 0)
    Task {
        do { outcome.result = .success(try await work()) } catch { outcome.result = .failure(error) }
        finished.signal()
    }
    finished.wait()
    return try outcome.result!.get()
}

/// Where `waitFor`'s task leaves its result; read only after the task signals.
private final class Outcome<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}

struct SyncStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "This device, the enrolled devices, ops, open conflicts and the state digest.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONFlag

    func run() throws {
        let (store, _) = try global.signIn()
        let team = try TeamMembership.teamID(of: store)
        struct Device: Encodable { let id: String, name: String, enrolledAt: String, lastBundle: String? }
        struct Hub: Encodable { let url: String, lastSync: String }
        struct Shown: Encodable {
            let device: String, team: String?, ops: Int, devices: [Device], hub: Hub?, openConflicts: Int, digest: String
        }
        let shown = Shown(
            device: store.deviceID.rawValue, team: team, ops: try store.logCounts().ops,
            devices: try store.enrolledDevices().map { Device(id: $0.id.rawValue, name: $0.name, enrolledAt: $0.enrolledAt,
                                                               lastBundle: $0.lastBundle) },
            hub: try store.lastHubSync().map { Hub(url: $0.url, lastSync: $0.at) },
            openConflicts: try store.conflicts().count, digest: try store.stateDigest())
        try printRecord(shown, json: output.json, text: {
            var lines = ["This device: \(shown.device)" + (shown.team.map { " in \($0)" } ?? " (no team yet)"),
                         "Ops: \(shown.ops) · open conflicts: \(shown.openConflicts)", "Digest: \(shown.digest)",
                         shown.hub.map { "Hub: \($0.url), last sync \($0.lastSync)" } ?? "Hub: never synced"]
            for device in shown.devices {
                lines.append("  \(device.id) \(device.name), enrolled \(device.enrolledAt)"
                             + (device.lastBundle.map { ", last bundle \($0)" } ?? ""))
            }
            return lines.joined(separator: "\n")
        }())
    }
}

/// A conflict as the CLI prints it: `{"id","entity","entityId","field","values":[{"value","author","device","at"}]}`.
struct ConflictOutput: Encodable {
    struct Value: Encodable {
        let value: JSONValue, author: String?, device: String, at: String
    }
    let id: String, entity: String, entityId: String, field: String, values: [Value]

    init(_ conflict: Conflict) {
        id = conflict.id
        entity = conflict.entity
        entityId = conflict.entityID
        field = conflict.field
        values = conflict.values.map { Value(value: $0.value, author: $0.author?.rawValue, device: $0.device.rawValue, at: $0.at) }
    }
}

struct ConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts", abstract: "Concurrent edits kept side by side until a person resolves them.",
        subcommands: [ListConflicts.self, ResolveConflict.self])
}

struct ListConflicts: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List open conflicts, each value with who, where and when.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONFlag

    func run() throws {
        let (store, _) = try global.signIn()
        let conflicts = try store.conflicts().map(ConflictOutput.init)
        try printRecord(conflicts, json: output.json, text: conflicts.isEmpty ? "No open conflict." : conflicts.map { conflict in
            (["\(conflict.id):"] + conflict.values.enumerated().map { index, value in
                "  \(index + 1). \(value.value.jsonText) by \(value.author ?? "-") on \(value.device) at \(value.at)"
            }).joined(separator: "\n")
        }.joined(separator: "\n"))
    }
}

struct ResolveConflict: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve", abstract: "Settle a conflict with one of its values (--pick N, from 1) or a merged value (--value JSON).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The conflict (from `thistle conflicts list`).", valueName: "conflict-id")) var conflictID: String
    @Option(help: "The value to keep, counting from 1.") var pick: Int?
    @Option(help: ArgumentHelp("A merged value, as JSON (\"text\" in quotes, numbers bare).", valueName: "json")) var value: String?
    @OptionGroup var output: JSONFlag

    func validate() throws {
        if (pick == nil) == (value == nil) { throw ValidationError("give one of --pick N or --value JSON") }
    }

    func run() throws {
        let (store, signedIn) = try global.signIn()
        let member = signedIn.member
        guard let conflict = try store.conflicts().first(where: { $0.id == conflictID }) else {
            throw UnknownID(kind: "open conflict", id: conflictID)
        }
        try store.requireMayResolve(conflict, by: member)
        let chosen: JSONValue
        if let pick {
            guard conflict.values.indices.contains(pick - 1) else {
                throw Failure("--pick counts from 1 to \(conflict.values.count)")
            }
            chosen = conflict.values[pick - 1].value
        } else {
            guard let parsed = value.flatMap({ JSONValue(jsonText: $0) }) else {
                throw Failure("--value must be JSON: \"text\" in quotes, or a number")
            }
            chosen = parsed
        }
        try store.resolve(conflict, with: chosen, by: member.id)
        try printRecord(ConflictOutput(conflict), json: output.json, text: "Resolved \(conflict.id) as \(chosen.jsonText)")
    }
}

extension GlobalOptions {
    /// The signed-in store and the team it belongs to, opened with the sign-in's keys.
    func signedInTeam() throws -> (PlaceStore, SignedIn, TeamMembership) {
        let (store, signedIn) = try signIn()
        return (store, signedIn, try TeamMembership.of(store, keys: signedIn.keyring))
    }
}
