/// A resident's name as entered at the door, checked before a record is made.
public struct ResidentName: Hashable, Sendable {
    /// The longest given or family name kept, in characters.
    public static let maximumLength = 200

    public var givenName: String
    public var familyName: String

    /// Trims both names; refuses either one blank or too long.
    public static func validate(givenName: String, familyName: String) throws -> ResidentName {
        ResidentName(
            givenName: try validate(givenName, as: .given),
            familyName: try validate(familyName, as: .family))
    }

    private static func validate(_ name: String, as part: ResidentNamePart) throws -> String {
        let trimmed = name.trimmingWhitespace
        guard !trimmed.isEmpty else { throw CaseRuleViolation.nameMissing(part) }
        guard trimmed.count <= maximumLength else { throw CaseRuleViolation.nameTooLong(part, limit: maximumLength) }
        return trimmed
    }
}

/// Which of a resident's names.
public enum ResidentNamePart: String, Hashable, Sendable {
    case given, family
}
