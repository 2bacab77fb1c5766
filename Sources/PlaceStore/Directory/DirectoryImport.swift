import Foundation
import GRDB
import PlaceDomain

/// What importing a directory would change, worked out before anything is
/// written: the user sees it, then it is applied whole or not at all.
public struct DirectoryImportPlan: Sendable {
    public enum Effect: String, Encodable, Sendable { case new, changed, unchanged }

    /// One organization, location or service of the directory.
    public struct Item: Encodable, Sendable {
        public let kind: String
        public let id: String
        public let name: String
        public let effect: Effect
        /// The fields a changed record changes.
        public let fields: [String]
    }

    /// A taxonomy term no need category stands for.
    public struct UnmappedTerm: Encodable, Hashable, Sendable {
        public let taxonomy: String
        public let code: String
        public let name: String
        public var services: Int
    }

    public let items: [Item]
    public let unmapped: [UnmappedTerm]
    /// Services that meet no need category: triage never offers them.
    public let withoutNeeds: [String]
    let changes: [Change]

    public func count(_ kind: String, _ effect: Effect) -> Int {
        items.count { $0.kind == kind && $0.effect == effect }
    }

    /// Whether applying it writes anything.
    public var changesAnything: Bool { !changes.isEmpty }
}

extension PlaceStore {
    /// Works out what importing `tables` would do: each organization becomes
    /// an agency, each location and service the same in Thistle, matched by
    /// id so a second import updates rather than duplicates. Service areas
    /// are places in the team's tree, named by their name (or id); taxonomy
    /// terms become need categories through `mapping`. Refused, with the
    /// row's file and line, when a row lacks an id or name, gives one id
    /// twice differently, points at something not there, or holds a
    /// control character.
    public func planDirectoryImport(_ tables: OpenReferralTables, mapping: TaxonomyMapping) throws -> DirectoryImportPlan {
        var reader = DirectoryReader(tables: tables, tree: try placeTree(), mapping: mapping)
        let (agencies, locations, services) = try writer.read { db in
            (try Agency.fetchAll(db), try Location.fetchAll(db), try Service.fetchAll(db))
        }
        reader.existingAgencies = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id, $0) })
        reader.existingLocations = Dictionary(uniqueKeysWithValues: locations.map { ($0.id, $0) })
        reader.existingServices = Dictionary(uniqueKeysWithValues: services.map { ($0.id, $0) })
        return try reader.plan()
    }

    /// Writes what `plan` changes, as `actor`: only an admin keeps the
    /// team's directory.
    public func applyDirectoryImport(_ plan: DirectoryImportPlan, by actor: ActingMember) throws {
        guard actor.member.role == .admin else { throw NotPermitted("only an admin imports the service directory") }
        guard plan.changesAnything else { return }
        try write(by: actor.id, plan.changes)
    }
}

/// Reads the directory's tables into Thistle's agencies, locations and
/// services, checking each row.
struct DirectoryReader {
    typealias Row = OpenReferralTables.Row
    let tables: OpenReferralTables
    let tree: PlaceTree
    let mapping: TaxonomyMapping
    var existingAgencies: [AgencyID: Agency] = [:]
    var existingLocations: [LocationID: Location] = [:]
    var existingServices: [ServiceID: Service] = [:]

    init(tables: OpenReferralTables, tree: PlaceTree, mapping: TaxonomyMapping) {
        self.tables = tables
        self.tree = tree
        self.mapping = mapping
    }

    static func bad(_ row: Row, _ message: String) -> ImportError { .malformed(file: row.origin, line: nil, message) }

    /// The rows of `table` by id, each id once: the JSON form repeats an
    /// organization for each of its services, which is fine when the copies agree.
    func unique(_ table: OpenReferralTables.Table) throws(ImportError) -> [(id: String, row: Row)] {
        var firstByID: [String: Row] = [:]
        var rows: [(id: String, row: Row)] = []
        for row in tables[table] {
            for (column, value) in row.fields where table.columns.contains(column) {
                if let control = PlainText.firstControl(in: value) {
                    throw Self.bad(row, "\(column) holds a control character (U+\(String(control.value, radix: 16, uppercase: true)))")
                }
            }
            for column in table.required where row[column].trimmingCharacters(in: .whitespaces).isEmpty {
                throw Self.bad(row, "\(table.rawValue) has no \(column)")
            }
            // Tables without ids of their own are keyed by what they belong to.
            let id = try Self.id(row[table.required.contains("id") ? "id" : table.required[0]], row)
            guard table.required.contains("id") else {
                rows.append((id, row))
                continue
            }
            if let first = firstByID[id] {
                let differs = table.columns.contains { first[$0] != row[$0] }
                if differs { throw Self.bad(row, "\(table.rawValue) \(id.shownInRefusal) is given twice, differently (first at \(first.origin))") }
                continue
            }
            firstByID[id] = row
            rows.append((id, row))
        }
        return rows
    }

