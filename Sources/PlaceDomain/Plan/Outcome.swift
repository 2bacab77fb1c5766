/// A shared outcome a priority works towards. Scotland's National
/// Performance Framework national outcomes ship as data; a place may keep
/// its own set instead.
public struct Outcome: Hashable, Codable, Sendable, Identifiable {
    public var id: OutcomeKey
    public var name: String
    public var description: String

    public init(id: OutcomeKey, name: String, description: String = "") {
        self.id = id
        self.name = name
        self.description = description
    }
}

public typealias OutcomeKey = Identifier<Outcome>
