import Foundation

/// How many hours a place gives itself to route a need of some urgency.
public struct TriageTarget: Hashable, Codable, Sendable {
    public var placeID: PlaceID
    public var urgency: Urgency
    public var hours: Int

    public init(placeID: PlaceID, urgency: Urgency, hours: Int) {
        self.placeID = placeID
        self.urgency = urgency
        self.hours = hours
    }
}

/// The triage targets a team has set. A place without its own target for
/// an urgency uses the nearest place above it that has one, so a council
/// sets the default and an area or community may tighten or relax it.
public struct TriageTargets: Hashable, Sendable {
    private let hours: [PlaceID: [Urgency: Int]]

    /// Where a place sets two targets for one urgency, the stricter holds.
    public init(_ targets: [TriageTarget]) {
        var hours: [PlaceID: [Urgency: Int]] = [:]
        for target in targets {
            let current = hours[target.placeID]?[target.urgency] ?? .max
            hours[target.placeID, default: [:]][target.urgency] = min(current, target.hours)
        }
        self.hours = hours
    }

    /// The target that applies to a need of `urgency` at `placeID`: the
    /// place's own, else its nearest ancestor's; nil if none sets one.
    public func effective(for urgency: Urgency, at placeID: PlaceID, in tree: PlaceTree) -> TriageTarget? {
        for place in tree.path(to: placeID).reversed() {
            if let hours = hours[place.id]?[urgency] {
                return TriageTarget(placeID: place.id, urgency: urgency, hours: hours)
            }
        }
        return nil
    }

    /// An open need (not yet routed) past its effective target at `now`,
    /// counted from when the need was taken. Routed, met and closed needs
    /// are never overdue, nor are needs in places with no target.
    public func isOverdue(_ need: Need, at placeID: PlaceID, in tree: PlaceTree, now: Date) -> Bool {
        guard need.state == .open, let target = effective(for: need.urgency, at: placeID, in: tree) else {
            return false
        }
        return now.timeIntervalSince(need.createdAt) > TimeInterval(target.hours) * 3_600
    }
}
