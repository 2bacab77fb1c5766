import PlaceDomain
import TerminalUI

/// One case: the resident, the door and lead, needs, referrals and consent.
/// The lead refers a need, closes a need or closes the case from here; a
/// refusal shows the rule's message and changes nothing.
public struct CaseScreen: Equatable, Sendable {
    public let caseID: CaseID
    /// The worklist it was opened from, for the breadcrumb.
    public let from: String
    public var detail: CaseDetail?
    /// What shows instead when the case is not shared with the member's agency.
    public var withheld: WithheldCase?
    public var prompt: Prompt?
    /// The first line of the case shown: long cases scroll.
    public var scroll = 0
    /// A note is being saved: show the end of the story when it is.
    var revealStory = false
    /// The referral last sent from here, offered again once consent is recorded.
    var referralSent: PendingReferral?

    struct PendingReferral: Equatable, Sendable {
        let need: NeedID
        let service: ServiceID
    }

    public init(caseID: CaseID, from: String) {
        self.caseID = caseID
        self.from = from
    }

    /// Drills into a case from a list.
    static func open(_ id: CaseID, from: String, by member: MemberID) -> Outcome {
        Outcome(effects: [.loadCase(id, by: member)], push: .caseFile(CaseScreen(caseID: id, from: from)))
    }

    /// The less frequent actions stay out of the footer so it keeps `q` and `?` at 80 columns.
    public static let bindings: [KeyBinding] = ScrollBindings.table + [
        KeyBinding([.character("r")], .refer, label: "refer", help: "Refer an open need to a service"),
        KeyBinding([.character("x")], .closeNeed, label: "close need", help: "Close a need, with a reason"),
        KeyBinding([.character("C")], .closeCase, label: "close case",
                   help: "Close the case (every need met or closed)"),
        KeyBinding([.character("a")], .addNeed, label: "add need", help: "Add a need: its category, then how urgent",
                   inFooter: false),
        KeyBinding([.character("o")], .recordConsent, label: "consent",
                   help: "Record the resident's consent to share with an agency", inFooter: false),
        KeyBinding([.character("w")], .withdraw, label: "withdraw",
                   help: "Withdraw a referral still with a service, with a reason", inFooter: false),
        KeyBinding([.character("N")], .addNote, label: "note", help: "Add a note to the case's story"),
        KeyBinding([.character("L")], .changeLead, label: "lead", help: "Hand the lead to another member",
                   inFooter: false),
        KeyBinding([.character("h")], .chase, label: "chase",
                   help: "Chase a service for its answer to a referral (goes on the timeline)", inFooter: false),
        KeyBinding([.character("A")], .answerOnBehalf, label: "answer for",
                   help: "Record a service's answer given by phone or letter, when its agency is not on Thistle",
                   inFooter: false),
        KeyBinding([.character("u")], .showAudit, label: "audit",
                   help: "Who viewed or changed this case (its lead, a lead serving its place, or an admin)", inFooter: false),
        KeyBinding([.escape], .back, label: "back", help: "Go back"),
    ]

    /// A withheld case offers nothing to act on: only going back.
    static let withheldBindings: [KeyBinding] = [KeyBinding([.escape], .back, label: "back", help: "Go back")]

    /// The key table in force: the whole case's, or only Esc for a withheld one.
    var bindings: [KeyBinding] { withheld == nil ? Self.bindings : Self.withheldBindings }

