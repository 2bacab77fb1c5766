import GRDB
import PlaceDomain

extension PlaceStore {
    /// The team's service directory as Open Referral UK tables: every
    /// service (by id), the organizations that run them, their locations,
    /// areas (named by place name), phones and need categories (as terms of
    /// Thistle's own taxonomy). Reading it back gives the same directory,
    /// so exporting again gives the same files.
    public func directoryTables() throws -> OpenReferralTables {
        let (agencies, locations, services, categories) = try writer.read { db in
            (try Agency.fetchAll(db), try Location.fetchAll(db), try Service.fetchAll(db, sql: "SELECT * FROM service ORDER BY id"),
             try NeedCategory.fetchAll(db))
        }
        let tree = try placeTree()
        let agencyByID = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id, $0) })
        let locationByID = Dictionary(uniqueKeysWithValues: locations.map { ($0.id, $0) })
        let categoryByID = Dictionary(uniqueKeysWithValues: categories.map { ($0.id, $0) })
        var tables = OpenReferralTables()
        func add(_ table: OpenReferralTables.Table, _ fields: [String: String]) {
            tables.append(table, .init(origin: table.file, fields: fields))
        }
        for agency in Set(services.map(\.agencyID)).sorted().compactMap({ agencyByID[$0] }) {
            add(.organization, ["id": agency.id.rawValue, "name": agency.name, "description": agency.description,
                                "website": agency.website ?? "", "legal_status": agency.kind.rawValue])
        }
        for location in Set(services.flatMap(\.locationIDs)).sorted().compactMap({ locationByID[$0] }) {
            let id = location.id.rawValue
            add(.location, ["id": id, "organization_id": location.agencyID.rawValue, "location_type": "physical", "name": location.name])
            add(.address, ["id": id + "-address", "location_id": id, "address_1": location.address,
                           "postal_code": location.postcode, "country": "GB", "address_type": "physical"])
        }
        for category in Set(services.flatMap(\.needs)).sorted().compactMap({ categoryByID[$0] }) {
            add(.taxonomyTerm, ["id": Self.termID(category.id), "code": category.id.rawValue, "name": category.name,
                                "description": category.description, "taxonomy": TaxonomyMapping.thistleTaxonomy])
        }
        for service in services {
            let id = service.id.rawValue
            add(.service, [
                "id": id, "organization_id": service.agencyID.rawValue, "name": service.name, "description": service.description,
                "email": service.email ?? "", "status": service.status.rawValue,
                "wait_time": service.typicalWaitDays.map { $0 == 1 ? "1 day" : "\($0) days" } ?? "",
                "accepts_referrals": service.acceptsReferrals ? "true" : "false",
            ])
            for location in service.locationIDs {
                add(.serviceAtLocation, ["id": "\(id)-at-\(location)", "service_id": id, "location_id": location.rawValue])
            }
            for place in service.placeIDs {
                add(.serviceArea, ["id": "\(id)-area-\(place)", "service_id": id, "name": tree[place]?.name ?? place.rawValue,
                                   "uri": Self.uri(of: place, in: tree)])
            }
            if let phone = service.phone { add(.phone, ["id": id + "-phone", "service_id": id, "number": phone]) }
            for need in service.needs {
                add(.attribute, ["id": "\(id)-need-\(need)", "link_id": id, "link_entity": "service",
                                 "taxonomy_term_id": Self.termID(need)])
            }
        }
        return tables
    }

    /// A service area's uri when it is a place of the team's tree with no
    /// official code: names can repeat (an area and its town), ids cannot.
    public static let placeURIPrefix = "urn:thistle:place:"

    /// The statistical geography's uri for a place with an official code, else Thistle's.
    static func uri(of place: PlaceID, in tree: PlaceTree) -> String {
        tree[place]?.code.map { "http://statistics.data.gov.uk/id/statistical-geography/" + $0 } ?? placeURIPrefix + place.rawValue
    }

    static func termID(_ category: NeedCategoryKey) -> String { "\(TaxonomyMapping.thistleTaxonomy)-\(category)" }
}
