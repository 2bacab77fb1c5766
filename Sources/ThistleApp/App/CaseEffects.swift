import PlaceDomain
import PlaceStore

/// The worklists, the case file and the rules, as `StoreEffects` performs them.
extension StoreEffects {
    /// A worklist with the names its rows show. The work queries return ids
    /// only, so each case file is read once for its need, referral and resident.
    func workRows(_ list: WorkList, for memberID: MemberID) throws -> [WorkRow] {
        guard let member = try store.member(memberID) else { return [] }
        let tree = try store.placeTree()
        let now = clock.now()
        let viewer = ActingMember(member: member, tree: tree)
        let items: [WorkItem]
        switch list {
        case .casesLed: items = try store.casesLed(by: member.id, now: now)
        case .referralsIn: items = try store.referralsIncoming(to: member.agencyID, now: now)
        }
        let targets = try store.triageTargets()
        let visible = try store.visibleCases(among: Set(items.map(\.caseID)), by: viewer)
        var files: [CaseID: CaseFile] = [:]
        var residents: [ResidentID: String] = [:]
        var services: [ServiceID: String] = [:]
        return try items.map { item in
            if files[item.caseID] == nil { files[item.caseID] = try store.caseFile(item.caseID) }
            let file = files[item.caseID]
            var residentName = WorkRow.notShared
            if visible.contains(item.caseID), let residentID = file?.case.residentID {
                if residents[residentID] == nil { residents[residentID] = try store.resident(residentID)?.fullName }
                residentName = residents[residentID] ?? residentID.rawValue
            }
            var serviceName: String?
            if let referralID = item.referralID, let serviceID = file?.referral(referralID)?.serviceID {
                if services[serviceID] == nil { services[serviceID] = try store.service(serviceID)?.name }
                serviceName = services[serviceID] ?? serviceID.rawValue
            }
            let need = item.needID.flatMap { file?.need($0) }
            return WorkRow(
                item: item, placeName: tree[item.placeID]?.name ?? item.placeID.rawValue,
                category: need?.category, residentName: residentName, serviceName: serviceName,
                overdue: need.map { targets.isOverdue($0, at: item.placeID, in: tree, now: now) } ?? false)
        }
    }

    /// A page of the triage queue as the member sees it: names only on the
    /// cases shared with them. A first or last page brings the tally of the
    /// whole queue (its length and what a filter can offer).
    func queuePage(for memberID: MemberID, _ filter: WorkFilter, _ request: PageRequest<QueueKey>) throws
        -> (Page<QueueRow>, QueueTally?)
    {
        guard let member = try store.member(memberID) else { return (Page(rows: [], hasMore: false), QueueTally(groups: [])) }
        let tree = try store.placeTree()
        let viewer = ActingMember(member: member, tree: tree)
        let page = try store.triagePage(filter.queue(in: viewer.servedPlaceIDs), request)
        let now = clock.now()
        let targets = try store.triageTargets()
        let visible = try store.visibleCases(among: Set(page.rows.map(\.need.caseID)), by: viewer)
        var residents: [ResidentID: String] = [:]
        let rows = try page.rows.map { queued in
            let need = queued.need
            var residentName = WorkRow.notShared
            if visible.contains(need.caseID) {
                if residents[queued.residentID] == nil { residents[queued.residentID] = try store.resident(queued.residentID)?.fullName }
                residentName = residents[queued.residentID] ?? queued.residentID.rawValue
            }
            let item = WorkItem(
                caseID: need.caseID, needID: need.id, referralID: nil, placeID: queued.placeID, urgency: need.urgency,
                status: need.state.rawValue, returned: need.returned, stalled: nil, since: need.createdAt)
            return QueueRow(
                work: WorkRow(item: item, placeName: tree[queued.placeID]?.name ?? queued.placeID.rawValue, category: need.category,
                              residentName: residentName, serviceName: nil,
                              overdue: targets.isOverdue(need, at: queued.placeID, in: tree, now: now)),
                listKey: queued.key)
        }
        let tally: QueueTally?
        switch request {
        case .first, .last: tally = try store.triageTally(in: viewer.servedPlaceIDs)
        case .after, .before: tally = nil
        }
        return (Page(rows: rows, hasMore: page.hasMore), tally)
    }

