import Foundation

/// An indicator's value for a place, recorded or rolled up from the places
/// within it. A parent with a child missing is *incomplete*: the figure
/// covers only the children that have one, and says so.
public struct RolledValue: Hashable, Sendable {
    /// The value in the indicator's unit (a rate already multiplied by `per`).
    public var value: Double?
    public var numerator: Double?
    public var denominator: Double?
    public var complete: Bool

    public init(value: Double?, numerator: Double?, denominator: Double?, complete: Bool) {
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.complete = complete
    }

    public static let missing = RolledValue(value: nil, numerator: nil, denominator: nil, complete: false)
}

/// Rolls one indicator's values up the place tree.
public struct IndicatorRollup: Sendable {
    public let indicator: Indicator
    let tree: PlaceTree
    let byPlace: [PlaceID: IndicatorValue]

    /// `values` are the indicator's values for one period.
    public init(_ indicator: Indicator, tree: PlaceTree, values: [IndicatorValue]) {
        self.indicator = indicator
        self.tree = tree
        byPlace = Dictionary(values.map { ($0.placeID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The value for `place`: its own if recorded, else its children's rolled
    /// up (incomplete if any child has none), missing for a leaf without one.
    public func value(at place: PlaceID) -> RolledValue {
        if let own = byPlace[place] { return recorded(own) }
        let children = tree.children(of: place)
        guard !children.isEmpty else { return .missing }
        let parts = children.map { ($0.population, value(at: $0.id)) }
        let present = parts.filter { $0.1.value != nil }
        guard !present.isEmpty else { return .missing }
        let complete = present.count == parts.count && present.allSatisfy(\.1.complete)
        switch indicator.kind {
        case .count:
            return RolledValue(value: present.reduce(0) { $0 + ($1.1.value ?? 0) }, numerator: nil, denominator: nil,
                               complete: complete)
        case .rate:
            let numerator = present.reduce(0) { $0 + ($1.1.numerator ?? 0) }
            let denominator = present.reduce(0) { $0 + ($1.1.denominator ?? 0) }
            return RolledValue(value: rate(numerator, denominator), numerator: numerator, denominator: denominator,
                               complete: complete)
        case .mean:
            let weight = present.reduce(0) { $0 + Double($1.0) }
            guard weight > 0 else { return .missing }
            let sum = present.reduce(0) { $0 + Double($1.0) * ($1.1.value ?? 0) }
            return RolledValue(value: sum / weight, numerator: nil, denominator: nil, complete: complete)
        }
    }

    private func recorded(_ value: IndicatorValue) -> RolledValue {
        switch indicator.kind {
        case .count, .mean:
            return RolledValue(value: value.value, numerator: nil, denominator: nil, complete: value.value != nil)
        case .rate:
            let result = rate(value.numerator ?? 0, value.denominator ?? 0)
            return RolledValue(value: result, numerator: value.numerator, denominator: value.denominator,
                               complete: result != nil)
        }
    }

    private func rate(_ numerator: Double, _ denominator: Double) -> Double? {
        guard denominator > 0 else { return nil }
        return numerator / denominator * Double(indicator.per ?? 1)
    }
}

/// Which way an indicator moved between two periods, judged by its polarity.
public enum Trend: String, Sendable, Codable {
    case better, worse, same

    public init?(from previous: Double?, to latest: Double?, polarity: Indicator.Polarity) {
        guard let previous, let latest else { return nil }
        if abs(latest - previous) < 1e-9 { self = .same; return }
        let up = latest > previous
        self = (up == (polarity == .higherIsBetter)) ? .better : .worse
    }
}
