/// What a worker types to find a resident at the door: part of a name, a
/// postcode or an id.
public enum ResidentSearch {
    /// The longest search kept, in characters: a name and a postcode are far
    /// shorter, and every word of a search is looked up.
    public static let maximumLength = 100

    /// The text trimmed; refused when longer than `maximumLength`.
    public static func validate(_ text: String) throws -> String {
        let trimmed = text.trimmingWhitespace
        guard trimmed.count <= maximumLength else { throw CaseRuleViolation.searchTooLong(limit: maximumLength) }
        return trimmed
    }
}
