import ArgumentParser
import Foundation
import PlaceDomain
import PlaceStore

struct NeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "need", abstract: "Act on one need.",
                                                    subcommands: [CloseNeed.self])
}

struct CloseNeed: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a need with a reason.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The need id.", valueName: "need-id")) var needID: String
    @Option(help: ArgumentHelp("Why it is closing without being met.", valueName: "text")) var reason: String
    @OptionGroup var output: FormatOptions

    func run() throws {
        let action = try CaseAction(global)
        let original = try action.caseFile(holdingNeed: needID)
        try action.apply(original, output.resolved) {
            try original.closeNeed(NeedID(needID), reason: reason, by: action.actor, now: action.now)
        }
    }
}

struct ReferralCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referral", abstract: "Answer, withdraw or chase a referral.",
        subcommands: [AcceptReferral.self, DeclineReferral.self, CompleteReferral.self, WithdrawReferral.self,
                      ChaseReferral.self])
}

/// Accept, decline and complete: by the receiving agency, or by the lead on
/// its behalf when that agency has no members on Thistle.
struct ReferralAnswerCommand {
    let global: GlobalOptions
    let referralID: String
    let format: OutputFormat

    func run(_ answer: ReferralAnswer) throws {
        let action = try CaseAction(global)
        let original = try action.caseFile(holdingReferral: referralID)
        guard let referral = original.referral(ReferralID(referralID)) else {
            throw UnknownID(kind: "referral", id: referralID)
        }
        let service = try action.service(referral.serviceID.rawValue)
        let id = ReferralID(referralID)
        let otherAgency = action.actor.member.agencyID != service.agencyID
        let onBehalf = try otherAgency && !action.store.agencyHasMembers(service.agencyID)
        try action.apply(original, format) {
            if onBehalf {
                return try original.recordAnswerOnBehalf(
                    answer, referralID: id, service: service, agencyHasMembers: false, by: action.actor, now: action.now)
            }
            switch answer {
            case .accept:
                return try original.accept(id, service: service, by: action.actor, now: action.now)
            case .decline(let reason, let suggested):
                return try original.decline(id, service: service, reason: reason, suggested: suggested, by: action.actor,
                                            now: action.now)
            case .complete(let outcome, let reason):
                return try original.complete(id, service: service, outcome: outcome, reason: reason, by: action.actor,
                                             now: action.now)
            }
        }
    }
}

struct AcceptReferral: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accept", abstract: "Accept a referral to your agency's service.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The referral id.", valueName: "referral-id")) var referralID: String
    @OptionGroup var output: FormatOptions

    func run() throws { try ReferralAnswerCommand(global: global, referralID: referralID, format: output.resolved).run(.accept) }
}

struct DeclineReferral: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decline", abstract: "Decline a referral with a reason; its need goes back to the lead.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The referral id.", valueName: "referral-id")) var referralID: String
    @Option(help: ArgumentHelp("Why it is declined.", valueName: "text")) var reason: String
    @Option(help: ArgumentHelp("A service that could help instead.", valueName: "service-id")) var suggest: String?
    @OptionGroup var output: FormatOptions

    func run() throws {
        try ReferralAnswerCommand(global: global, referralID: referralID, format: output.resolved)
            .run(.decline(reason: reason, suggested: suggest.map { ServiceID($0) }))
    }
}

struct CompleteReferral: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complete", abstract: "Complete an accepted referral: successful meets the need, unsuccessful returns it.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The referral id.", valueName: "referral-id")) var referralID: String
    @Option(help: "successful or unsuccessful.") var outcome: ReferralOutcome
    @Option(help: ArgumentHelp("Why (required when unsuccessful).", valueName: "text")) var reason: String?
    @OptionGroup var output: FormatOptions

    func run() throws {
        try ReferralAnswerCommand(global: global, referralID: referralID, format: output.resolved)
            .run(.complete(outcome: outcome, reason: reason))
    }
}

struct WithdrawReferral: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw", abstract: "Take a referral back from a service; its need goes back to the lead.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The referral id.", valueName: "referral-id")) var referralID: String
    @Option(help: ArgumentHelp("Why it is withdrawn.", valueName: "text")) var reason: String
    @OptionGroup var output: FormatOptions

    func run() throws {
        let action = try CaseAction(global)
        let original = try action.caseFile(holdingReferral: referralID)
        try action.apply(original, output.resolved) {
            try original.withdraw(ReferralID(referralID), reason: reason, by: action.actor, now: action.now)
        }
    }
}

struct ChaseReferral: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chase", abstract: "Record that the lead chased a service for its answer.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The referral id.", valueName: "referral-id")) var referralID: String
    @OptionGroup var output: FormatOptions

    func run() throws {
        let action = try CaseAction(global)
        let original = try action.caseFile(holdingReferral: referralID)
        try action.apply(original, output.resolved) {
            try original.chase(ReferralID(referralID), by: action.actor, now: action.now)
        }
    }
}

extension ReferralOutcome: ExpressibleByArgument {}
