import PlaceDomain

/// The lines of a service's detail dialog.
enum ServiceDetail {
    static func dialog(_ row: ServiceRow, _ context: ScreenContext) -> DialogContent {
        let service = row.service
        let tree = context.overview?.tree
        let places = service.placeIDs.map { tree?[$0]?.name ?? $0.rawValue }.joined(separator: ", ")
        var lines = [
            "Run by: \(row.agencyName)",
            "Status: \(service.status.rawValue)",
            "Needs met: \(service.needs.map(\.rawValue).joined(separator: ", "))",
            "Covers: \(places) and everywhere within",
            "Takes referrals: \(service.acceptsReferrals ? "yes" : "no")",
            "Typical wait: \(service.typicalWaitDays.map { "\($0) days" } ?? "not known")",
        ]
        if let phone = service.phone { lines.append("Phone: \(phone)") }
        if let email = service.email { lines.append("Email: \(email)") }
        if !service.description.isEmpty { lines += ["", service.description] }
        return DialogContent(title: service.name, lines: lines)
    }
}
