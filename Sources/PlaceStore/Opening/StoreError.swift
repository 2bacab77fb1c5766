import Foundation
import PlaceDomain

import GRDB

/// What can go wrong opening or writing the store, in words a user can act on.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case directoryMissing(String)
    case notWritable(String)
    case databaseMissing(String)
    case notADatabase(String)
    case notAThistleDatabase(String)
    case newerSchema(String)
    case unknownMember(String)
    case unknownPlace(String)
    case unknownAgency(String)
    case unknownCase(String)
    case unknownResident(String)
    case unknownNeedCategory(String)
    case invalidChange(String)
    case database(String)
    /// Personal details were to be written while the team's keys are locked.
    case locked
    /// Something was to be written about a resident whose details were erased.
    case erased(String)
    /// Another process (a sync, the workspace) held the write lock past the busy timeout.
    case busy
    /// The disk is full.
    case diskFull
    /// The file or its disk cannot be written.
    case readOnly
    /// The disk could not be read or written.
    case diskFailed(String)
    /// The file is damaged.
    case damaged
    /// The file lacks writes this computer made to it (its `-wal` was lost, or an older copy was put in its place).
    case writesMissing(String, since: Date)

    public var description: String {
        switch self {
        case .directoryMissing(let path):
            return "the folder for \(path) does not exist; create it first or choose another --db"
        case .notWritable(let path):
            return "cannot write to \(path): permission denied"
        case .databaseMissing(let path):
            return "there is no Thistle database at \(path); `thistle demo` opens the demo place, or pass --db PATH"
        case .notADatabase(let path):
            return "\(path) is not a Thistle database (it is not an SQLite file); it was left untouched"
        case .notAThistleDatabase(let path):
            return "\(path) is an SQLite database but not a Thistle one; it was left untouched"
        case .newerSchema(let path):
            return "\(path) was written by a newer version of Thistle; upgrade thistle to open it"
        case .unknownMember(let id):
            return "there is no member with id '\(id.shownInRefusal)'; `thistle members` lists them"
        case .unknownPlace(let id):
            return "there is no place with id '\(id.shownInRefusal)'; `thistle places` lists them"
        case .unknownResident(let id):
            return "there is no resident with id '\(id.shownInRefusal)' (or it was merged into another: use that one)"
        case .unknownCase(let id):
            return "there is no case with id '\(id.shownInRefusal)'"
        case .unknownAgency(let id):
            return "there is no agency with id '\(id.shownInRefusal)'; `thistle agencies` lists them"
        case .unknownNeedCategory(let key):
            return "there is no need category '\(key.shownInRefusal)'"
        case .invalidChange(let reason):
            return "change refused: \(reason)"
        case .database(let reason):
            return "database error: \(reason)"
        case .locked:
            return "personal details are sealed with the team's key: sign in first"
        case .erased(let id):
            return "resident \(id)'s details were erased; nothing more can be recorded about them"
        case .busy:
            return "the database is busy: another Thistle (a sync, or the workspace) is writing to it; "
                + "nothing was changed, try again in a moment"
        case .diskFull:
            return "the disk is full: nothing was saved; free some space and try again"
        case .readOnly:
            return "the database cannot be written (a read-only file or disk): nothing was saved"
        case .diskFailed(let reason):
            return "the disk could not be read or written (\(reason)): nothing was saved; check the disk"
        case .damaged:
            return "the database file is damaged: nothing was changed; restore it from a backup, "
                + "or join the team again on a new file and sync"
        case .writesMissing(let path, let since):
            return "\(path) lacks what was written to it here after \(ISOTime.string(since)): its write-ahead log "
                + "(\(path)-wal) was lost, or an older copy was put in its place; put the -wal file back beside it, "
                + "or delete \(path)\(LastWrite.suffix) to carry on without those writes"
        }
    }
}

extension StoreError {
    /// What SQLite's refusal means for the user, or nil when `error` is not
    /// SQLite's. Whatever was being written rolled back with its transaction.
    public init?(sqlite error: any Error) {
        guard let error = error as? DatabaseError else { return nil }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy
        case .SQLITE_FULL: self = .diskFull
        case .SQLITE_READONLY: self = .readOnly
        case .SQLITE_IOERR: self = .diskFailed(error.message ?? "an I/O error")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: self = .damaged
        default: return nil
        }
    }
}
