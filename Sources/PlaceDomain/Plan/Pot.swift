import Foundation

/// Money pooled into a place's single pot, with its conditions.
public struct FundingStream: Hashable, Codable, Sendable, Identifiable {
    public var id: StreamID
    public var placeID: PlaceID
    public var name: String
    /// Whole pounds.
    public var amount: Int
    public var conditions: String
    /// YYYY-MM-DD: when unspent money goes back.
    public var endDate: String

    public init(id: StreamID, placeID: PlaceID, name: String, amount: Int, conditions: String, endDate: String) {
        self.id = id
        self.placeID = placeID
        self.name = name
        self.amount = amount
        self.conditions = conditions
        self.endDate = endDate
    }
}

/// Money from one stream given to a priority (and perhaps one of its actions).
public struct Allocation: Hashable, Codable, Sendable, Identifiable {
    public var id: AllocationID
    public var streamID: StreamID
    public var priorityID: PriorityID
    public var actionID: ActionID?
    /// Whole pounds.
    public var amount: Int
    public var byID: MemberID
    public var at: Date

    public init(id: AllocationID, streamID: StreamID, priorityID: PriorityID, actionID: ActionID? = nil, amount: Int,
                byID: MemberID, at: Date) {
        self.id = id
        self.streamID = streamID
        self.priorityID = priorityID
        self.actionID = actionID
        self.amount = amount
        self.byID = byID
        self.at = at
    }
}

/// A place's pot: its streams and what has been allocated from them.
public struct Pot: Hashable, Sendable {
    public var streams: [FundingStream]
    public var allocations: [Allocation]

    public init(streams: [FundingStream], allocations: [Allocation]) {
        self.streams = streams
        self.allocations = allocations
    }

    public var total: Int { streams.reduce(0) { $0 + $1.amount } }
    public var allocated: Int { allocations.reduce(0) { $0 + $1.amount } }
    public var unallocated: Int { total - allocated }

    public func remaining(in stream: StreamID) -> Int {
        (streams.first { $0.id == stream }?.amount ?? 0)
            - allocations.filter { $0.streamID == stream }.reduce(0) { $0 + $1.amount }
    }

    /// Allocates from a stream to a priority of this place's plan, refusing
    /// more than the stream has left, a non-positive amount, or an action of
    /// another priority. Only a lead or an admin allocates.
    public func allocate(
        id: AllocationID, from streamID: StreamID, to priority: Priority, action: PlanAction?, amount: Int,
        by member: Member, now: Date
    ) throws(PotRuleViolation) -> Allocation {
        guard member.role == .lead || member.role == .admin else {
            throw .notPermitted(member: member.id, role: member.role)
        }
        guard let stream = streams.first(where: { $0.id == streamID }) else { throw .unknownStream(streamID) }
        guard amount > 0 else { throw .amountNotPositive(amount) }
        if let action, action.priorityID != priority.id {
            throw .actionNotOnPriority(action: action.id, priority: priority.id)
        }
        let left = remaining(in: stream.id)
        guard amount <= left else { throw .overAllocated(stream: stream.id, name: stream.name, asked: amount, left: left) }
        return Allocation(id: id, streamID: stream.id, priorityID: priority.id, actionID: action?.id, amount: amount,
                          byID: member.id, at: now)
    }
}

/// Why an allocation was refused.
public enum PotRuleViolation: Error, Equatable, Sendable, CustomStringConvertible {
    case notPermitted(member: MemberID, role: Role)
    case unknownStream(StreamID)
    case amountNotPositive(Int)
    case actionNotOnPriority(action: ActionID, priority: PriorityID)
    case overAllocated(stream: StreamID, name: String, asked: Int, left: Int)

    public var description: String {
        switch self {
        case .notPermitted(let member, let role):
            return "\(member) is \(role.withArticle); only leads and admins allocate from the pot."
        case .unknownStream(let id):
            return "There is no funding stream \(id) in this place's pot."
        case .amountNotPositive(let amount):
            return "Allocate a whole number of pounds above zero, not \(amount)."
        case .actionNotOnPriority(let action, let priority):
            return "Action \(action) is not an action of priority \(priority)."
        case .overAllocated(_, let name, let asked, let left):
            return "\(name) has \(Money.text(left)) left, so \(Money.text(asked)) cannot be allocated from it."
        }
    }

    /// A stable code, as the CLI prints it.
    public var code: String {
        switch self {
        case .notPermitted: return "not-permitted"
        case .unknownStream, .actionNotOnPriority: return "not-in-place"
        case .amountNotPositive: return "invalid-input"
        case .overAllocated: return "over-allocated"
        }
    }
}

/// Whole pounds as people write them: £12,500.
public enum Money {
    public static func text(_ pounds: Int) -> String {
        (pounds < 0 ? "-£" : "£") + abs(pounds).formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_GB")))
    }
}

public typealias StreamID = Identifier<FundingStream>
public typealias AllocationID = Identifier<Allocation>
