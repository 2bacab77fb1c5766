import Foundation
import PlaceDomain
import PlaceStore

/// `resident export`: `{"request","exportedAt","exportedBy","resident","mergedRecords",
/// "cases":[case show's object + "summary","notes","timeline","viewedOrChangedBy"]}`.
enum SubjectAccessOutput {
    static func json(_ record: SubjectAccessRecord, request: String, by member: MemberID, at date: Date,
                     names: [String: String]) -> JSONValue {
        func time(_ date: Date) -> JSONValue { .string(ISOTime.string(date)) }
        func who(_ id: MemberID?) -> JSONValue { id.map { .string(names[$0.rawValue] ?? $0.rawValue) } ?? .null }
        return .object([
            "request": .string(request), "exportedAt": time(date), "exportedBy": .string(member.rawValue),
            "resident": ResidentOutput.json(record.resident),
            "mergedRecords": .array(record.mergedRecords.map { .string($0.rawValue) }),
            "cases": .array(record.cases.map { item in
                guard case .object(var fields) = CaseOutput.json(item.file) else { return .null }
                fields["summary"] = .string(item.file.case.summary)
                fields["closedReason"] = item.file.case.closedReason.map { .string($0) } ?? .null
                fields["notes"] = .array(item.notes.map { .object(["text": .string($0.text), "by": who($0.byID), "at": time($0.at)]) })
                fields["timeline"] = .array(item.timeline.map { event in
                    .object(["event": .string(event.kind), "about": event.subject.map { .string($0) } ?? .null,
                             "by": who(event.by), "at": time(event.at)])
                })
                fields["viewedOrChangedBy"] = .array(item.audit.map { entry in
                    .object(["at": time(entry.at), "member": who(entry.memberID), "action": .string(entry.action.rawValue),
                             "detail": .string(entry.detail), "device": .string(entry.deviceID.rawValue)])
                })
                return .object(fields)
            }),
        ])
    }
}
