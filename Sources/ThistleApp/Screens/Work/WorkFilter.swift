import PlaceDomain
import PlaceStore

/// What the triage queue is narrowed to: a place (with everything in it), a
/// kind of need and an urgency, each optional; they combine.
public struct WorkFilter: Hashable, Sendable {
    public var place: PlaceID?
    public var placeName: String?
    /// The place and every place within it.
    var placeIDs: Set<PlaceID> = []
    public var category: NeedCategoryKey?
    public var urgency: Urgency?

    public init() {}

    var isEmpty: Bool { place == nil && category == nil && urgency == nil }

    func admits(_ row: WorkRow) -> Bool {
        (place == nil || placeIDs.contains(row.item.placeID))
            && (category == nil || row.category == category)
            && (urgency == nil || row.item.urgency == urgency)
    }

    /// The filter in words, for the heading.
    var summary: String {
        [placeName, category?.rawValue, urgency?.rawValue].compactMap { $0 }.joined(separator: " · ")
    }

    /// The triage queue's filter for a member serving `served`: those places, narrowed.
    func queue(in served: Set<PlaceID>) -> QueueFilter {
        QueueFilter(places: place == nil ? served : served.intersection(placeIDs), category: category, urgency: urgency)
    }

    /// Narrows to `id` and the places within it.
    mutating func setPlace(_ id: PlaceID, in tree: PlaceTree) {
        place = id
        placeName = tree[id]?.name ?? id.rawValue
        placeIDs = Set(tree.subtree(of: id))
    }
}
