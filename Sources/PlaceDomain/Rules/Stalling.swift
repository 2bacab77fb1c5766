import Foundation

extension Referral {
    /// A referral still with its service (sent or accepted) for longer than
    /// the service's typical wait. A service with no typical wait never
    /// stalls a referral: there is nothing to measure against.
    public func isStalled(service: Service, now: Date) -> Bool {
        guard isInFlight, let days = service.typicalWaitDays else { return false }
        return now.timeIntervalSince(sentAt) > TimeInterval(days) * 86_400
    }
}
