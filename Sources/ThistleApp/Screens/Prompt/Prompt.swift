import PlaceDomain
import PlaceStore
import TerminalUI

/// A question a screen asks before it runs a rule: a reason typed in a
/// field, one choice from a list, or a yes/no. While it is open it takes
/// every key, as the directory's filter field does.
public struct Prompt: Equatable, Sendable {
    public enum Input: Equatable, Sendable {
        case text(TextField)
        case choice([String], selected: Int)
        case confirm
    }

    /// What the answer is for; the screen that asked acts on it.
    public enum Step: Hashable, Sendable {
        case declineReason(CaseID, ReferralID)
        case completeOutcome(CaseID, ReferralID)
        case unsuccessfulReason(CaseID, ReferralID)
        case needToRefer([NeedID])
        /// The services are nil while they load.
        case serviceToRefer(NeedID, [ServiceID]?)
        case needToClose([NeedID])
        case closeNeedReason(NeedID)
        case closeCaseReason
        case recordConsent(AgencyID, NeedID, ServiceID)
        case needCategory([NeedCategoryKey])
        case needUrgency(NeedCategoryKey)
        case consentAgency([AgencyID])
        case referralToWithdraw([ReferralID])
        case withdrawReason(ReferralID)
        case noteText
        case newLead([MemberID])
        case filterKind
        case conflictChoice(String, [JSONValue])
        case conflictMerged(String)
        case ragLevel(PriorityID)
        case ragReason(PriorityID, RAG)
        case allocatePriority([PriorityID])
        case allocateStream(PriorityID, [StreamID])
        case allocateAmount(PriorityID, StreamID)
        case priorityTitle(PlanID)
        case priorityLead(PlanID, title: String, [AgencyID])
        case priorityRAG(PlanID, title: String, AgencyID)
        case priorityReason(PlanID, title: String, AgencyID, RAG)
        case priorityDescription(PriorityID)
        case actionTitle(PriorityID)
        case actionOwner(PriorityID, title: String, [MemberID])
        case actionDue(PriorityID, title: String, MemberID)
        case actionToUpdate([ActionID])
        case actionStatus(ActionID)
        case filterPlace([PlaceID])
        case filterCategory([NeedCategoryKey])
        case filterUrgency
        case referralToChase([ReferralID])
        case referralToAnswer([ReferralID])
        case answerOnBehalf(ReferralID)
        case reasonOnBehalf(ReferralID, declined: Bool)

        /// A note or a reason: text that may run to paragraphs, which the user may write in their own editor.
        var isLongText: Bool {
            switch self {
            case .noteText, .declineReason, .completeOutcome, .unsuccessfulReason, .closeNeedReason, .closeCaseReason,
                 .withdrawReason, .ragReason, .priorityReason, .reasonOnBehalf, .priorityDescription:
                return true
            default:
                return false
            }
        }
    }

    /// The key that lends the terminal to the user's editor for a long text.
    public static let editorKey = Key.ctrl("o")

    /// The editor's request for this prompt's text, when it takes a long text.
    var editorRequest: EditorRequest? {
        guard case .text(let field) = input, step.isLongText else { return nil }
        return EditorRequest(title: title, text: field.text)
    }

    /// How a key left the prompt.
    enum Answer: Equatable {
        case pending, cancelled, confirmed
        case chose(Int)
        case entered(String)
    }

    public var title: String
    public var lines: [String]
    public var input: Input
    public var step: Step

    /// A text prompt, holding `text` to begin with; its field takes no more
    /// than the longest text its answer may be.
    static func reason(_ title: String, _ lines: [String], _ step: Step, text: String = "") -> Prompt {
        let limit: Int
        switch step {
        case .noteText, .conflictMerged, .priorityDescription: limit = Note.maximumLength
        default: limit = Reason.maximumLength
        }
        return Prompt(title: title, lines: lines, input: .text(TextField(text: text, limit: limit)), step: step)
    }

    /// The lines offered, when the prompt is a choice.
    var choices: [String]? {
        if case .choice(let choices, _) = input { return choices }
        return nil
    }

    static func choice(_ title: String, _ lines: [String], _ choices: [String], _ step: Step) -> Prompt {
        Prompt(title: title, lines: lines, input: .choice(choices, selected: 0), step: step)
    }

    mutating func handle(_ key: Key) -> Answer {
        switch input {
        case .text(var field):
            switch key {
            case .enter: return .entered(field.text)
            case .escape: return .cancelled
            default:
                _ = field.handle(key)
                input = .text(field)
            }
        case .choice(let choices, let selected):
            switch key {
            case .enter: return choices.isEmpty ? .cancelled : .chose(selected)
            case .escape: return .cancelled
            case .up, .character("k"): input = .choice(choices, selected: max(0, selected - 1))
            case .down, .character("j"): input = .choice(choices, selected: min(max(0, choices.count - 1), selected + 1))
            default: break
            }
        case .confirm:
            switch key {
            case .character("y"): return .confirmed
            case .escape, .character("n"): return .cancelled
            default: break
            }
        }
        return .pending
    }

    /// The keys while the prompt is open: the footer, help and palette show these.
    public var bindings: [KeyBinding] {
        switch input {
        case .text:
            return [
                KeyBinding([.enter], .open, label: "confirm", help: "Confirm what you typed"),
                KeyBinding([.escape], .back, label: "cancel", help: "Cancel and change nothing"),
            ] + (step.isLongText ? [
                KeyBinding([Self.editorKey], .openEditor, label: "editor", help: "Write it in your own editor ($VISUAL or $EDITOR)"),
            ] : [])
        case .choice:
            return [
                KeyBinding([.up, .down], .moveDown, label: "choose", help: "Choose one"),
                KeyBinding([.enter], .open, label: "select", help: "Take the chosen one"),
                KeyBinding([.escape], .back, label: "cancel", help: "Cancel and change nothing"),
            ]
        case .confirm:
            return [
                KeyBinding([.character("y")], .open, label: "yes", help: "Yes, do it"),
                KeyBinding([.escape, .character("n")], .back, label: "no", help: "No, change nothing"),
            ]
        }
    }
}

extension Optional where Wrapped == Prompt {
    /// Hands a key to the open prompt, keeping its new state: how the key
    /// left it and the step it was on, or nil when no prompt is open.
    mutating func take(_ key: Key) -> (answer: Prompt.Answer, step: Prompt.Step)? {
        guard var open = self else { return nil }
        let answer = open.handle(key)
        self = open
        return (answer, open.step)
    }
}
