import Foundation
import PlaceDomain

/// One case to open from a file (`thistle case import`), as read: the
/// source's reference, the resident (an id, or the details of someone new),
/// the needs, when it was taken and the resident's story.
///
/// CSV columns (JSON: an array of objects with the same keys, `needs` a
/// string or an array of strings): `ref,resident,given_name,family_name,dob,postcode,place,needs,opened,summary`.
public struct CaseImportRow: Sendable {
    public let origin: String
    public let fields: [String: String]
    subscript(_ column: String) -> String { (fields[column] ?? "").trimmingCharacters(in: .whitespaces) }

    public static let columns = ["ref", "resident", "given_name", "family_name", "dob", "postcode", "place", "needs", "opened", "summary"]

    /// The rows of a CSV file: `ref` and `needs` columns required.
    public static func rows(csv text: String, file: String) throws(ImportError) -> [CaseImportRow] {
        let table = try CSVTable(text: text, file: file)
        for column in ["ref", "needs"] where !table.header.contains(column) {
            throw .malformed(file: file, line: 1, "the header has no \"\(column)\" column (\(columns.joined(separator: ",")))")
        }
        // A quoted summary may run over lines, ended CRLF or LF: kept as LF.
        return table.rows.map { row in
            CaseImportRow(origin: "\(file):\(row.line)", fields: row.fields.mapValues { $0.replacingOccurrences(of: "\r\n", with: "\n") })
        }
    }

    /// The rows of a JSON file: an array of objects.
    public static func rows(json text: String, file: String) throws(ImportError) -> [CaseImportRow] {
        guard case .array(let items)? = JSONReader.value(of: text) else {
            throw .malformed(file: file, line: nil, "expected a JSON array of cases")
        }
        var rows: [CaseImportRow] = []
        for (index, item) in items.enumerated() {
            let origin = "\(file): [\(index)]"
            guard case .object(let object) = item else { throw .malformed(file: origin, line: nil, "expected an object") }
            var fields: [String: String] = [:]
            for (key, value) in object {
                switch value {
                case .string(let text): fields[key] = text
                case .null: continue
                case .array(let items) where key == "needs":
                    var needs: [String] = []
                    for item in items {
                        guard case .string(let need) = item else { throw .malformed(file: origin, line: nil, "needs must be strings") }
                        needs.append(need)
                    }
                    fields[key] = needs.joined(separator: ";")
                default: throw .malformed(file: origin, line: nil, "\(key.shownInRefusal) must be a string")
                }
            }
            rows.append(CaseImportRow(origin: origin, fields: fields))
        }
        return rows
    }
}

/// What importing cases would do, worked out before anything is written.
public struct CaseImportPlan: Sendable {
    public struct Item: Encodable, Sendable {
        public let ref: String
        public let `case`: String
        public let resident: String
        public let newResident: Bool
        public let needs: [String]
        /// Shown in the preview, not printed as JSON: the file gave it, or its reader may read it.
        public let residentName: String

        enum CodingKeys: String, CodingKey { case ref, `case`, resident, newResident, needs }
    }

    /// The cases to open.
    public let opening: [Item]
    /// The cases a row's reference already opened (by an earlier import), left as they are.
    public let skipped: [String]
    public var newResidents: Int { Set(opening.filter(\.newResident).map(\.resident)).count }
    let changes: [Change]
}

extension PlaceStore {
    /// The case a row's reference opens: the same reference always names the
    /// same case, so importing a file again opens nothing twice.
    public static func importedCaseID(_ ref: String) -> CaseID { CaseID("case-import-" + ref) }

