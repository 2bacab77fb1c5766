import Foundation
import PlaceDomain
import TerminalUI

/// Who viewed or changed a case, newest first: for its lead professional,
/// a lead serving its place, or an admin (`u` on the case screen).
public struct AuditScreen: Equatable, Sendable {
    public let caseID: CaseID
    public var rows: [AuditRow]?
    /// Why the member may not see this case's audit, if they may not.
    public var refusal: String?
    public var selection = Selection()
    static let title = "Audit"

    public init(caseID: CaseID) {
        self.caseID = caseID
    }

    public static let bindings: [KeyBinding] = ListBindings.table + [
        KeyBinding([.escape], .back, label: "back", help: "Back to the case"),
    ]

    mutating func perform(_ command: Command, _ context: ScreenContext) -> Outcome? {
        if selection.perform(command, count: rows?.count ?? 0, visibleRows: max(1, context.bodySize.height - 2)) {
            return Outcome()
        }
        return nil
    }

    mutating func receive(_ message: Message, _ context: ScreenContext) {
        switch message {
        case .auditLoaded(caseID, let loaded): rows = loaded
        case .auditRefused(caseID, let reason): refusal = reason
        default: break
        }
    }

    func view(into canvas: inout Canvas, _ rect: Rect) {
        let (heading, body) = rect.sliceTop(1)
        canvas.put(" Who viewed or changed \(caseID), newest first.", at: heading.x, heading.y, style: .bold,
                   maxWidth: heading.width)
        if let refusal {
            canvas.put(" " + refusal.prefix(1).uppercased() + refusal.dropFirst() + ".", at: body.x, body.y + 1, maxWidth: body.width)
            return
        }
        guard let rows else {
            canvas.put(" Loading the audit trail…", at: body.x, body.y + 1, style: .dim)
            return
        }
        Table(
            columns: [
                .init("When", width: .fixed(16)), .init("Who", width: .flexible(min: 12, weight: 2)),
                .init("Did", width: .fixed(7)), .init("What", width: .flexible(min: 12, weight: 3)),
                .init("Device", width: .flexible(min: 8, weight: 1)),
            ],
            rows: rows.map { [Self.format($0.at), $0.who, $0.action, $0.detail, $0.device] },
            selection: rows.isEmpty ? nil : selection.index, scrollOffset: selection.top
        ).draw(into: &canvas, rect: body)
    }

    static func format(_ date: Date) -> String {
        let text = ISOTime.string(date)
        return String(text.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }
}

/// One line of a case's audit trail, with the member's name.
public struct AuditRow: Equatable, Sendable {
    public var at: Date
    public var who: String
    public var action: String
    public var detail: String
    public var device: String
}
