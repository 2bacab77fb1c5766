import Foundation
import PlaceDomain

/// An Open Referral UK service directory (HSDS 3.0, UK profile) as its
/// tables, whichever form it came in: the CSV form is these tables, the
/// JSON form (a service with its organization, locations, service areas,
/// attributes and taxonomy terms nested) is flattened into them. Each row
/// remembers where it came from (`service.csv:4`, `services.json: [2].organization`)
/// so a bad one is named.
public struct OpenReferralTables: Sendable {
    /// The tables Thistle reads and writes, and the columns it writes.
    /// Any other HSDS table or column is read past.
    public enum Table: String, CaseIterable, Sendable {
        case organization, service, location, address, phone
        case serviceAtLocation = "service_at_location"
        case serviceArea = "service_area"
        case taxonomyTerm = "taxonomy_term"
        case attribute

        public var file: String { rawValue + ".csv" }

        public var columns: [String] {
            switch self {
            case .organization: return ["id", "name", "description", "email", "website", "legal_status"]
            case .service:
                return ["id", "organization_id", "name", "description", "email", "status", "wait_time", "accepts_referrals"]
            case .location: return ["id", "organization_id", "location_type", "name", "description"]
            case .address: return ["id", "location_id", "address_1", "address_2", "city", "postal_code", "country", "address_type"]
            case .phone: return ["id", "service_id", "number"]
            case .serviceAtLocation: return ["id", "service_id", "location_id"]
            case .serviceArea: return ["id", "service_id", "name", "extent_type", "uri"]
            case .taxonomyTerm: return ["id", "code", "name", "description", "taxonomy"]
            case .attribute: return ["id", "link_id", "link_entity", "link_type", "taxonomy_term_id", "value"]
            }
        }

        /// The columns a row must have for Thistle to use it.
        var required: [String] {
            switch self {
            case .organization: return ["id", "name"]
            case .service: return ["id", "organization_id", "name"]
            case .location: return ["id"]
            case .address: return ["location_id"]
            case .phone: return ["service_id", "number"]
            case .serviceAtLocation: return ["service_id", "location_id"]
            case .serviceArea: return ["service_id", "name"]
            case .taxonomyTerm: return ["id", "name"]
            case .attribute: return ["link_id", "taxonomy_term_id"]
            }
        }

        /// The CSV form cannot be read without these two.
        static let needed: [Table] = [.organization, .service]
    }

    public struct Row: Sendable {
        public let origin: String
        public var fields: [String: String]
        public subscript(_ column: String) -> String { fields[column] ?? "" }
    }

    public var rows: [Table: [Row]] = [:]

    public init() {}

    subscript(_ table: Table) -> [Row] { rows[table] ?? [] }

    /// Adds a row, its line breaks made LF (a quoted CSV field or a JSON
    /// string may hold CRLF; a lone CR is a control character, refused).
    mutating func append(_ table: Table, _ row: Row) {
        rows[table, default: []].append(Row(origin: row.origin, fields: row.fields.mapValues { $0.replacingOccurrences(of: "\r\n", with: "\n") }))
    }
}

// MARK: - The CSV form

extension OpenReferralTables {
    /// The largest file of either form read.
    public static let largestFile = 64 * 1024 * 1024

    /// Reads the CSV form from `directory`: `organization.csv` and
    /// `service.csv` must be there, the other tables may be.
    public init(csvDirectory directory: URL) throws(ImportError) {
        for table in Table.allCases {
            let url = directory.appendingPathComponent(table.file)
            guard FileManager.default.fileExists(atPath: url.path) else {
                if Table.needed.contains(table) { throw .missingFile(table.file) }
                continue
            }
            let text = try Self.text(of: url)
            let csv = try CSVTable(text: text, file: table.file)
            for column in table.required where !csv.header.contains(column) {
                throw .malformed(file: table.file, line: 1, "the header has no \"\(column)\" column")
            }
            for row in csv.rows {
                append(table, Row(origin: "\(table.file):\(row.line)", fields: row.fields))
            }
        }
    }

