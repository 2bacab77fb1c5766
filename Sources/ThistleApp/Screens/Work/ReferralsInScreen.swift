import PlaceDomain
import TerminalUI

/// Referrals still with the services of the member's agency, oldest first,
/// stalled ones marked. The agency answers here: accept, decline with a
/// reason, or complete.
public struct ReferralsInScreen: Equatable, Sendable {
    public var work = WorkListState(.referralsIn)
    /// The question being asked before a rule runs, if any.
    public var prompt: Prompt?
    static let title = "Referrals in"

    public init() {}

    public static let bindings: [KeyBinding] = ListBindings.table + [
        KeyBinding([.enter], .open, label: "open case", help: "Open the selected referral's case"),
        KeyBinding([.character("a")], .accept, label: "accept", help: "Accept the selected referral"),
        KeyBinding([.character("d")], .decline, label: "decline", help: "Decline the selected referral, with a reason"),
        KeyBinding([.character("c")], .complete, label: "complete",
                   help: "Complete the selected referral: successful, or unsuccessful with a reason"),
        KeyBinding([.escape], .back, label: "back", help: "Go back"),
    ]

    func start(_ context: ScreenContext) -> [Effect] { work.load(context) }

    mutating func perform(_ command: Command, _ context: ScreenContext) -> Outcome? {
        if let outcome = work.perform(command, context, title: Self.title) { return outcome }
        guard [.accept, .decline, .complete].contains(command) else { return nil }
        guard let row = work.selected, let referralID = row.item.referralID else { return Outcome() }
        let caseID = row.item.caseID
        let about = "\(row.serviceName ?? "Referral") · \(row.needText) · \(row.residentName)"
        switch command {
        case .accept:
            return rule(.accept(referralID), on: caseID, context)
        case .decline:
            prompt = .reason("Decline referral", [about, "Why is it declined? The need goes back to the lead."],
                             .declineReason(caseID, referralID))
        default:
            prompt = .choice("Complete referral", [about, "How did it end?"],
                             ["Successful: the need is met", "Unsuccessful: the need goes back to the lead"],
                             .completeOutcome(caseID, referralID))
        }
        return Outcome()
    }

    /// A key while the prompt is open.
    mutating func edit(_ key: Key, _ context: ScreenContext) -> Outcome {
        guard let (answer, step) = prompt.take(key) else { return Outcome() }
        switch (answer, step) {
        case (.pending, _):
            return Outcome()
        case (.cancelled, _):
            prompt = nil
        case (.entered(let reason), .declineReason(let caseID, let referralID)):
            prompt = nil
            return rule(.decline(referralID, reason: reason), on: caseID, context)
        case (.chose(0), .completeOutcome(let caseID, let referralID)):
            prompt = nil
            return rule(.complete(referralID, .successful, reason: nil), on: caseID, context)
        case (.chose, .completeOutcome(let caseID, let referralID)):
            prompt = .reason("Unsuccessful", ["Why did it not help? The need goes back to the lead."],
                             .unsuccessfulReason(caseID, referralID))
        case (.entered(let reason), .unsuccessfulReason(let caseID, let referralID)):
            prompt = nil
            return rule(.complete(referralID, .unsuccessful, reason: reason), on: caseID, context)
        default:
            prompt = nil
        }
        return Outcome()
    }

    private func rule(_ rule: CaseRule, on caseID: CaseID, _ context: ScreenContext) -> Outcome {
        guard let member = context.member else { return Outcome() }
        return Outcome(effects: [.applyRule(caseID, rule, by: member.id)])
    }

    mutating func receive(_ message: Message, _ context: ScreenContext) { work.receive(message, context) }
}
