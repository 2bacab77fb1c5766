import ArgumentParser
import Foundation
import PlaceDomain
import PlaceStore

/// What every case verb shares: acting as `--as`, loading the case, running
/// one rule, saving what it decided through the op log, and printing the case.
struct CaseAction {
    let store: PlaceStore
    let tree: PlaceTree
    let actor: ActingMember
    let now: Date

    init(_ global: GlobalOptions, _ connections: PlaceStore.Connections = .single) throws {
        (store, tree, actor, now) = try global.acting(connections)
    }

    /// Prints the case as the acting member may read it.
    func show(_ id: CaseID, _ format: OutputFormat) throws {
        guard let reading = try store.readCase(id, by: actor) else { throw UnknownID(kind: "case", id: id.rawValue) }
        let place: PlaceID = switch reading {
        case .details(let file): file.case.placeID
        case .redacted(let row): row.placeID
        }
        CaseOutput.print(reading, format, placeName: tree[place]?.name ?? place.rawValue)
    }

    func caseFile(_ id: String) throws -> CaseFile {
        guard let file = try store.caseFile(CaseID(id)) else { throw UnknownID(kind: "case", id: id) }
        return file
    }

    func service(_ id: String) throws -> Service {
        guard let service = try store.service(ServiceID(id)) else { throw UnknownID(kind: "service", id: id) }
        return service
    }

    /// The case holding a need or a referral.
    func caseFile(holdingNeed id: String) throws -> CaseFile {
        guard let caseID = try store.caseID(forNeed: NeedID(id)) else { throw UnknownID(kind: "need", id: id) }
        return try caseFile(caseID.rawValue)
    }

    func caseFile(holdingReferral id: String) throws -> CaseFile {
        guard let caseID = try store.caseID(forReferral: ReferralID(id)) else { throw UnknownID(kind: "referral", id: id) }
        return try caseFile(caseID.rawValue)
    }

    /// Runs `rule` on `file`, saves the result, prints the case as `format` asks.
    func apply(_ file: CaseFile?, _ format: OutputFormat, _ rule: () throws -> CaseUpdate) throws {
        let update = try rule()
        try store.save(update, replacing: file, by: actor.id)
        try show(update.file.case.id, format)
        for referral in update.flaggedReferrals {
            FileHandle.standardError.write(Data("thistle: referral \(referral.id) is still with that agency; chase or withdraw it\n".utf8))
        }
    }
}

/// An id that names nothing; exit status 1, error code `unknown-id`.
struct UnknownID: Error, CustomStringConvertible {
    let kind: String
    let id: String
    var description: String { "there is no \(kind) with id '\(id.shownInRefusal)'" }
}
