import Foundation

/// A date of birth: a calendar date `YYYY-MM-DD` that exists (no 30
/// February) and is not in the future.
public enum DateOfBirth {
    /// Whether `text` is a real calendar date `YYYY-MM-DD`.
    public static func isCalendarDate(_ text: String) -> Bool { date(text) != nil }

    /// Refuses text that is not a calendar date, or a date after `now`.
    public static func validate(_ text: String, now: Date) throws {
        guard let date = date(text), date <= now else { throw CaseRuleViolation.invalidDateOfBirth(text) }
    }

    private static func date(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(calendar: calendar, year: year, month: month, day: day)
        return components.isValidDate ? components.date : nil
    }
}
