import Foundation

public typealias NoteID = Identifier<Note>

/// A practitioner's note on a case: part of the story the resident never retells.
public struct Note: Hashable, Codable, Sendable, Identifiable {
    public var id: NoteID
    public var caseID: CaseID
    public var text: String
    public var byID: MemberID
    public var at: Date

    public init(id: NoteID, caseID: CaseID, text: String, byID: MemberID, at: Date) {
        self.id = id
        self.caseID = caseID
        self.text = text
        self.byID = byID
        self.at = at
    }

    public static let maximumLength = 10_000
}

extension CaseFile {
    /// A note by someone working on the case: its lead, a lead serving its
    /// place, the member at its door, or a member of an agency that holds
    /// consent or has one of its referrals. Blank or over-long notes are refused.
    public func note(id: NoteID, text: String, by actor: ActingMember, now: Date) throws -> Note {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw CaseRuleViolation.noteMissing }
        guard trimmed.count <= Note.maximumLength else { throw CaseRuleViolation.noteTooLong(limit: Note.maximumLength) }
        let agency = actor.member.agencyID
        let working = actor.id == self.case.leadID || actor.id == self.case.doorMemberID
            || (actor.member.role == .lead && actor.serves(self.case.placeID))
            || consents.contains { $0.isActive && $0.agencyID == agency }
        guard working else { throw CaseRuleViolation.mayNotAddNote(member: actor.id, case: self.case.id) }
        return Note(id: id, caseID: self.case.id, text: trimmed, byID: actor.id, at: now)
    }
}
