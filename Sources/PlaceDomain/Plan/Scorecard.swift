/// A place's prevention scorecard: the indicators it chose to watch, in order.
public struct Scorecard: Hashable, Codable, Sendable {
    public var placeID: PlaceID
    public var indicatorIDs: [IndicatorID]

    public init(placeID: PlaceID, indicatorIDs: [IndicatorID]) {
        self.placeID = placeID
        self.indicatorIDs = indicatorIDs
    }
}
