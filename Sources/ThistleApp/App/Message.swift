import Foundation
import PlaceDomain
import PlaceStore
import TerminalUI

/// Something that happened: a key, a resize, or the result of an effect.
public enum Message: Sendable {
    case key(Key)
    /// What came back from the user's editor.
    case edited(EditorResult)
    /// A click or a turn of the wheel.
    case mouse(MouseEvent)
    case resized(Size)
    case membersLoaded(Page<MemberRow>, PageRequest<NameKey>, total: Int, generation: Int)
    case placesLoaded(PlaceOverview)
    case agenciesLoaded(PlaceID, [Agency])
    case servicesLoaded(ServiceList, Page<ServiceRow>, PageRequest<NameKey>, total: Int, generation: Int)
    case workLoaded(WorkList, [WorkRow])
    /// A page of the triage queue; with the queue's tally when the page is a first or last one.
    case queueLoaded(Page<QueueRow>, PageRequest<QueueKey>, tally: QueueTally?, generation: Int)
    case caseLoaded(CaseDetail)
    /// A case the member may not open: its redacted row (`changed`: after
    /// a change of theirs that took it out of their sight).
    case caseWithheld(WithheldCase, changed: Bool)
    /// Who viewed or changed a case.
    case auditLoaded(CaseID, [AuditRow])
    /// The member may not see that case's audit: why.
    case auditRefused(CaseID, String)
    /// A rule ran and its result was saved.
    case caseSaved(CaseDetail)
    /// A rule refused: its message, and the agency when consent was what was missing.
    case refused(String, CaseID, missingConsent: AgencyID?)
    /// Services a need of a case could be referred to.
    case referralTargetsLoaded(CaseID, NeedID, [ServiceRow])
    /// The need taxonomy and the agencies, for logging a case.
    case logCaseChoicesLoaded([NeedCategory], [Agency])
    /// Residents matching what was typed in the search.
    case residentsFound(String, [Resident])
    /// Likely duplicates of a resident about to be registered (empty: none).
    case duplicatesFound([Resident])
    /// A case was logged and saved.
    case caseLogged(CaseDetail)
    /// Logging a case was refused: the rule's message; nothing was written.
    case logRefused(String)
    /// A place's board (dashboard, plan, evidence, pot, learning) was read.
    case boardLoaded(PlaceBoard)
    /// A change to a plan or pot was refused: the rule's message; nothing was written.
    case boardRefused(String)
    case syncLoaded(SyncOverview)
    case failed(String)
    /// The passphrase opened the team keys for this member.
    case signedIn(Member)
    /// Sign-in failed: what to tell the member (nothing about the data).
    case signInRefused(String)
    /// No key for the idle time: the workspace locks.
    case idle
}

/// Work the app asks for; the runtime performs it against the store and
/// sends the result back as a message. `update` never does I/O itself.
public enum Effect: Hashable, Sendable {
    /// Lends the terminal to the user's editor for a long text (the runtime
    /// runs it on its own thread, where the terminal is; `.edited` answers).
    case openEditor(EditorRequest)
    case loadMembers(PageRequest<NameKey>, generation: Int)
    case loadPlaces
    case loadAgencies(in: PlaceID)
    case loadServices(ServiceList, ServiceFilter, PageRequest<NameKey>, generation: Int)
    case loadWork(WorkList, MemberID)
    /// A page of the triage queue as the member sees it, narrowed by the filter.
    case loadQueue(MemberID, WorkFilter, PageRequest<QueueKey>, generation: Int)
    /// Who viewed or changed a case, if the member is accountable for it.
    case loadAudit(CaseID, by: MemberID)
    /// Reads a case as the member may see it (details or a redacted row).
    case loadCase(CaseID, by: MemberID)
    /// Services that meet a need, cover the case's place, are active and take referrals.
    case loadReferralTargets(CaseID, NeedID)
    /// Runs a rule on a case as a member, with the clock's now, and saves what it decided.
    case applyRule(CaseID, CaseRule, by: MemberID)
    case loadLogCaseChoices
    case searchResidents(String, by: MemberID)
    /// Residents born the same day whose name or postcode is close.
    case findDuplicates(Resident)
    /// Registers the resident if new, opens the case, records consent, saves.
    case logCase(LogCaseRequest, by: MemberID)
    case loadBoard(PlaceID)
    /// Changes a place's plan or pot as a member, then reads the board again.
    case changeBoard(PlaceID, BoardChange, by: MemberID)
    case loadSync
    /// Settles a conflict with a value as a member.
    case resolveConflict(String, JSONValue, by: MemberID)
    /// Checks a member's passphrase and, when it opens the keys, keeps the sign-in for the CLI.
    case signIn(MemberID, passphrase: String)
    /// Ends the kept sign-in (the workspace locked).
    case endSignIn
    case quit
}

