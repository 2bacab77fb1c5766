import Foundation
import PlaceDomain

/// The team a new database starts with (`thistle init`): its places,
/// agencies and members from three CSV files, checked row by row so a bad
/// one is named by file and line before anything is made.
///
/// - places: `id,name,kind,parent,code,population` (kind council, area or
///   community; parent empty for the council; code an official area code
///   such as a GSS code, optional; population optional)
/// - agencies: `id,name,kind,description,website`
/// - members: `id,name,agency,role,places` (places separated by `;`)
public struct TeamFiles: Sendable {
    public struct File: Sendable {
        public let name: String
        public let text: String
        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    public private(set) var places: [Place] = []
    public private(set) var agencies: [Agency] = []
    public private(set) var members: [Member] = []

    public init(places: File, agencies: File, members: File) throws(ImportError) {
        try readPlaces(places)
        try readAgencies(agencies)
        try readMembers(members)
    }

    /// Every change that writes the team, parents before children.
    public func changes() throws -> [Change] {
        try places.map(Change.create) + agencies.map(Change.create) + members.map(Change.create)
    }

    /// A GSS code: a letter and eight digits (S12000047).
    public static func isAreaCode(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return scalars.count == 9 && ("A"..."Z").contains(scalars[0]) && scalars.dropFirst().allSatisfy { ("0"..."9").contains($0) }
    }

    private static func table(_ file: File, columns: [String]) throws(ImportError) -> CSVTable {
        let table = try CSVTable(text: file.text, file: file.name)
        for column in columns where !table.header.contains(column) {
            throw .malformed(file: file.name, line: 1, "the header has no \"\(column)\" column (\(columns.joined(separator: ",")))")
        }
        guard !table.rows.isEmpty else { throw .malformed(file: file.name, line: 2, "there are no rows") }
        return table
    }

    /// A row's field, trimmed; refused when required and empty, or when it holds a control character.
    private static func field(_ row: CSVTable.Row, _ column: String, in file: File, required: Bool = true) throws(ImportError) -> String {
        let value = (row[column] ?? "").trimmingCharacters(in: .whitespaces)
        if required && value.isEmpty { throw .malformed(file: file.name, line: row.line, "\(column) is empty") }
        if let control = PlainText.firstControl(in: value) {
            throw .malformed(file: file.name, line: row.line,
                             "\(column) holds a control character (U+\(String(control.value, radix: 16, uppercase: true)))")
        }
        if column == "id" && (value.count > 128 || value.contains(" ")) {
            throw .malformed(file: file.name, line: row.line, "\"\(value.shownInRefusal)\" is not an id (at most 128 characters, no spaces)")
        }
        return value
    }