    /// Works out the cases `rows` open at `actor`'s door, through the rules
    /// any case is opened by (rule 1: a frontline worker or lead opens it
    /// and leads it). A row names its resident by id, or gives a new
    /// resident's name, date of birth, postcode and place; a new resident
    /// who may be someone already registered is refused (give their id),
    /// and rows with the same new person's details share one resident.
    /// Refused, naming the row, on any bad field or broken rule.
    /// `progress` hears how many rows are checked, of how many.
    public func planCaseImport(
        _ rows: [CaseImportRow], by actor: ActingMember, now: Date, progress: ((Int, Int) -> Void)? = nil
    ) throws -> CaseImportPlan {
        let tree = try placeTree()
        let categories = Set(try needCategories().map(\.id))
        var seenRefs: [String: String] = [:]
        var newResidents: [ResidentCandidate: Resident] = [:]
        var opening: [CaseImportPlan.Item] = []
        var skipped: [String] = []
        var changes: [Change] = []
        func bad(_ row: CaseImportRow, _ message: String) -> ImportError { .malformed(file: row.origin, line: nil, message) }
        for (index, row) in rows.enumerated() {
            progress?(index, rows.count)
            for (column, value) in row.fields where CaseImportRow.columns.contains(column) {
                if let control = PlainText.firstControl(in: value) {
                    throw bad(row, "\(column) holds a control character (U+\(String(control.value, radix: 16, uppercase: true)))")
                }
            }
            let ref = row["ref"]
            guard !ref.isEmpty, ref.count <= 64,
                ref.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) })
            else { throw bad(row, "ref \"\(ref.shownInRefusal)\" is not a reference (1 to 64 letters, digits, '-', '_' or '.')") }
            if let first = seenRefs[ref] { throw bad(row, "ref \(ref) is given twice (first at \(first))") }
            seenRefs[ref] = row.origin
            let caseID = Self.importedCaseID(ref)
            if try caseFile(caseID) != nil {
                skipped.append(caseID.rawValue)
                continue
            }
            // The resident.
            let resident: Resident
            var isNew = false
            if !row["resident"].isEmpty {
                guard let found = try self.resident(ResidentID(row["resident"])) else {
                    throw bad(row, "there is no resident with id '\(row["resident"].shownInRefusal)'")
                }
                resident = found
            } else {
                let name: ResidentName
                let postcode: String?
                do {
                    name = try ResidentName.validate(givenName: row["given_name"], familyName: row["family_name"])
                    try DateOfBirth.validate(row["dob"], now: now)
                    postcode = try Postcode.validate(row["postcode"])
                } catch { throw bad(row, "\(error)") }
                guard tree[PlaceID(row["place"])] != nil else {
                    throw bad(row, "place \"\(row["place"].shownInRefusal)\" is not a place in the team's tree (see `thistle places`)")
                }
                let candidate = ResidentCandidate(
                    givenName: name.givenName, familyName: name.familyName, dateOfBirth: row["dob"], postcode: postcode)
                if let same = newResidents[candidate], same.placeID == PlaceID(row["place"]) {
                    resident = same
                } else {
                    let known = ResidentMatcher.likelyDuplicates(of: candidate, among: try residents(bornOn: row["dob"]))
                    guard known.isEmpty else {
                        throw bad(row, "this may be someone already registered: "
                                  + known.map { "\($0.fullName) (\($0.id))" }.joined(separator: "; ")
                                  + "; put their id in the resident column")
                    }
                    resident = Resident(id: ResidentID(newID()), givenName: name.givenName, familyName: name.familyName,
                                        dateOfBirth: row["dob"], postcode: postcode, placeID: PlaceID(row["place"]))
                    newResidents[candidate] = resident
                    changes.append(try .create(resident))
                }
                isNew = true
            }
            // The needs and the case, by rule 1.
            var needs: [NewNeed] = []
            for spec in row["needs"].split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !spec.isEmpty {
                let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                let urgency = parts.count == 2 ? Urgency(rawValue: parts[1]) : parts.count == 1 ? .routine : nil
                guard let urgency, categories.contains(NeedCategoryKey(parts[0])) else {
                    throw bad(row, "need \"\(spec.shownInRefusal)\" is not CATEGORY[:urgent|soon|routine] with a known category")
                }
                needs.append(NewNeed(id: NeedID(newID()), category: NeedCategoryKey(parts[0]), urgency: urgency))
            }
            var openedAt: Date?
            if !row["opened"].isEmpty {
                guard DateOfBirth.isCalendarDate(row["opened"]), let date = ISOTime.date(row["opened"] + "T00:00:00Z") else {
                    throw bad(row, "opened \"\(row["opened"].shownInRefusal)\" is not a YYYY-MM-DD date")
                }
                openedAt = date
            }
            let update: CaseUpdate
            do {
                update = try CaseFile.open(id: caseID, residentID: resident.id, placeID: resident.placeID, needs: needs,
                                           summary: row["summary"], by: actor, now: now, openedAt: openedAt)
            } catch { throw bad(row, "\(error)") }
            changes += try self.changes(for: update, replacing: nil)
            opening.append(.init(ref: ref, case: caseID.rawValue, resident: resident.id.rawValue, newResident: isNew,
                                 needs: needs.map { "\($0.category):\($0.urgency.rawValue)" }, residentName: resident.fullName))
        }
        return CaseImportPlan(opening: opening, skipped: skipped, changes: changes)
    }

    /// Writes what `plan` opens, all in one transaction.
    public func applyCaseImport(_ plan: CaseImportPlan, by actor: ActingMember) throws {
        guard !plan.changes.isEmpty else { return }
        try write(by: actor.id, plan.changes)
    }
}
