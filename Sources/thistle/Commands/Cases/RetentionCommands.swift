import ArgumentParser
import Foundation
import PlaceDomain
import PlaceStore

struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention", abstract: "Closed cases kept longer than their place's retention period.",
        subcommands: [ReviewRetention.self])
}

struct ReviewRetention: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List closed cases past their place's retention period (leads and admins, in the places they serve).",
        discussion: "A place keeps closed cases for its own retention period, or the one of the place above it (6 years when none is set).")
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Only this place and the places within it.", valueName: "place-id")) var place: String?
    @OptionGroup var output: FormatOptions

    func run() throws {
        let action = try CaseAction(global)
        let places: Set<PlaceID>
        if let place {
            guard action.tree[PlaceID(place)] != nil else { throw StoreError.unknownPlace(place) }
            places = Set(action.tree.subtree(of: PlaceID(place)))
        } else {
            places = action.actor.servedPlaceIDs
        }
        var listing = Listing(keys: ["case", "place", "closedAt", "retentionYears", "dueSince"])
        listing.rows = try action.store.casesPastRetention(in: places, tree: action.tree, now: action.now, for: action.actor).map {
            [.text($0.caseID.rawValue), .text($0.placeID.rawValue), .text(ISOTime.string($0.closedAt)),
             .number($0.retentionYears), .text(ISOTime.string($0.dueSince))]
        }
        print(listing.render(output.resolved), terminator: "")
    }
}