    private static func choice<Value: RawRepresentable<String> & CaseIterable>(
        _ row: CSVTable.Row, _ column: String, in file: File
    ) throws(ImportError) -> Value {
        let text = try field(row, column, in: file)
        guard let value = Value(rawValue: text.lowercased()) else {
            throw .malformed(file: file.name, line: row.line, "\(column) \"\(text.shownInRefusal)\" is not one of "
                             + Value.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }

    private mutating func readPlaces(_ file: File) throws(ImportError) {
        let table = try Self.table(file, columns: ["id", "name", "kind", "parent"])
        var lines: [PlaceID: Int] = [:]
        var codes: [String: Int] = [:]
        var read: [Place] = []
        for row in table.rows {
            let id = PlaceID(try Self.field(row, "id", in: file))
            guard lines[id] == nil else { throw .malformed(file: file.name, line: row.line, "\(id) is given twice (first on line \(lines[id]!))") }
            lines[id] = row.line
            let code = try Self.field(row, "code", in: file, required: false).uppercased()
            if !code.isEmpty {
                guard Self.isAreaCode(code) else {
                    throw .malformed(file: file.name, line: row.line, "code \"\(code.shownInRefusal)\" is not an area code (a letter and eight digits, as S12000047)")
                }
                if let first = codes[code] { throw .malformed(file: file.name, line: row.line, "code \(code) is given twice (first on line \(first))") }
                codes[code] = row.line
            }
            let populationText = try Self.field(row, "population", in: file, required: false)
            guard let population = populationText.isEmpty ? 0 : Int(populationText), population >= 0 else {
                throw .malformed(file: file.name, line: row.line, "population \"\(populationText.shownInRefusal)\" is not a whole number")
            }
            let parent = try Self.field(row, "parent", in: file, required: false)
            read.append(Place(id: id, name: try Self.field(row, "name", in: file), kind: try Self.choice(row, "kind", in: file),
                              parentID: parent.isEmpty ? nil : PlaceID(parent), population: population, code: code.isEmpty ? nil : code))
        }
        // Parents first: each place after the one above it; a parent missing, or a loop, is refused.
        var placed: Set<PlaceID> = []
        var pending = read
        while !pending.isEmpty {
            let ready = pending.filter { $0.parentID.map(placed.contains) ?? true }
            guard !ready.isEmpty else {
                let stuck = pending.min { lines[$0.id]! < lines[$1.id]! }!
                let parent = stuck.parentID!
                throw .malformed(file: file.name, line: lines[stuck.id]!, lines[parent] == nil
                    ? "parent \(parent.rawValue.shownInRefusal) is not a place in the file"
                    : "\(stuck.id) is inside itself (its parents loop)")
            }
            for place in ready {
                guard place.parentID != nil || place.kind == .council else {
                    throw .malformed(file: file.name, line: lines[place.id]!, "\(place.id) has no parent; only a council may be at the top")
                }
                placed.insert(place.id)
                places.append(place)
            }
            pending.removeAll { placed.contains($0.id) }
        }
    }

    private mutating func readAgencies(_ file: File) throws(ImportError) {
        var lines: [AgencyID: Int] = [:]
        for row in try Self.table(file, columns: ["id", "name", "kind"]).rows {
            let id = AgencyID(try Self.field(row, "id", in: file))
            guard lines[id] == nil else { throw .malformed(file: file.name, line: row.line, "\(id) is given twice (first on line \(lines[id]!))") }
            lines[id] = row.line
            let website = try Self.field(row, "website", in: file, required: false)
            agencies.append(Agency(id: id, name: try Self.field(row, "name", in: file), kind: try Self.choice(row, "kind", in: file),
                                   description: try Self.field(row, "description", in: file, required: false),
                                   website: website.isEmpty ? nil : website))
        }
    }

    private mutating func readMembers(_ file: File) throws(ImportError) {
        let placeIDs = Set(places.map(\.id))
        let agencyIDs = Set(agencies.map(\.id))
        var lines: [MemberID: Int] = [:]
        for row in try Self.table(file, columns: ["id", "name", "agency", "role", "places"]).rows {
            let id = MemberID(try Self.field(row, "id", in: file))
            guard lines[id] == nil else { throw .malformed(file: file.name, line: row.line, "\(id) is given twice (first on line \(lines[id]!))") }
            lines[id] = row.line
            let agency = AgencyID(try Self.field(row, "agency", in: file))
            guard agencyIDs.contains(agency) else {
                throw .malformed(file: file.name, line: row.line, "agency \(agency.rawValue.shownInRefusal) is not in the agencies file")
            }
            let served = try Self.field(row, "places", in: file).split(separator: ";").map {
                PlaceID($0.trimmingCharacters(in: .whitespaces))
            }
            for place in served where !placeIDs.contains(place) {
                throw .malformed(file: file.name, line: row.line, "place \(place.rawValue.shownInRefusal) is not in the places file")
            }
            members.append(Member(id: id, name: try Self.field(row, "name", in: file), agencyID: agency,
                                  role: try Self.choice(row, "role", in: file), placeIDs: served))
        }
    }
}

extension TeamFiles {
    /// Makes a new team database at `path` (which must not exist): these
    /// places, agencies and members, the shared need categories, and the
    /// team's key, granted to `admin` under `passphrase` (the other members
    /// get theirs from an admin later). `finishing` runs on it, signed in as
    /// the admin, before it is moved into place; a failure leaves nothing.
    public func build(
        at path: String, needCategories: [NeedCategory], admin: MemberID, passphrase: String,
        finishing: (PlaceStore, TeamKeyring) throws -> Void
    ) throws {
        // A real team's first passphrase is held to the rule every later one is (the demo's `demo` is not).
        guard passphrase.count >= MemberCredential.minimumPassphraseLength else { throw SignInError.weakPassphrase }
        try PlaceStore.requireFolder(of: path)
        guard !FileManager.default.fileExists(atPath: path) else { throw StoreError.invalidChange("\(path) exists; init makes a new database") }
        try DemoPlace.buildBeside(path, open: { try PlaceStore.open(at: $0, create: true) }) { store in
            try store.write(by: nil, try changes() + needCategories.map(Change.create))
            let keys = try store.createTeamKeys(passphrases: [admin: passphrase], by: nil)
            store.useKeys(keys)
            try store.refreshSearchTokens()
            try finishing(store, keys)
        }
    }
}