/// Which on-screen list of services a page belongs to.
public enum ServiceList: Hashable, Sendable {
    case directory
    case covering(PlaceID)
}

/// A member as the picker shows them.
public struct MemberRow: ListRow {
    public var member: Member
    public var agencyName: String
    public var listKey: NameKey { NameKey(name: member.name, id: member.id.rawValue) }
}

/// A service as lists show it.
public struct ServiceRow: ListRow {
    public var service: Service
    public var agencyName: String
    public var listKey: NameKey { NameKey(name: service.name, id: service.id.rawValue) }
}

/// A line of the triage queue: the worklist row and where it stands in the queue.
public struct QueueRow: ListRow {
    public var work: WorkRow
    public var listKey: QueueKey
}

/// The place tree with every place's rolled-up figures.
public struct PlaceOverview: Equatable, Sendable {
    public var tree: PlaceTree
    public var openCases: [PlaceID: Int]
    public var awaitingTriage: [PlaceID: Int]
    public var services: [PlaceID: Int]

    public init(tree: PlaceTree, figures: PlaceFigures) {
        self.tree = tree
        openCases = tree.rollUp(figures.openCases)
        awaitingTriage = tree.rollUp(figures.awaitingTriage)
        services = tree.servicesServing(figures.serviceCoverage)
    }
}

/// The frontline worklists held whole: each is as long as one member's
/// work. (The triage queue, as long as a place's, is read a page at a time.)
public enum WorkList: Hashable, Sendable {
    /// The live needs of the cases the member leads.
    case casesLed
    /// Referrals still with the services of the member's agency.
    case referralsIn
}

/// A worklist line with the names it shows: the store's `WorkItem` plus
/// what it refers to, read once when the list loads.
public struct WorkRow: Equatable, Sendable {
    public var item: WorkItem
    public var placeName: String
    public var category: NeedCategoryKey?
    public var residentName: String
    public var serviceName: String?
    /// Waiting longer than the place's triage target for its urgency.
    public var overdue = false

    /// What the resident column shows for a case not shared with the member's agency.
    public static let notShared = "(not shared)"
}

/// One line of a case's timeline: what happened (a word such as
/// `referral-declined`), what it was about, who did it and when.
public struct TimelineEntry: Equatable, Sendable {
    public var kind: String
    public var subject: String?
    public var by: MemberID
    public var at: Date
}

/// One no-wrong-door rule to run against a case, as the screens ask for it.
public enum CaseRule: Hashable, Sendable {
    case accept(ReferralID)
    case decline(ReferralID, reason: String)
    case complete(ReferralID, ReferralOutcome, reason: String?)
    case refer(NeedID, to: ServiceID)
    case recordConsent(AgencyID)
    case closeNeed(NeedID, reason: String)
    case closeCase(reason: String?)
    case addNeed(NeedCategoryKey, Urgency)
    case withdraw(ReferralID, reason: String)
    case chase(ReferralID)
    /// The lead records the answer of a service whose agency has no members on Thistle.
    case answerOnBehalf(ReferralID, ReferralAnswer)
    case changeLead(to: MemberID)
    /// A note is written beside the case file, not into it.
    case note(String)
}

/// A case file with the names the case screen shows.
public struct CaseDetail: Equatable, Sendable {
    public var file: CaseFile
    public var resident: Resident?
    public var placeName: String
    public var doorAgencyName: String
    public var doorMemberName: String
    public var leadName: String
    /// The services the case's referrals went to.
    public var services: [ServiceID: Service]
    public var agencyNames: [AgencyID: String]
    /// The case's notes, oldest first.
    public var notes: [Note] = []
    /// Every member's name: note authors and who may take the lead.
    public var memberNames: [MemberID: String] = [:]
    /// Members whose role may lead a case, by name.
    public var possibleLeads: [Member] = []
    /// The need taxonomy and the agencies, for adding a need and recording consent.
    public var categories: [NeedCategory] = []
    public var agencies: [Agency] = []
    /// Agencies with members on Thistle: they answer their own referrals.
    public var agenciesWithMembers: Set<AgencyID> = []
    /// The case's timeline, oldest first.
    public var timeline: [TimelineEntry] = []
    /// When it was read: what counts as stalled.
    public var now = Date.distantPast

    public var id: CaseID { file.case.id }
    func agencyName(_ id: AgencyID) -> String { agencyNames[id] ?? id.rawValue }
    func serviceName(_ id: ServiceID) -> String { services[id]?.name ?? id.rawValue }
    func memberName(_ id: MemberID) -> String { memberNames[id] ?? id.rawValue }
}

/// A case not shared with the member's agency: that work exists, where,
/// how much and how urgent, and whom to ask.
public struct WithheldCase: Equatable, Sendable {
    public var id: CaseID
    /// "Case · Levenmouth · 2 needs · urgent".
    public var summary: String
    public var leadName: String?
    public var leadAgency: String?
}