    /// A file's text, refused when unreadable, too large or not UTF-8.
    static func text(of url: URL) throws(ImportError) -> String {
        try ImportFile.text(at: url.path, named: url.lastPathComponent, limit: largestFile)
    }

    /// The tables as CSV files, each with the columns Thistle writes and
    /// its rows in the order they were made.
    public func csvFiles() -> [(name: String, text: String)] {
        Table.allCases.map { table in
            let lines = [table.columns] + self[table].map { row in table.columns.map { row[$0] } }
            return (table.file, lines.map(CSVTable.line).joined())
        }
    }
}

// MARK: - The JSON form

extension OpenReferralTables {
    /// Reads the JSON form: a file holding one service, an array of them,
    /// or a page of them (`{"contents": [...]}`, as an HSDS API returns).
    public mutating func addJSON(file url: URL) throws(ImportError) {
        let name = url.lastPathComponent
        guard let value = JSONReader.value(of: try Self.text(of: url)) else {
            throw .malformed(file: name, line: nil, "the file is not JSON")
        }
        let services: [JSONValue]
        let prefix: String
        switch value {
        case .array(let items): (services, prefix) = (items, "")
        case .object(let object):
            if case .array(let items)? = object["contents"] { (services, prefix) = (items, ".contents") } else { (services, prefix) = ([value], "") }
        default: throw .malformed(file: name, line: nil, "expected a service, an array of services or {\"contents\": [...]}")
        }
        for (index, service) in services.enumerated() {
            try addService(service, at: "\(name): \(prefix)[\(index)]")
        }
    }

    private mutating func addService(_ value: JSONValue, at origin: String) throws(ImportError) {
        var service = try Self.scalars(value, at: origin)
        let serviceID = service["id"] ?? ""
        let object = Self.object(value)
        if case .object? = object["organization"] {
            let organization = try Self.scalars(object["organization"]!, at: origin + ".organization")
            append(.organization, Row(origin: origin + ".organization", fields: organization))
            if service["organization_id", default: ""].isEmpty { service["organization_id"] = organization["id"] }
        }
        append(.service, Row(origin: origin, fields: service))
        for (index, item) in Self.array(object["service_at_locations"]).enumerated() {
            let at = "\(origin).service_at_locations[\(index)]"
            var link = try Self.scalars(item, at: at)
            link["service_id"] = serviceID
            if let location = Self.object(item)["location"] {
                var fields = try Self.scalars(location, at: at + ".location")
                let locationID = fields["id"] ?? ""
                if link["location_id", default: ""].isEmpty { link["location_id"] = locationID }
                if fields["organization_id", default: ""].isEmpty { fields["organization_id"] = service["organization_id"] }
                append(.location, Row(origin: at + ".location", fields: fields))
                for (number, address) in Self.array(Self.object(location)["addresses"]).enumerated() {
                    var fields = try Self.scalars(address, at: "\(at).location.addresses[\(number)]")
                    fields["location_id"] = locationID
                    append(.address, Row(origin: "\(at).location.addresses[\(number)]", fields: fields))
                }
            }
            append(.serviceAtLocation, Row(origin: at, fields: link))
        }
        for (index, item) in Self.array(object["service_areas"]).enumerated() {
            var fields = try Self.scalars(item, at: "\(origin).service_areas[\(index)]")
            fields["service_id"] = serviceID
            append(.serviceArea, Row(origin: "\(origin).service_areas[\(index)]", fields: fields))
        }
        for (index, item) in Self.array(object["phones"]).enumerated() {
            var fields = try Self.scalars(item, at: "\(origin).phones[\(index)]")
            fields["service_id"] = serviceID
            append(.phone, Row(origin: "\(origin).phones[\(index)]", fields: fields))
        }
        for (index, item) in Self.array(object["attributes"]).enumerated() {
            let at = "\(origin).attributes[\(index)]"
            var fields = try Self.scalars(item, at: at)
            fields["link_id"] = serviceID
            if fields["link_entity", default: ""].isEmpty { fields["link_entity"] = "service" }
            if let term = Self.object(item)["taxonomy_term"] {
                let termFields = try Self.scalars(term, at: at + ".taxonomy_term")
                if fields["taxonomy_term_id", default: ""].isEmpty { fields["taxonomy_term_id"] = termFields["id"] }
                append(.taxonomyTerm, Row(origin: at + ".taxonomy_term", fields: termFields))
            }
            append(.attribute, Row(origin: at, fields: fields))
        }
    }

