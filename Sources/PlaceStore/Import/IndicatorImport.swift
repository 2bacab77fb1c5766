import Foundation
import PlaceDomain

/// What `importIndicatorValues` wrote.
public struct IndicatorImport: Encodable, Equatable, Sendable {
    public let imported: Int
    public let replaced: Int
}

extension PlaceStore {
    /// The largest indicator file read.
    public static let largestIndicatorFile = 64 * 1024 * 1024

    /// Imports the indicator values of a CSV file (`IndicatorValuesCSV`),
    /// all or nothing: a value already recorded for its indicator, place and
    /// quarter is replaced. The file is refused, and nothing written, when it
    /// cannot be read, is over `largestIndicatorFile` or not UTF-8, has a bad
    /// row, names a place not in the tree, or one where `actor` does not keep
    /// the evidence.
    public func importIndicatorValues(from path: String, by actor: ActingMember) throws -> IndicatorImport {
        let text = try ImportFile.text(at: path, limit: Self.largestIndicatorFile)
        let name = URL(fileURLWithPath: path).lastPathComponent
        let values = try IndicatorValuesCSV.read(text, file: name, indicators: try indicators())
        let tree = try placeTree()
        for value in values {
            guard tree[value.placeID] != nil else {
                throw ImportError.malformed(file: name, line: nil, "\(value.placeID) is not a known place")
            }
            try PlanRules.requireEvidenceKeeper(actor, at: value.placeID)
        }
        var changes: [Change] = []
        var replaced = 0
        for (indicator, group) in Dictionary(grouping: values, by: \.indicatorID) {
            let existing = Dictionary(
                try indicatorValues(indicator, at: Array(Set(group.map(\.placeID)))).map { ($0.key, $0) },
                uniquingKeysWith: { first, _ in first })
            for value in group {
                if let old = existing[value.key] {
                    replaced += 1
                    changes += try Change.changes(from: old, to: value)
                } else {
                    changes.append(try .create(value))
                }
            }
        }
        try write(by: actor.id, changes)
        return IndicatorImport(imported: values.count, replaced: replaced)
    }
}
