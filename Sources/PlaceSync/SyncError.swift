/// Why a team or sync action was refused. Nothing was changed.
public enum SyncError: Error, Equatable, Sendable, CustomStringConvertible {
    case notInTeam
    case alreadyInTeam(String)
    case unreadable(String)
    case unknownFormat(Int)
    case wrongTeam(String)
    case unenrolledDevice(String)
    case badSignature(String)
    case tooLarge(Int)
    case hubUnreachable(String)
    case hubRefused(String)
    case hubRowRefused(seq: Int64, why: String)
    case revokedDevice(String)
    case teamKeyChanged
    case notPermitted(String)

    public var description: String {
        switch self {
        case .notInTeam:
            return "this database belongs to no team yet: run `thistle team init`, or join one with `thistle team join`"
        case .alreadyInTeam(let team):
            return "this database already belongs to team \(team.shownInRefusal)"
        case .unreadable(let why):
            return "this is not a Thistle bundle or invite, or it is damaged (\(why)); nothing was imported"
        case .unknownFormat(let version):
            return "the bundle is in format version \(version), which this Thistle does not know; update Thistle"
        case .wrongTeam(let team):
            return "the bundle comes from another team (\(team.shownInRefusal)); nothing was imported"
        case .unenrolledDevice(let device):
            return "the bundle comes from \(device.shownInRefusal), which is not enrolled in this team (sync with the device that invited it first)"
        case .badSignature(let device):
            return "the bundle's signature from \(device.shownInRefusal) does not verify: it was altered or damaged; nothing was imported"
        case .tooLarge(let limit):
            return "the file is larger than \(limit / 1_048_576) MiB"
        case .hubUnreachable(let why):
            return "the hub cannot be reached: \(why); work goes on offline, sync again later"
        case .hubRefused(let why):
            return "the hub refused: \(why)"
        case .hubRowRefused(let seq, let why):
            return "the hub's row \(seq) is refused: \(why); what came before it was applied, nothing after it"
        case .revokedDevice(let device):
            return "the bundle comes from \(device.shownInRefusal), which was revoked (a lost or retired laptop); nothing was imported"
        case .teamKeyChanged:
            return "the team key has changed (a device was revoked): sign in again (thistle sign-in), then sync again; "
                + "what could be read so far was applied"
        case .notPermitted(let why):
            return why
        }
    }

    /// The CLI's error code (docs/cli.md).
    public var code: String {
        switch self {
        case .notInTeam, .alreadyInTeam: return "team"
        case .wrongTeam, .unenrolledDevice, .badSignature, .revokedDevice: return "bundle-refused"
        case .teamKeyChanged: return "sign-in"
        case .notPermitted: return "not-permitted"
        case .unreadable, .unknownFormat, .tooLarge: return "bundle-unreadable"
        case .hubUnreachable: return "hub-unreachable"
        case .hubRefused, .hubRowRefused: return "hub-refused"
        }
    }
}