    /// A case as the member may read it: the whole file with its names, or the redacted row.
    func read(_ id: CaseID, by memberID: MemberID) throws -> Message {
        guard let member = try store.member(memberID) else { return .failed("Member \(memberID) does not exist.") }
        let tree = try store.placeTree()
        switch try store.readCase(id, by: ActingMember(member: member, tree: tree)) {
        case .details(let file)?:
            return .caseLoaded(try detail(of: file, tree: tree))
        case .redacted(let row)?:
            return .caseWithheld(try withheld(row, tree: tree), changed: false)
        case nil:
            return .failed("Case \(id) does not exist.")
        }
    }

    func withheld(_ row: RedactedCase, tree: PlaceTree) throws -> WithheldCase {
        let lead = try store.caseFile(row.id).flatMap { try store.member($0.case.leadID) }
        return WithheldCase(id: row.id, summary: row.summary(placeName: tree[row.placeID]?.name ?? row.placeID.rawValue),
                            leadName: lead?.name, leadAgency: try lead.flatMap { try store.agency($0.agencyID)?.name })
    }

    /// A case file with the names of its people, places, agencies and services.
    func detail(of file: CaseFile, tree: PlaceTree) throws -> CaseDetail {
        var services: [ServiceID: Service] = [:]
        for id in Set(file.referrals.map(\.serviceID)) { services[id] = try store.service(id) }
        let members = try allMembers()
        return CaseDetail(
            file: file, resident: try store.resident(file.case.residentID),
            placeName: tree[file.case.placeID]?.name ?? file.case.placeID.rawValue,
            doorAgencyName: try store.agency(file.case.doorAgencyID)?.name ?? file.case.doorAgencyID.rawValue,
            doorMemberName: try store.member(file.case.doorMemberID)?.name ?? file.case.doorMemberID.rawValue,
            leadName: try store.member(file.case.leadID)?.name ?? file.case.leadID.rawValue,
            services: services, agencyNames: try agencyNames(),
            notes: try store.notes(on: file.case.id).sorted { ($0.at, $0.id.rawValue) < ($1.at, $1.id.rawValue) },
            memberNames: Dictionary(members.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }),
            possibleLeads: members.filter { Member.rolesThatMayLead.contains($0.role) },
            categories: try store.needCategories(), agencies: try allAgencies(),
            agenciesWithMembers: Set(members.map(\.agencyID)),
            timeline: try store.caseEvents(file.case.id).map {
                TimelineEntry(kind: $0.kind, subject: $0.subject, by: $0.by, at: $0.at)
            },
            now: clock.now())
    }

    /// Every member, by name. A place team is a few hundred at most.
    func allMembers() throws -> [Member] {
        var members: [Member] = []
        var page = try store.members(.first(200))
        members += page.rows
        while page.hasMore, let last = page.rows.last {
            page = try store.members(.after(NameKey(name: last.name, id: last.id.rawValue), 200))
            members += page.rows
        }
        return members
    }

    /// Every agency, by name.
    func allAgencies() throws -> [Agency] {
        var agencies: [Agency] = []
        var page = try store.agencies(.first(200))
        agencies += page.rows
        while page.hasMore, let last = page.rows.last {
            page = try store.agencies(.after(NameKey(name: last.name, id: last.id.rawValue), 200))
            agencies += page.rows
        }
        return agencies
    }

    /// Services a need can go to: they meet it, list the case's place or one
    /// above it, are active and take referrals. Few per need, so read whole.
    func referralTargets(_ caseID: CaseID, _ needID: NeedID) throws -> [ServiceRow] {
        guard let file = try store.caseFile(caseID), let need = file.need(needID) else { return [] }
        let tree = try store.placeTree()
        let filter = ServiceFilter(need: need.category, listingAnyOf: tree.path(to: file.case.placeID).map(\.id))
        var found: [Service] = []
        var page = try store.services(filter, .first(200))
        found += page.rows
        while page.hasMore, let last = page.rows.last {
            page = try store.services(filter, .after(NameKey(name: last.name, id: last.id.rawValue), 200))
            found += page.rows
        }
        let names = try agencyNames()
        return found.filter { $0.status == .active && $0.acceptsReferrals }
            .map { ServiceRow(service: $0, agencyName: names[$0.agencyID] ?? $0.agencyID.rawValue) }
    }

    /// Loads the case, runs one rule as the member with the clock's now, and
    /// saves what it decided; a refusal changes nothing and comes back as its message.
    func apply(_ rule: CaseRule, to caseID: CaseID, by memberID: MemberID) throws -> Message {
        guard let file = try store.caseFile(caseID) else { return .failed("Case \(caseID) does not exist.") }
        guard let member = try store.member(memberID) else { return .failed("Member \(memberID) does not exist.") }
        let tree = try store.placeTree()
        let actor = ActingMember(member: member, tree: tree)
        let now = clock.now()
        do {
            let update: CaseUpdate
            switch rule {
            case .accept(let id):
                update = try file.accept(id, service: try service(of: id, in: file), by: actor, now: now)
            case .decline(let id, let reason):
                update = try file.decline(id, service: try service(of: id, in: file), reason: reason, by: actor, now: now)
            case .complete(let id, let outcome, let reason):
                update = try file.complete(
                    id, service: try service(of: id, in: file), outcome: outcome, reason: reason, by: actor, now: now)
            case .refer(let needID, let serviceID):
                guard let service = try store.service(serviceID) else {
                    return .failed("Service \(serviceID) does not exist.")
                }
                update = try file.refer(
                    id: ReferralID(store.newID()), needID: needID, to: service,
                    servicePlacesCover: service.covers(file.case.placeID, in: tree), by: actor, now: now)
            case .recordConsent(let agency):
                update = try file.recordConsent(
                    id: ConsentID(store.newID()), agency: agency, basis: .consent, dataSharingAgreement: nil,
                    standingAgreement: tree.dataSharingAgreement(at: file.case.placeID), by: actor, now: now)
            case .closeNeed(let needID, let reason):
                update = try file.closeNeed(needID, reason: reason, by: actor, now: now)
            case .closeCase(let reason):
                update = try file.closeCase(reason: reason, by: actor, now: now)
            case .addNeed(let category, let urgency):
                update = try file.addNeed(
                    NewNeed(id: NeedID(store.newID()), category: category, urgency: urgency), by: actor, now: now)
            case .withdraw(let id, let reason):
                update = try file.withdraw(id, reason: reason, by: actor, now: now)
            case .chase(let id):
                update = try file.chase(id, by: actor, now: now)
            case .answerOnBehalf(let id, let answer):
                let service = try service(of: id, in: file)
                update = try file.recordAnswerOnBehalf(
                    answer, referralID: id, service: service,
                    agencyHasMembers: try store.agencyHasMembers(service.agencyID), by: actor, now: now)
            case .changeLead(let id):
                guard let newLead = try store.member(id) else { return .failed("Member \(id) does not exist.") }
                update = try file.changeLead(to: newLead, by: actor, now: now)
            case .note(let text):
                let note = try file.note(id: NoteID(store.newID()), text: text, by: actor, now: now)
                _ = try store.write(by: member.id, [try .create(note)])
                return try saved(caseID, by: actor, tree: tree)
            }
            try store.save(update, replacing: file, by: member.id)
            return try saved(caseID, by: actor, tree: tree)
        } catch let violation as CaseRuleViolation {
            var missing: AgencyID?
            if case .consentMissing(let agency) = violation { missing = agency }
            return .refused(violation.description, caseID, missingConsent: missing)
        }
    }

    /// The case after a change, as the member may now read it (handing the
    /// lead to another agency can take it out of their sight).
    private func saved(_ id: CaseID, by actor: ActingMember, tree: PlaceTree) throws -> Message {
        switch try store.readCase(id, by: actor) {
        case .details(let file)?: return .caseSaved(try detail(of: file, tree: tree))
        case .redacted(let row)?: return .caseWithheld(try withheld(row, tree: tree), changed: true)
        case nil: return .failed("Case \(id) does not exist.")
        }
    }

    /// The service a referral of the case went to.
    private func service(of referralID: ReferralID, in file: CaseFile) throws -> Service {
        guard let id = file.referral(referralID)?.serviceID, let service = try store.service(id) else {
            throw CaseRuleViolation.unknownReferral(referralID)
        }
        return service
    }
}
