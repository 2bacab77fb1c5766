import Foundation
import PlaceDomain

/// The files that describe a place (the shape of `sample-data/fife/`),
/// decoded and checked, ready to be written through the op log.
public struct PlaceFiles: Sendable {
    public var places: [Place] = []
    public var agencies: [Agency] = []
    public var needCategories: [NeedCategory] = []
    public var members: [Member] = []
    public var locations: [Location] = []
    public var services: [Service] = []
    public var residents: [Resident] = []
    public var cases: [Case] = []
    public var needs: [Need] = []
    public var referrals: [Referral] = []
    public var triageTargets: [TriageTarget] = []
    /// The plan and evidence base, where the folder has them.
    public var plan = PlanFiles()

    /// Reads and checks every file in `directory`.
    public init(directory: URL) throws(ImportError) {
        places = try Self.decode([PlaceRow].self, "places.json", in: directory).map(\.place)
        agencies = try Self.decode([Agency].self, "agencies.json", in: directory)
        needCategories = try Self.decode([NeedCategoryRow].self, "need-categories.json", in: directory)
            .map(\.category)
        members = try Self.decode([MemberRow].self, "members.json", in: directory).map(\.member)
        for row in try Self.decode([ServiceRow].self, "services.json", in: directory) {
            services.append(row.service)
            for location in row.locations where !locations.contains(where: { $0.id == location.id }) {
                locations.append(location.location(agency: row.agency))
            }
        }
        residents = try Self.residents(in: directory)
        for row in try Self.decode([CaseRow].self, "cases.json", in: directory) {
            cases.append(row.case)
            for need in row.needs {
                needs.append(need.need(in: row.id))
                referrals += need.referrals.map { $0.referral(for: need.id, in: row.id) }
            }
        }
        triageTargets = try Self.decode([TriageTargetRow].self, "triage-targets.json", in: directory).map(\.target)
        plan = try PlanFiles(directory: directory) { file throws(ImportError) in
            FileManager.default.contents(atPath: directory.appendingPathComponent(file).path)
        }
        try checkReferences()
        try plan.checkReferences(
            places: Set(places.map(\.id)), agencies: Set(agencies.map(\.id)), members: Set(members.map(\.id)),
            categories: Set(needCategories.map(\.id)))
    }

    /// The cases with their needs and referrals.
    var caseFiles: [CaseFile] {
        let needsByCase = Dictionary(grouping: needs, by: \.caseID)
        let referralsByCase = Dictionary(grouping: referrals, by: \.caseID)
        return cases.map { CaseFile(case: $0, needs: needsByCase[$0.id] ?? [], referrals: referralsByCase[$0.id] ?? []) }
    }

    /// Every change that writes these files' contents, parents first.
    public func changes() throws -> [Change] {
        var changes: [Change] = []
        changes += try places.map(Change.create)
        changes += try agencies.map(Change.create)
        changes += try needCategories.map(Change.create)
        changes += try members.map(Change.create)
        changes += try locations.map(Change.create)
        changes += try services.map(Change.create)
        changes += try residents.map(Change.create)
        changes += try cases.map(Change.create)
        changes += try needs.map(Change.create)
        changes += try referrals.map(Change.create)
        changes += caseFiles.flatMap { file in
            file.impliedEvents.enumerated().map { index, event in
                CaseEventCoding.change(event, id: "event-\(file.case.id)-\(index + 1)", on: file.case.id)
            }
        }
        changes += try triageTargets.map(Self.change(for:))
        changes += try plan.changes()
        return changes
    }

    /// The need categories every team shares, from `need-categories.json`
    /// in `directory` (the sample place's): a new team starts with them.
    public static func needCategories(in directory: URL) throws(ImportError) -> [NeedCategory] {
        try decode([NeedCategoryRow].self, "need-categories.json", in: directory).map(\.category)
    }