    static func id(_ text: String, _ row: Row) throws(ImportError) -> String {
        let id = text.trimmingCharacters(in: .whitespaces)
        guard id.count <= 128, !id.unicodeScalars.contains(where: { $0.properties.isWhitespace }) else {
            throw bad(row, "\"\(id.shownInRefusal)\" is not an id (at most 128 characters, no spaces)")
        }
        return id
    }

    static func text(_ value: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    mutating func plan() throws -> DirectoryImportPlan {
        var items: [DirectoryImportPlan.Item] = []
        var changes: [Change] = []
        func add<Record: StoredRecord & Equatable>(_ kind: String, _ name: String, _ new: Record, was old: Record?) throws {
            guard let old else {
                items.append(.init(kind: kind, id: new.recordID, name: name, effect: .new, fields: []))
                changes.append(try .create(new))
                return
            }
            let fieldChanges = try Change.changes(from: old, to: new)
            items.append(.init(kind: kind, id: new.recordID, name: name, effect: fieldChanges.isEmpty ? .unchanged : .changed,
                               fields: fieldChanges.map(\.field)))
            changes += fieldChanges
        }

        // Organizations → agencies.
        var agencies: [AgencyID: Agency] = existingAgencies
        for (id, row) in try unique(.organization) {
            let agencyID = AgencyID(id)
            let old = existingAgencies[agencyID]
            let agency = Agency(
                id: agencyID, name: row["name"].trimmingCharacters(in: .whitespaces),
                kind: AgencyKind(rawValue: row["legal_status"].lowercased()) ?? old?.kind ?? .thirdSector,
                description: row["description"], website: Self.text(row["website"]))
            agencies[agencyID] = agency
            try add("organization", agency.name, agency, was: old)
        }

        // Services, before their locations are settled: a location with no organization takes its service's.
        let services = try unique(.service)
        var serviceAgency: [String: AgencyID] = [:]
        for (id, row) in services {
            let agencyID = AgencyID(row["organization_id"].trimmingCharacters(in: .whitespaces))
            guard agencies[agencyID] != nil else {
                throw Self.bad(row, "organization_id \(agencyID.rawValue.shownInRefusal) is neither in the directory nor a team agency")
            }
            serviceAgency[id] = agencyID
        }
        func requireService(_ id: String, _ row: Row) throws(ImportError) {
            guard serviceAgency[id] != nil else { throw Self.bad(row, "service \(id.shownInRefusal) is not in the directory") }
        }

        // Locations, with their first address.
        let links = try unique(.serviceAtLocation)
        var addresses: [String: Row] = [:]
        for (locationID, row) in try unique(.address) where addresses[locationID] == nil || row["address_type"] == "physical" {
            addresses[locationID] = row
        }
        var locations: Set<LocationID> = Set(existingLocations.keys)
        for (id, row) in try unique(.location) {
            let locationID = LocationID(id)
            var agencyID = Self.text(row["organization_id"]).map { AgencyID($0) }
            if agencyID == nil, let link = links.first(where: { $0.row["location_id"] == id }) {
                agencyID = serviceAgency[link.row["service_id"]]
            }
            guard let agencyID, agencies[agencyID] != nil else {
                throw Self.bad(row, "location \(id.shownInRefusal) belongs to no organization in the directory")
            }
            let address = addresses[id]
            let postcode: String
            do { postcode = try Postcode.validate(address?["postal_code"] ?? "") ?? "" } catch {
                throw Self.bad(address ?? row, "\"\(address?["postal_code"].shownInRefusal ?? "")\" is not a postcode")
            }
            let lines = ["address_1", "address_2", "city"].compactMap { column in address.flatMap { Self.text($0[column]) } }
            let old = existingLocations[locationID]
            let location = Location(
                id: locationID, agencyID: agencyID, name: row["name"].trimmingCharacters(in: .whitespaces),
                address: lines.joined(separator: ", "), postcode: postcode, placeID: old?.placeID)
            locations.insert(locationID)
            try add("location", location.name, location, was: old)
        }
        for (locationID, row) in addresses.sorted(by: { $0.key < $1.key }) where !locations.contains(LocationID(locationID)) {
            throw Self.bad(row, "location \(locationID.shownInRefusal) is not in the directory")
        }

        // What each service links to.
        var locationsOf: [String: [LocationID]] = [:]
        for (_, row) in links {
            try requireService(row["service_id"], row)
            let location = LocationID(row["location_id"].trimmingCharacters(in: .whitespaces))
            guard locations.contains(location) else { throw Self.bad(row, "location \(location.rawValue.shownInRefusal) is not in the directory") }
            if !(locationsOf[row["service_id"]] ?? []).contains(location) { locationsOf[row["service_id"], default: []].append(location) }
        }
        var placesOf: [String: [PlaceID]] = [:]
        let placesByCode = Dictionary(tree.places.values.compactMap { place in place.code.map { ($0.uppercased(), place) } },
                                      uniquingKeysWith: { first, _ in first })
        let placesByName = Dictionary(grouping: tree.places.values.sorted { $0.id < $1.id }, by: { $0.name.lowercased() })
        for (_, row) in try unique(.serviceArea) {
            try requireService(row["service_id"], row)
            let name = row["name"].trimmingCharacters(in: .whitespaces)
            let uri = row["uri"].trimmingCharacters(in: .whitespaces)
            let matches: [Place]
            if uri.hasPrefix(PlaceStore.placeURIPrefix) {
                let id = PlaceID(String(uri.dropFirst(PlaceStore.placeURIPrefix.count)))
                guard let place = tree[id] else {
                    throw Self.bad(row, "service area uri \(uri.shownInRefusal) names no place in the team's tree (see `thistle places`)")
                }
                matches = [place]
            } else if let code = uri.split(separator: "/").last.map(String.init), let place = placesByCode[code.uppercased()] {
                matches = [place]
            } else {
                matches = tree[PlaceID(name)].map { [$0] } ?? placesByName[name.lowercased()] ?? []
            }
            guard matches.count == 1 else {
                throw Self.bad(row, matches.isEmpty
                    ? "service area \"\(name.shownInRefusal)\" is not a place in the team's tree (see `thistle places`)"
                    : "service area \"\(name.shownInRefusal)\" names \(matches.count) places; name it by id instead, or give "
                        + "its uri as \(PlaceStore.placeURIPrefix)ID (\(matches.map(\.id.rawValue).joined(separator: ", ")))")
            }
            if !(placesOf[row["service_id"]] ?? []).contains(matches[0].id) { placesOf[row["service_id"], default: []].append(matches[0].id) }
        }
        var phoneOf: [String: String] = [:]
        for (_, row) in try unique(.phone) {
            try requireService(row["service_id"], row)
            if phoneOf[row["service_id"]] == nil { phoneOf[row["service_id"]] = row["number"].trimmingCharacters(in: .whitespaces) }
        }
        let terms = Dictionary(try unique(.taxonomyTerm).map { ($0.id, $0.row) }, uniquingKeysWith: { first, _ in first })
        var needsOf: [String: [NeedCategoryKey]] = [:]
        var unmapped: [String: DirectoryImportPlan.UnmappedTerm] = [:]
        for (_, row) in try unique(.attribute) where ["", "service"].contains(row["link_entity"].lowercased()) {
            try requireService(row["link_id"], row)
            guard let term = terms[row["taxonomy_term_id"]] else {
                throw Self.bad(row, "taxonomy term \(row["taxonomy_term_id"].shownInRefusal) is not in the directory")
            }
            if let category = mapping.category(for: term) {
                if !(needsOf[row["link_id"]] ?? []).contains(category) { needsOf[row["link_id"], default: []].append(category) }
            } else {
                unmapped[term["id"], default: .init(taxonomy: term["taxonomy"], code: term["code"], name: term["name"], services: 0)]
                    .services += 1
            }
        }

        // Services.
        var withoutNeeds: [String] = []
        for (id, row) in services {
            let serviceID = ServiceID(id)
            let old = existingServices[serviceID]
            let status: ServiceStatus
            if let text = Self.text(row["status"]) {
                guard let known = ServiceStatus(rawValue: text.lowercased()) else {
                    throw Self.bad(row, "status \"\(text.shownInRefusal)\" is not one of "
                                   + ServiceStatus.allCases.map(\.rawValue).joined(separator: ", "))
                }
                status = known
            } else {
                status = .active
            }
            let accepts: Bool
            switch row["accepts_referrals"].lowercased().trimmingCharacters(in: .whitespaces) {
            case "": accepts = old?.acceptsReferrals ?? true
            case "true", "yes", "1": accepts = true
            case "false", "no", "0": accepts = false
            case let other: throw Self.bad(row, "accepts_referrals \"\(other.shownInRefusal)\" is not true or false")
            }
            let needs = needsOf[id] ?? []
            if needs.isEmpty { withoutNeeds.append(id) }
            let service = Service(
                id: serviceID, name: row["name"].trimmingCharacters(in: .whitespaces), agencyID: serviceAgency[id]!,
                description: row["description"], status: status, needs: needs, placeIDs: placesOf[id] ?? [],
                locationIDs: locationsOf[id] ?? [], acceptsReferrals: accepts, typicalWaitDays: Self.days(row["wait_time"]),
                email: Self.text(row["email"]), phone: phoneOf[id])
            try add("service", service.name, service, was: old)
        }
        return DirectoryImportPlan(
            items: items, unmapped: unmapped.values.sorted { ($0.taxonomy, $0.code, $0.name) < ($1.taxonomy, $1.code, $1.name) },
            withoutNeeds: withoutNeeds, changes: changes)
    }

    /// A wait in days from HSDS's free text: "14 days", "2 weeks", "3"; nil otherwise.
    static func days(_ text: String) -> Int? {
        let words = text.lowercased().split(separator: " ")
        guard let first = words.first, let number = Int(first), number >= 0, number <= 3650, words.count <= 2 else { return nil }
        switch words.dropFirst().first {
        case nil, "day", "days": return number
        case "week", "weeks": return number * 7
        default: return nil
        }
    }
}