    mutating func perform(_ command: Command, _ context: ScreenContext) -> Outcome? {
        // A withheld case offers nothing to act on; Esc and the global keys still work.
        if withheld != nil { return command == .back ? nil : Outcome() }
        if command == .showAudit {
            guard let member = context.member else { return Outcome() }
            return Outcome(effects: [.loadAudit(caseID, by: member.id)], push: .audit(AuditScreen(caseID: caseID)))
        }
        if let moved = ScrollBindings.scroll(scroll, by: command, bodyHeight: context.bodySize.height, contentHeight: {
            detail.map { Self.document($0, width: context.bodySize.width).size.height } ?? 0
        }) {
            scroll = moved
            return Outcome()
        }
        guard [.refer, .closeNeed, .closeCase, .addNeed, .recordConsent, .withdraw, .addNote, .changeLead, .chase,
               .answerOnBehalf].contains(command) else { return nil }
        guard let detail else { return Outcome() }
        let needs = detail.file.needs
        switch command {
        case .refer:
            let open = needs.filter { $0.state == .open }
            guard !open.isEmpty else {
                return Outcome(notice: "No need is open to refer: each is with a service, met or closed.")
            }
            prompt = .choice("Refer", ["Which need?"], open.map(Self.needLine), .needToRefer(open.map(\.id)))
        case .closeNeed:
            let live = needs.filter { $0.state == .open || $0.state == .routed }
            guard !live.isEmpty else { return Outcome(notice: "Every need of this case is already met or closed.") }
            prompt = .choice("Close a need", ["Which need?"], live.map(Self.needLine), .needToClose(live.map(\.id)))
        case .addNeed:
            prompt = .choice("Add a need", ["Which kind of need?"], detail.categories.map(\.name),
                             .needCategory(detail.categories.map(\.id)))
        case .recordConsent:
            prompt = .choice("Record consent", ["The resident consents to sharing this case with which agency?"],
                             detail.agencies.map(\.name), .consentAgency(detail.agencies.map(\.id)))
        case .withdraw:
            let live = detail.file.referrals.filter(\.isInFlight)
            guard !live.isEmpty else { return Outcome(notice: "No referral of this case is still with a service.") }
            prompt = .choice("Withdraw a referral", ["Which referral?"], live.map { detail.referralLine($0) },
                             .referralToWithdraw(live.map(\.id)))
        case .chase:
            let live = detail.file.referrals.filter(\.isInFlight)
            guard !live.isEmpty else { return Outcome(notice: "No referral of this case is still with a service.") }
            prompt = .choice("Chase a referral", ["Which service have you asked for an answer?"],
                             live.map { detail.referralLine($0) }, .referralToChase(live.map(\.id)))
        case .answerOnBehalf:
            let live = detail.file.referrals.filter {
                $0.isInFlight && !detail.agenciesWithMembers.contains(detail.services[$0.serviceID]?.agencyID ?? "")
            }
            guard !live.isEmpty else {
                return Outcome(notice: "No referral here is with an agency off Thistle: its members answer for themselves.")
            }
            prompt = .choice("Answer for a service", ["Which referral did the service answer?"],
                             live.map { detail.referralLine($0) }, .referralToAnswer(live.map(\.id)))
        case .addNote:
            prompt = .reason("Add a note", ["What should the next person to read this case know?"], .noteText)
        case .changeLead:
            let others = detail.possibleLeads.filter { $0.id != detail.file.case.leadID }
            prompt = .choice("Change lead", ["Now led by \(detail.leadName). Who takes the lead?"],
                             others.map { $0.name }, .newLead(others.map(\.id)))
        default:
            prompt = .reason("Close case", ["Why is it closing? (may be left blank)"], .closeCaseReason)
        }
        return Outcome()
    }

    /// A key while the prompt is open.
    mutating func edit(_ key: Key, _ context: ScreenContext) -> Outcome {
        guard let (answer, step) = prompt.take(key) else { return Outcome() }
        switch (answer, step) {
        case (.pending, _):
            return Outcome()
        case (.chose(let index), .needToRefer(let ids)):
            let need = ids[index]
            prompt = .choice("Refer", ["Loading services…"], [], .serviceToRefer(need, nil))
            return Outcome(effects: [.loadReferralTargets(caseID, need)])
        case (.chose(let index), .serviceToRefer(let need, let ids?)):
            prompt = nil
            referralSent = PendingReferral(need: need, service: ids[index])
            return rule(.refer(need, to: ids[index]), context)
        case (.confirmed, .recordConsent(let agency, let need, let service)):
            prompt = nil
            guard let member = context.member else { return Outcome() }
            return Outcome(effects: [
                .applyRule(caseID, .recordConsent(agency), by: member.id),
                .applyRule(caseID, .refer(need, to: service), by: member.id),
            ])
        case (.chose(let index), .needToClose(let ids)):
            prompt = .reason("Close need", ["Why is this need closing?"], .closeNeedReason(ids[index]))
        case (.entered(let reason), .closeNeedReason(let need)):
            prompt = nil
            return rule(.closeNeed(need, reason: reason), context)
        case (.entered(let reason), .closeCaseReason):
            prompt = nil
            let trimmed = reason.trimmingCharacters(in: .whitespaces)
            return rule(.closeCase(reason: trimmed.isEmpty ? nil : trimmed), context)
        case (.chose(let index), .needCategory(let keys)):
            prompt = .choice("Add a need", ["How urgent is it?"], Urgency.allCases.map(\.rawValue), .needUrgency(keys[index]))
        case (.chose(let index), .needUrgency(let category)):
            prompt = nil
            return rule(.addNeed(category, Urgency.allCases[index]), context)
        case (.chose(let index), .consentAgency(let ids)):
            prompt = nil
            return rule(.recordConsent(ids[index]), context)
        case (.chose(let index), .referralToWithdraw(let ids)):
            prompt = .reason("Withdraw referral", ["Why is it being withdrawn?"], .withdrawReason(ids[index]))
        case (.entered(let reason), .withdrawReason(let id)):
            prompt = nil
            return rule(.withdraw(id, reason: reason), context)
        case (.entered(let text), .noteText):
            prompt = nil
            revealStory = true
            return rule(.note(text), context)
        case (.chose(let index), .newLead(let ids)):
            prompt = nil
            return rule(.changeLead(to: ids[index]), context)
        case (.chose(let index), .referralToChase(let ids)):
            prompt = nil
            return rule(.chase(ids[index]), context)
        case (.chose(let index), .referralToAnswer(let ids)):
            let sent = detail?.file.referral(ids[index])?.state == .sent
            prompt = .choice("Answer for a service", ["What did the service say?"],
                             sent ? Self.answersToSent : Self.answersToAccepted, .answerOnBehalf(ids[index]))
        case (.chose(let index), .answerOnBehalf(let id)):
            let sent = detail?.file.referral(id)?.state == .sent
            switch (sent, index) {
            case (true, 0):
                prompt = nil
                return rule(.answerOnBehalf(id, .accept), context)
            case (false, 0):
                prompt = nil
                return rule(.answerOnBehalf(id, .complete(outcome: .successful, reason: nil)), context)
            default:
                prompt = .reason("Answer for a service", [sent ? "Why did they decline?" : "Why did it not help?",
                                                          "The need comes back to you."],
                                 .reasonOnBehalf(id, declined: sent))
            }
        case (.entered(let reason), .reasonOnBehalf(let id, let declined)):
            prompt = nil
            let answer: ReferralAnswer = declined
                ? .decline(reason: reason, suggested: nil) : .complete(outcome: .unsuccessful, reason: reason)
            return rule(.answerOnBehalf(id, answer), context)
        default:
            prompt = nil
        }
        return Outcome()
    }

