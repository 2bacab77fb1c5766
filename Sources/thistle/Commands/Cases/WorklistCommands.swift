import ArgumentParser
import Foundation
import PlaceDomain
import PlaceStore

/// The three worklists share one shape:
/// `[{"case","need","referral","place","urgency","status","returned","stalled","since"}]`.
enum Worklist {
    static func listing(_ items: [WorkItem]) -> Listing {
        var listing = Listing(keys: ["case", "need", "referral", "place", "urgency", "status", "returned", "stalled", "since"])
        listing.rows = items.map { item in
            [
                .text(item.caseID.rawValue), .text(item.needID?.rawValue), .text(item.referralID?.rawValue),
                .text(item.placeID.rawValue), .text(item.urgency?.rawValue), .text(item.status), .flag(item.returned),
                .flag(item.stalled), .text(ISOTime.string(item.since)),
            ]
        }
        return listing
    }
}

struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "The triage queue: needs waiting to be routed (new or returned) in the places you serve, most urgent and oldest first.")
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Only this place and the places within it.", valueName: "place-id")) var place: String?
    @OptionGroup var output: FormatOptions

    func run() throws {
        // The queue shows ids, places and states, no personal detail: no reveal views to make.
        let action = try CaseAction(global, .singleUnrevealed)
        var places = action.actor.servedPlaceIDs
        if let place {
            guard action.tree[PlaceID(place)] != nil else { throw StoreError.unknownPlace(place) }
            places.formIntersection(action.tree.subtree(of: PlaceID(place)))
        }
        print(Worklist.listing(try action.store.triageQueue(in: places)).render(output.resolved), terminator: "")
    }
}

struct ReferralsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referrals", abstract: "Referrals to your agency's services.", subcommands: [IncomingReferrals.self])
}

struct IncomingReferrals: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incoming", abstract: "Referrals still with your agency's services (sent or accepted), oldest first.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let action = try CaseAction(global)
        let items = try action.store.referralsIncoming(to: action.actor.member.agencyID, now: action.now)
        print(Worklist.listing(items).render(output.resolved), terminator: "")
    }
}

struct CasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases", abstract: "Cases you work.", subcommands: [MyCases.self])
}

struct MyCases: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mine", abstract: "The open cases you lead, returned needs first.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let action = try CaseAction(global)
        print(Worklist.listing(try action.store.casesLed(by: action.actor.id, now: action.now)).render(output.resolved),
              terminator: "")
    }
}
