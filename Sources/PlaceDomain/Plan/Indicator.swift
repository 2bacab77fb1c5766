import Foundation

/// A measure the place watches: its unit, which way is better, where it
/// comes from, an optional target, and how values roll up the place tree.
public struct Indicator: Hashable, Codable, Sendable, Identifiable {
    public var id: IndicatorID
    public var name: String
    public var unit: String
    public var polarity: Polarity
    public var source: String
    public var kind: Kind
    /// For rates, what the rate is shown per: 100 for a percentage, 1000 for per 1,000.
    public var per: Int?
    public var target: Double?

    public enum Polarity: String, Codable, Sendable {
        case higherIsBetter = "higher-is-better", lowerIsBetter = "lower-is-better"
    }

    /// How a parent's value comes from its children's.
    public enum Kind: String, Codable, Sendable {
        /// Summed.
        case count
        /// Numerator and denominator kept; a parent is Σnumerator / Σdenominator.
        case rate
        /// Weighted by each child's population.
        case mean
    }

    public init(id: IndicatorID, name: String, unit: String, polarity: Polarity, source: String, kind: Kind,
                per: Int? = nil, target: Double? = nil) {
        self.id = id
        self.name = name
        self.unit = unit
        self.polarity = polarity
        self.source = source
        self.kind = kind
        self.per = per
        self.target = target
    }
}

/// One indicator's value for one place and period. Counts and means carry
/// `value`; rates carry `numerator` and `denominator`.
public struct IndicatorValue: Hashable, Codable, Sendable {
    public var indicatorID: IndicatorID
    public var placeID: PlaceID
    /// A quarter, "2026-Q3".
    public var period: String
    public var value: Double?
    public var numerator: Double?
    public var denominator: Double?

    public init(indicatorID: IndicatorID, placeID: PlaceID, period: String, value: Double? = nil,
                numerator: Double? = nil, denominator: Double? = nil) {
        self.indicatorID = indicatorID
        self.placeID = placeID
        self.period = period
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The stored id: one value per indicator, place and period.
    public var key: String { "\(indicatorID)|\(placeID)|\(period)" }

    /// Whether the value has what its indicator's kind needs.
    public func fits(_ kind: Indicator.Kind) -> Bool {
        switch kind {
        case .count, .mean: return value != nil && numerator == nil && denominator == nil
        case .rate: return value == nil && numerator != nil && (denominator ?? 0) > 0
        }
    }

    /// Checks a period's shape: "YYYY-Qn".
    public static func isPeriod(_ text: String) -> Bool {
        let parts = text.split(separator: "-Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), year > 1900,
              let quarter = Int(parts[1]), (1...4).contains(quarter), parts[1].count == 1 else { return false }
        return true
    }
}

public typealias IndicatorID = Identifier<Indicator>
