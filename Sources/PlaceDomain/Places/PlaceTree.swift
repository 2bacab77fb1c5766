/// The places of a team as a tree (council → area → community), with the
/// walks every screen needs: children, breadcrumbs, subtrees and roll-ups.
public struct PlaceTree: Sendable, Equatable {
    public let places: [PlaceID: Place]
    /// Children of each place, sorted by name.
    private let childrenByParent: [PlaceID: [PlaceID]]
    /// Places with no parent, sorted by name.
    public let roots: [PlaceID]

    public init(_ places: [Place]) {
        var byID: [PlaceID: Place] = [:]
        for place in places { byID[place.id] = place }
        var children: [PlaceID: [PlaceID]] = [:]
        var roots: [PlaceID] = []
        for place in places {
            if let parent = place.parentID, byID[parent] != nil {
                children[parent, default: []].append(place.id)
            } else {
                roots.append(place.id)
            }
        }
        let byName = { (a: PlaceID, b: PlaceID) in
            (byID[a]!.name, a.rawValue) < (byID[b]!.name, b.rawValue)
        }
        self.places = byID
        self.childrenByParent = children.mapValues { $0.sorted(by: byName) }
        self.roots = roots.sorted(by: byName)
    }

    public subscript(id: PlaceID) -> Place? { places[id] }

    public func children(of id: PlaceID) -> [Place] {
        (childrenByParent[id] ?? []).compactMap { places[$0] }
    }

    /// The place and its ancestors, root first: the breadcrumb.
    public func path(to id: PlaceID) -> [Place] {
        var path: [Place] = []
        var seen: Set<PlaceID> = []
        var current = places[id]
        while let place = current, seen.insert(place.id).inserted {
            path.append(place)
            current = place.parentID.flatMap { places[$0] }
        }
        return path.reversed()
    }

    /// The place and every place below it.
    public func subtree(of id: PlaceID) -> [PlaceID] {
        guard places[id] != nil else { return [] }
        var result: [PlaceID] = []
        var stack = [id]
        var seen: Set<PlaceID> = []
        while let next = stack.popLast() {
            guard seen.insert(next).inserted else { continue }
            result.append(next)
            stack.append(contentsOf: (childrenByParent[next] ?? []).reversed())
        }
        return result
    }

    /// Whether `ancestor` is `id` or above it.
    public func contains(_ ancestor: PlaceID, _ id: PlaceID) -> Bool {
        path(to: id).contains { $0.id == ancestor }
    }

    /// Sums per-place counts up the tree: each place gets its own count
    /// plus the counts of everything below it.
    public func rollUp(_ counts: [PlaceID: Int]) -> [PlaceID: Int] {
        var totals: [PlaceID: Int] = [:]
        for id in places.keys {
            totals[id] = subtree(of: id).reduce(0) { $0 + (counts[$1] ?? 0) }
        }
        return totals
    }

    /// For each place, how many distinct services serve some part of it: a
    /// service listing a place covers it and everything below, so it serves
    /// that place, its ancestors (in part) and its descendants.
    public func servicesServing(_ coverage: [(service: ServiceID, place: PlaceID)]) -> [PlaceID: Int] {
        var served: [PlaceID: Set<ServiceID>] = [:]
        for (service, place) in coverage where places[place] != nil {
            for id in subtree(of: place) { served[id, default: []].insert(service) }
            for ancestor in path(to: place) { served[ancestor.id, default: []].insert(service) }
        }
        var counts: [PlaceID: Int] = [:]
        for id in places.keys { counts[id] = served[id]?.count ?? 0 }
        return counts
    }

    /// Every place id a service listing `listed` covers: those places and all below them.
    public func coverage(of listed: [PlaceID]) -> Set<PlaceID> {
        Set(listed.flatMap { subtree(of: $0) })
    }
}