    private func rule(_ rule: CaseRule, _ context: ScreenContext) -> Outcome {
        guard let member = context.member else { return Outcome() }
        return Outcome(effects: [.applyRule(caseID, rule, by: member.id)])
    }

    mutating func receive(_ message: Message, _ context: ScreenContext) {
        switch message {
        case .caseLoaded(let loaded) where loaded.id == caseID:
            detail = loaded
            withheld = nil
        case .caseWithheld(let row, _) where row.id == caseID:
            detail = nil
            withheld = row
        case .caseSaved(let saved) where saved.id == caseID:
            // Scrolled to the end, the view stays there to show what was added.
            let body = context.bodySize
            let atEnd = detail.map {
                let height = Self.document($0, width: body.width).size.height
                return height > body.height
                    && ScrollBindings.clamp(scroll, contentHeight: height, bodyHeight: body.height) == height - body.height
            } ?? false
            detail = saved
            let height = Self.document(saved, width: body.width).size.height
            if atEnd {
                scroll = ScrollBindings.clamp(.max / 2, contentHeight: height, bodyHeight: body.height)
            } else if revealStory {
                // A note just added is the story's last line: bring it into view.
                let bottom = Self.storyBottom(saved, width: body.width)
                if bottom > scroll + body.height {
                    scroll = ScrollBindings.clamp(bottom - body.height, contentHeight: height, bodyHeight: body.height)
                }
            }
            revealStory = false
        case .referralTargetsLoaded(caseID, let need, let rows):
            guard case .serviceToRefer(need, nil)? = prompt?.step else { return }
            let line = detail?.file.need(need).map(Self.needLine) ?? need.rawValue
            prompt = .choice(
                "Refer", [line, rows.isEmpty ? "No active service taking referrals meets this need here." : "To which service?"],
                rows.map(Self.serviceLine), .serviceToRefer(need, rows.map(\.service.id)))
        case .refused(_, caseID, let agency?):
            // Offer to record the missing consent and send the referral it stopped.
            guard let last = referralSent else { return }
            let name = detail?.agencyName(agency) ?? agency.rawValue
            prompt = Prompt(
                title: "Consent",
                lines: ["No consent is recorded for sharing this case with \(name).",
                        "Record that the resident consents, and send the referral?"],
                input: .confirm, step: .recordConsent(agency, last.need, last.service))
        case .refused(_, caseID, nil):
            revealStory = false
        default:
            break
        }
    }

    static let answersToSent = ["They accepted it", "They declined it"]
    static let answersToAccepted = ["They completed it: the need is met", "It did not help: the need comes back"]

    static func needLine(_ need: Need) -> String {
        "\(need.category.rawValue) · \(need.urgency.rawValue) · \(need.state.rawValue)" + (need.returned ? " · returned" : "")
    }

    static func serviceLine(_ row: ServiceRow) -> String {
        "\(row.service.name) · \(row.agencyName) · wait " + (row.service.typicalWaitDays.map { "\($0) d" } ?? "not known")
    }
}
