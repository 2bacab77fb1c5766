import Foundation
import PlaceDomain
import PlaceStore

/// Performs effects against the store and turns the results into messages.
/// Runs off the UI thread in the terminal, inline in tests.
public struct StoreEffects: Sendable {
    let store: PlaceStore
    /// "Now" for the rules and for what counts as stalled.
    let clock: any WallClock
    /// Where a sign-in is kept for the CLI (nil: nowhere), and for how long unused.
    let sessions: SessionFolder?
    let idle: TimeInterval

    public init(store: PlaceStore, clock: any WallClock = SystemClock(), sessions: SessionFolder? = nil,
                idle: TimeInterval = SessionFolder.defaultIdle) {
        self.store = store
        self.clock = clock
        self.sessions = sessions
        self.idle = idle
    }

    /// The message an effect produces (nil for effects the runtime handles).
    public func perform(_ effect: Effect) -> Message? {
        do {
            switch effect {
            case .loadMembers(let request, let generation):
                let names = try agencyNames()
                let page = try store.members(request)
                let rows = page.rows.map { MemberRow(member: $0, agencyName: names[$0.agencyID] ?? $0.agencyID.rawValue) }
                let total = try store.memberCount()
                return .membersLoaded(Page(rows: rows, hasMore: page.hasMore), request, total: total, generation: generation)
            case .loadPlaces:
                return .placesLoaded(PlaceOverview(tree: try store.placeTree(), figures: try store.placeFigures()))
            case .loadAgencies(let place):
                let tree = try store.placeTree()
                let reach = tree.path(to: place).map(\.id) + tree.subtree(of: place)
                return .agenciesLoaded(place, try store.agenciesPresent(in: reach))
            case .loadServices(let list, let filter, let request, let generation):
                let names = try agencyNames()
                let page = try store.services(filter, request)
                let rows = page.rows.map { ServiceRow(service: $0, agencyName: names[$0.agencyID] ?? $0.agencyID.rawValue) }
                return .servicesLoaded(
                    list, Page(rows: rows, hasMore: page.hasMore), request, total: try store.serviceCount(filter),
                    generation: generation)
            case .loadWork(let list, let memberID):
                return .workLoaded(list, try workRows(list, for: memberID))
            case .loadQueue(let memberID, let filter, let request, let generation):
                let (page, tally) = try queuePage(for: memberID, filter, request)
                return .queueLoaded(page, request, tally: tally, generation: generation)
            case .loadCase(let id, let memberID):
                return try read(id, by: memberID)
            case .loadAudit(let id, let memberID):
                guard let member = try store.member(memberID) else { return .failed("Member \(memberID) does not exist.") }
                let names = Dictionary(try allMembers().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
                let entries: [AuditEntry]
                do {
                    entries = try store.caseAudit(id, for: ActingMember(member: member, tree: try store.placeTree()))
                } catch let refusal as NotPermitted {
                    return .auditRefused(id, refusal.description)
                }
                return .auditLoaded(id, entries.map {
                    AuditRow(at: $0.at, who: $0.memberID.map { names[$0] ?? $0.rawValue } ?? "import",
                             action: $0.action.rawValue, detail: $0.detail, device: $0.deviceID.rawValue)
                })
            case .loadReferralTargets(let caseID, let needID):
                return .referralTargetsLoaded(caseID, needID, try referralTargets(caseID, needID))
            case .applyRule(let caseID, let rule, let memberID):
                return try apply(rule, to: caseID, by: memberID)
            case .loadLogCaseChoices:
                var agencies: [Agency] = []
                var page = try store.agencies(.first(200))
                agencies += page.rows
                while page.hasMore, let last = page.rows.last {
                    page = try store.agencies(.after(NameKey(name: last.name, id: last.id.rawValue), 200))
                    agencies += page.rows
                }
                return .logCaseChoicesLoaded(try store.needCategories(), agencies)
            case .searchResidents(let text, let memberID):
                guard let member = try store.member(memberID) else { return .failed("Member \(memberID) does not exist.") }
                let viewer = ActingMember(member: member, tree: try store.placeTree())
                return .residentsFound(text, try store.residents(matching: text, limit: 20, for: viewer))
            case .findDuplicates(let resident):
                let candidate = ResidentCandidate(
                    givenName: resident.givenName, familyName: resident.familyName,
                    dateOfBirth: resident.dateOfBirth, postcode: resident.postcode)
                let born = try resident.dateOfBirth.map { try store.residents(bornOn: $0) } ?? []
                return .duplicatesFound(ResidentMatcher.likelyDuplicates(of: candidate, among: born))
            case .logCase(let request, let memberID):
                return try logCase(request, by: memberID)
            case .loadBoard(let place):
                return .boardLoaded(try board(of: place))
            case .changeBoard(let place, let change, let memberID):
                return try self.change(change, at: place, by: memberID)
            case .loadSync:
                return .syncLoaded(try syncOverview())
            case .resolveConflict(let id, let value, let member):
                return try resolve(id, with: value, by: member)
            case .signIn(let member, let passphrase):
                let signedIn: SignedIn
                do {
                    signedIn = try store.signIn(member, passphrase: passphrase)
                } catch {
                    return .signInRefused(error.description)
                }
                try store.unlock(signedIn)
                sessions?.keep(signedIn, for: store.path, idle: idle)
                return .signedIn(signedIn.member)
            case .endSignIn:
                sessions?.end(database: store.path)
                store.lock()
                return nil
            case .quit, .openEditor:
                // The runtime does these itself.
                return nil
            }
        } catch {
            return .failed(String(describing: StoreError(sqlite: error) ?? error))
        }
    }

    /// Agencies are few (a dozen in a place team), so their names are read whole.
    func agencyNames() throws -> [AgencyID: String] { try store.agencyNames() }
}
