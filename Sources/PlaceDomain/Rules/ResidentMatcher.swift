import Foundation

/// A resident about to be registered, before they have an id.
public struct ResidentCandidate: Hashable, Sendable {
    public var givenName: String
    public var familyName: String
    /// Calendar date `YYYY-MM-DD`, like `Resident.dateOfBirth`.
    public var dateOfBirth: String?
    public var postcode: String?

    public init(givenName: String, familyName: String, dateOfBirth: String?, postcode: String?) {
        self.givenName = givenName
        self.familyName = familyName
        self.dateOfBirth = dateOfBirth
        self.postcode = postcode
    }
}

/// Finds residents a new registration probably duplicates, so the door
/// can offer the existing record: one person, one record.
public enum ResidentMatcher {
    /// The largest edit distance between normalised full names still
    /// counted as the same name (a typo or a spelling variant).
    public static let nameDistance = 2

    /// Residents with the candidate's date of birth and either a name within
    /// `nameDistance` edits or the same postcode, in the order given. With
    /// no date of birth on either side there is no match.
    public static func likelyDuplicates(of candidate: ResidentCandidate, among residents: [Resident]) -> [Resident] {
        guard let birth = normalisedDate(candidate.dateOfBirth) else { return [] }
        let name = Array(normalisedName(candidate.givenName + " " + candidate.familyName))
        let postcode = normalisedPostcode(candidate.postcode)
        return residents.filter { resident in
            guard normalisedDate(resident.dateOfBirth) == birth else { return false }
            if let postcode, normalisedPostcode(resident.postcode) == postcode { return true }
            return editDistance(name, Array(normalisedName(resident.fullName)), atMost: nameDistance) <= nameDistance
        }
    }

    /// Folds case and accents, drops hyphens and apostrophes, collapses spaces:
    /// "Mary-Jane O’Neil" becomes "maryjane oneil".
    public static func normalisedName(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let dropped: Set<Character> = ["-", "\u{2010}", "\u{2011}", "'", "\u{2019}", "\u{2018}", "\u{02BC}", "`"]
        let kept = String(folded.filter { !dropped.contains($0) })
        return kept.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Upper case with no spaces: "ky8 1ab" becomes "KY81AB"; nil when empty.
    public static func normalisedPostcode(_ postcode: String?) -> String? {
        guard let postcode else { return nil }
        let compact = String(postcode.uppercased().filter { !$0.isWhitespace })
        return compact.isEmpty ? nil : compact
    }

    private static func normalisedDate(_ date: String?) -> String? {
        guard let trimmed = date?.trimmingWhitespace, !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once every
    /// path is past `limit`, so long unrelated names cost little.
    static func editDistance(_ a: [Character], _ b: [Character], atMost limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowBest = current[0]
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                rowBest = min(rowBest, current[j])
            }
            if rowBest > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