    /// An object's scalar fields as text (nested objects and arrays are read apart).
    private static func scalars(_ value: JSONValue, at origin: String) throws(ImportError) -> [String: String] {
        guard case .object(let object) = value else { throw .malformed(file: origin, line: nil, "expected an object") }
        var fields: [String: String] = [:]
        for (key, value) in object {
            switch value {
            case .string(let text): fields[key] = text
            case .bool(let flag): fields[key] = flag ? "true" : "false"
            case .int(let number): fields[key] = String(number)
            case .double(let number): fields[key] = String(number)
            case .null, .array, .object: continue
            }
        }
        return fields
    }

    private static func object(_ value: JSONValue?) -> [String: JSONValue] {
        if case .object(let object)? = value { return object }
        return [:]
    }

    private static func array(_ value: JSONValue?) -> [JSONValue] {
        if case .array(let items)? = value { return items }
        return []
    }

    /// The tables as the JSON form: one array of services, each with its
    /// organization, locations (with addresses), areas, phones and
    /// attributes (with their terms) inside, keys sorted.
    public func jsonFile() throws -> Data {
        func pick(_ row: Row, _ table: Table, dropping: Set<String> = []) -> [String: JSONValue] {
            var object: [String: JSONValue] = [:]
            // An empty field is left out, as HSDS's JSON does.
            for column in table.columns where !dropping.contains(column) && !row[column].isEmpty {
                object[column] = column == "accepts_referrals" ? .bool(row[column] != "false") : .string(row[column])
            }
            return object
        }
        let organizations = Dictionary(self[.organization].map { ($0["id"], $0) }, uniquingKeysWith: { first, _ in first })
        let locations = Dictionary(self[.location].map { ($0["id"], $0) }, uniquingKeysWith: { first, _ in first })
        let terms = Dictionary(self[.taxonomyTerm].map { ($0["id"], $0) }, uniquingKeysWith: { first, _ in first })
        let addresses = Dictionary(grouping: self[.address], by: { $0["location_id"] })
        func children(_ table: Table, of service: String, by column: String = "service_id") -> [Row] {
            self[table].filter { $0[column] == service }
        }
        let services: [JSONValue] = self[.service].map { service in
            let id = service["id"]
            var object = pick(service, .service)
            object["organization"] = organizations[service["organization_id"]].map { .object(pick($0, .organization)) } ?? .null
            object["service_at_locations"] = .array(children(.serviceAtLocation, of: id).map { link in
                var item = pick(link, .serviceAtLocation, dropping: ["service_id"])
                if let location = locations[link["location_id"]] {
                    var place = pick(location, .location)
                    place["addresses"] = .array((addresses[location["id"]] ?? []).map {
                        .object(pick($0, .address, dropping: ["location_id"]))
                    })
                    item["location"] = .object(place)
                }
                return .object(item)
            })
            object["service_areas"] = .array(children(.serviceArea, of: id).map { .object(pick($0, .serviceArea, dropping: ["service_id"])) })
            object["phones"] = .array(children(.phone, of: id).map { .object(pick($0, .phone, dropping: ["service_id"])) })
            object["attributes"] = .array(children(.attribute, of: id, by: "link_id").map { attribute in
                var item = pick(attribute, .attribute, dropping: ["link_id"])
                item["taxonomy_term"] = terms[attribute["taxonomy_term_id"]].map { .object(pick($0, .taxonomyTerm)) } ?? .null
                return .object(item)
            })
            return .object(object)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(JSONValue.array(services)) + Data("\n".utf8)
    }
}
