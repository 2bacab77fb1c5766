import Foundation
import PlaceDomain

/// Which need category a directory's taxonomy term stands for: the lines
/// of a mapping file the user keeps (`taxonomy,term,category`), then
/// Thistle's own taxonomy, whose term codes are the category keys.
public struct TaxonomyMapping: Sendable {
    struct Entry: Sendable {
        let taxonomy: String
        let term: String
        let category: NeedCategoryKey
    }

    /// The taxonomy Thistle exports its need categories as.
    public static let thistleTaxonomy = "thistle-need-category"

    let entries: [Entry]
    let categories: Set<NeedCategoryKey>

    /// Thistle's own taxonomy only.
    public init(categories: Set<NeedCategoryKey>) {
        self.entries = []
        self.categories = categories
    }

    /// A mapping file: a header `taxonomy,term,category`, then a line per
    /// term. An empty taxonomy matches any; the term is matched against a
    /// taxonomy term's code, or its name (both ignoring case). Refused, by
    /// file and line, when a line names no term or a category the team does
    /// not have.
    public init(csv text: String, file: String, categories: Set<NeedCategoryKey>) throws(ImportError) {
        let table = try CSVTable(text: text, file: file)
        for column in ["taxonomy", "term", "category"] where !table.header.contains(column) {
            throw .malformed(file: file, line: 1, "the header has no \"\(column)\" column (taxonomy,term,category)")
        }
        var entries: [Entry] = []
        for row in table.rows {
            let term = (row["term"] ?? "").trimmingCharacters(in: .whitespaces)
            let category = NeedCategoryKey((row["category"] ?? "").trimmingCharacters(in: .whitespaces))
            guard !term.isEmpty else { throw .malformed(file: file, line: row.line, "the term is empty") }
            guard categories.contains(category) else {
                throw .malformed(file: file, line: row.line, "\"\(category.rawValue.shownInRefusal)\" is not a need category; "
                                 + "known: \(categories.map(\.rawValue).sorted().joined(separator: ", "))")
            }
            entries.append(Entry(taxonomy: (row["taxonomy"] ?? "").trimmingCharacters(in: .whitespaces), term: term, category: category))
        }
        self.entries = entries
        self.categories = categories
    }

    /// The category a taxonomy term row stands for, if any.
    func category(for term: OpenReferralTables.Row) -> NeedCategoryKey? {
        func same(_ a: String, _ b: String) -> Bool { a.caseInsensitiveCompare(b) == .orderedSame }
        let taxonomy = term["taxonomy"], code = term["code"], name = term["name"]
        if let entry = entries.first(where: { entry in
            (entry.taxonomy.isEmpty || same(entry.taxonomy, taxonomy))
                && ((!code.isEmpty && same(entry.term, code)) || same(entry.term, name))
        }) {
            return entry.category
        }
        guard same(taxonomy, Self.thistleTaxonomy), categories.contains(NeedCategoryKey(code)) else { return nil }
        return NeedCategoryKey(code)
    }
}
