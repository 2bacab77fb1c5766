/// A globally unique string id, typed by the kind of thing it names so a
/// `PlaceID` can never be passed where a `MemberID` is meant.
public struct Identifier<Subject>: Hashable, Comparable, Codable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

public typealias PlaceID = Identifier<Place>
public typealias AgencyID = Identifier<Agency>
public typealias MemberID = Identifier<Member>
public typealias ServiceID = Identifier<Service>
public typealias LocationID = Identifier<Location>
public typealias ResidentID = Identifier<Resident>
public typealias CaseID = Identifier<Case>
public typealias NeedID = Identifier<Need>
public typealias ReferralID = Identifier<Referral>
public typealias DeviceID = Identifier<Device>

/// A laptop or hub that writes to the op log.
public enum Device {}
