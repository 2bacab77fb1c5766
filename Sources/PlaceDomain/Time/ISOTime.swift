import Foundation

/// UTC times as ISO 8601 text to the second (`2025-03-01T09:30:00Z`),
/// exactly as Foundation's `.iso8601` style writes and reads them, without
/// its formatter: a listing of a thousand rows, or a generator's million
/// writes, would spend most of its time there. Anything outside the years
/// 1600–9999 (Foundation's calendar is Julian before 1582), or text in
/// another form, goes to Foundation.
public enum ISOTime {
    private static let secondsPerDay: Int64 = 86_400
    private static let years: ClosedRange<Int64> = 1600...9999

    /// The time, to the whole second below it, in UTC.
    public static func string(_ date: Date) -> String {
        guard let seconds = Int64(exactly: date.timeIntervalSince1970.rounded(.down)) else { return date.formatted(.iso8601) }
        let days = floorDivide(seconds, secondsPerDay)
        guard let (year, month, day) = civil(days: days), years.contains(year) else { return date.formatted(.iso8601) }
        let time = seconds - days * secondsPerDay
        var bytes = [UInt8](repeating: 0, count: 20)
        func put(_ value: Int64, _ width: Int, at offset: Int) {
            var value = value
            for index in stride(from: offset + width - 1, through: offset, by: -1) {
                bytes[index] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
        }
        put(year, 4, at: 0)
        put(month, 2, at: 5)
        put(day, 2, at: 8)
        put(time / 3600, 2, at: 11)
        put(time / 60 % 60, 2, at: 14)
        put(time % 60, 2, at: 17)
        for (offset, mark) in [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "Z")] as [(Int, Unicode.Scalar)] {
            bytes[offset] = UInt8(ascii: mark)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The time `text` names, or nil if Foundation's `.iso8601` would not read it.
    public static func date(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            bytes[19] == UInt8(ascii: "Z"),
            let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
            let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2), let second = number(bytes, 17, 2),
            years.contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month, of: year), hour < 24, minute < 60,
            second < 60
        else { return try? Date(text, strategy: .iso8601) }
        let seconds = days(year: year, month: month, day: day) * secondsPerDay + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static func number(_ bytes: [UInt8], _ offset: Int, _ width: Int) -> Int64? {
        var value: Int64 = 0
        for byte in bytes[offset..<offset + width] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func daysIn(_ month: Int64, of year: Int64) -> Int64 {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    private static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01 (`civil_from_days`).
    private static func civil(days: Int64) -> (year: Int64, month: Int64, day: Int64)? {
        guard abs(days) < 4_000_000 else { return nil }
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
