import Foundation
import GRDB
import PlaceDomain

/// Which services a directory list shows.
public struct ServiceFilter: Hashable, Sendable {
    /// Matches a service's name, a need it meets (key or name), or a place it lists.
    public var text: String?
    public var need: NeedCategoryKey?
    /// Only services that list at least one of these places.
    public var listingAnyOf: [PlaceID]?

    public init(text: String? = nil, need: NeedCategoryKey? = nil, listingAnyOf: [PlaceID]? = nil) {
        self.text = text
        self.need = need
        self.listingAnyOf = listingAnyOf
    }

    var sql: (condition: String, arguments: StatementArguments) {
        var conditions: [String] = []
        var values: [String] = []
        if let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            let pattern = "%" + text.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
            conditions.append("""
                (t.name LIKE ?1 ESCAPE '\\'
                 OR EXISTS (SELECT 1 FROM json_each(t.needs) j JOIN need_category c ON c.id = j.value
                            WHERE c.id LIKE ?1 ESCAPE '\\' OR c.name LIKE ?1 ESCAPE '\\')
                 OR EXISTS (SELECT 1 FROM json_each(t.place_ids) j JOIN place p ON p.id = j.value
                            WHERE p.name LIKE ?1 ESCAPE '\\'))
                """)
            values.append(pattern)
        }
        if let need {
            conditions.append("EXISTS (SELECT 1 FROM json_each(t.needs) j WHERE j.value = ?\(values.count + 1))")
            values.append(need.rawValue)
        }
        if let places = listingAnyOf {
            let list = JSONValue.array(places.map { .string($0.rawValue) }).jsonText
            conditions.append("""
                EXISTS (SELECT 1 FROM json_each(t.place_ids) j
                        WHERE j.value IN (SELECT value FROM json_each(?\(values.count + 1))))
                """)
            values.append(list)
        }
        return (conditions.isEmpty ? "1" : conditions.joined(separator: " AND "), StatementArguments(values))
    }
}

extension PlaceStore {
    public func services(_ filter: ServiceFilter, _ request: PageRequest<NameKey>) throws -> Page<Service> {
        let (condition, arguments) = filter.sql
        return try pageByName(Service.self, where: condition, arguments: arguments, request)
    }

    public func serviceCount(_ filter: ServiceFilter) throws -> Int {
        let (condition, arguments) = filter.sql
        return try writer.read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM service t WHERE \(condition)", arguments: arguments) ?? 0
        }
    }

    public func service(_ id: ServiceID) throws -> Service? {
        try writer.read { try Service.fetchOne($0, key: id.rawValue) }
    }
}