    /// A triage target's record, keyed by its place and urgency.
    static func change(for target: TriageTarget) throws -> Change {
        try Change.create(target, as: .triageTarget, id: "triage-\(target.placeID)-\(target.urgency.rawValue)")
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ file: String, in directory: URL) throws(ImportError) -> T {
        let url = directory.appendingPathComponent(file)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw .missingFile(file) }
        return try decode(type, file, data: data)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ file: String, data: Data) throws(ImportError) -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(T.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw .malformed(file: file, line: nil, context.debugDescription)
        } catch let DecodingError.keyNotFound(key, context) {
            throw .malformed(file: file, line: nil, "missing \"\(key.stringValue)\" at \(Self.path(context))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw .malformed(file: file, line: nil, "wrong type at \(Self.path(context)): \(context.debugDescription)")
        } catch let DecodingError.valueNotFound(_, context) {
            throw .malformed(file: file, line: nil, "missing value at \(Self.path(context))")
        } catch {
            throw .malformed(file: file, line: nil, "\(error)")
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    private static func residents(in directory: URL) throws(ImportError) -> [Resident] {
        let file = "residents.csv"
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path),
            let text = String(data: data, encoding: .utf8)
        else { throw .missingFile(file) }
        let table = try CSVTable(text: text, file: file)
        for column in ["id", "givenName", "familyName", "dateOfBirth", "postcode", "place"]
        where !table.header.contains(column) {
            throw .malformed(file: file, line: 1, "the header has no \"\(column)\" column")
        }
        var residents: [Resident] = []
        for row in table.rows {
            guard let id = row["id"], !id.isEmpty, let place = row["place"], !place.isEmpty else {
                throw .malformed(file: file, line: row.line, "id and place are required")
            }
            let birth = row["dateOfBirth"].flatMap { $0.isEmpty ? nil : $0 }
            if let birth, !DateOfBirth.isCalendarDate(birth) {
                throw .malformed(file: file, line: row.line, "dateOfBirth \"\(birth.shownInRefusal)\" is not a YYYY-MM-DD date")
            }
            residents.append(
                Resident(
                    id: ResidentID(id), givenName: row["givenName"] ?? "", familyName: row["familyName"] ?? "",
                    dateOfBirth: birth, postcode: row["postcode"].flatMap { $0.isEmpty ? nil : $0 },
                    placeID: PlaceID(place)))
        }
        return residents
    }

    /// Refuses files whose ids point nowhere, before anything is written.
    /// Refuses a file that gives one id to two records.
    static func requireUnique(_ ids: [String], in file: String) throws(ImportError) {
        var seen = Set<String>()
        for id in ids where !seen.insert(id).inserted {
            throw .malformed(file: file, line: nil, "\(id) is given twice")
        }
    }

    private func checkReferences() throws(ImportError) {
        let placeIDs = Set(places.map(\.id))
        let agencyIDs = Set(agencies.map(\.id))
        let memberIDs = Set(members.map(\.id))
        let categoryIDs = Set(needCategories.map(\.id))
        let serviceIDs = Set(services.map(\.id))
        let residentIDs = Set(residents.map(\.id))
        func check(_ ok: Bool, _ file: String, _ message: @autoclosure () -> String) throws(ImportError) {
            if !ok { throw .malformed(file: file, line: nil, message()) }
        }
        try Self.requireUnique(places.map(\.id.rawValue), in: "places.json")
        try Self.requireUnique(agencies.map(\.id.rawValue), in: "agencies.json")
        try Self.requireUnique(needCategories.map(\.id.rawValue), in: "need-categories.json")
        try Self.requireUnique(members.map(\.id.rawValue), in: "members.json")
        try Self.requireUnique(services.map(\.id.rawValue), in: "services.json")
        try Self.requireUnique(residents.map(\.id.rawValue), in: "residents.csv")
        try Self.requireUnique(cases.map(\.id.rawValue) + needs.map(\.id.rawValue) + referrals.map(\.id.rawValue),
                               in: "cases.json")
        for place in places {
            try check(place.parentID.map(placeIDs.contains) ?? true, "places.json",
                      "\(place.id) has an unknown parent \(place.parentID!)")
        }
        for member in members {
            try check(agencyIDs.contains(member.agencyID), "members.json", "\(member.id) has an unknown agency")
            for place in member.placeIDs {
                try check(placeIDs.contains(place), "members.json", "\(member.id) serves an unknown place \(place)")
            }
        }
        for service in services {
            try check(agencyIDs.contains(service.agencyID), "services.json", "\(service.id) has an unknown agency")
            for place in service.placeIDs {
                try check(placeIDs.contains(place), "services.json", "\(service.id) lists an unknown place \(place)")
            }
            for need in service.needs {
                try check(categoryIDs.contains(need), "services.json", "\(service.id) meets an unknown need \(need)")
            }
        }
        for resident in residents {
            try check(placeIDs.contains(resident.placeID), "residents.csv",
                      "\(resident.id) lives in an unknown place \(resident.placeID)")
        }
        for item in cases {
            try check(residentIDs.contains(item.residentID), "cases.json", "\(item.id) has an unknown resident")
            try check(placeIDs.contains(item.placeID), "cases.json", "\(item.id) has an unknown place")
            try check(agencyIDs.contains(item.doorAgencyID), "cases.json", "\(item.id) has an unknown door agency")
            try check(memberIDs.contains(item.doorMemberID) && memberIDs.contains(item.leadID), "cases.json",
                      "\(item.id) names an unknown member")
        }
        for need in needs {
            try check(categoryIDs.contains(need.category), "cases.json", "\(need.id) has an unknown category")
        }
        for target in triageTargets {
            try check(placeIDs.contains(target.placeID) && target.hours > 0, "triage-targets.json",
                      "a target for \(target.placeID) needs a known place and a positive number of hours")
        }
        for referral in referrals {
            try check(serviceIDs.contains(referral.serviceID), "cases.json",
                      "\(referral.id) goes to an unknown service \(referral.serviceID)")
        }
    }
}
