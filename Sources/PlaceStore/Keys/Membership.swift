import Crypto
import Foundation
import GRDB
import PlaceDomain

/// Admins manage the team's members: adding one with a first passphrase,
/// resetting a forgotten passphrase, disabling a leaver. All are ops, so
/// every laptop learns of them at the next sync.
extension PlaceStore {
    /// Adds `member` with `passphrase` and grants them every team key `admin` holds.
    public func addMember(_ member: Member, passphrase: String, by admin: SignedIn) throws {
        try requireAdmin(admin, "add members")
        guard try self.member(member.id) == nil else { throw CaseRuleViolation.idInUse(member.id.rawValue) }
        guard try agency(member.agencyID) != nil else { throw StoreError.unknownAgency(member.agencyID.rawValue) }
        let tree = try placeTree()
        guard !member.placeIDs.isEmpty else { throw NotPermitted("a member serves at least one place: give --place") }
        for place in member.placeIDs where tree[place] == nil { throw StoreError.unknownPlace(place.rawValue) }
        try write(by: admin.member.id, [try Change.create(member)] + passphraseChanges(
            for: member.id, to: passphrase, keyring: admin.keyring, keeping: nil, by: admin.member.id))
    }

    /// Sets a new passphrase: a member's own (`current` is their present
    /// one, so their key pair stays) or, by an admin, anyone's.
    public func changePassphrase(of member: MemberID, to passphrase: String, current: String?, by actor: SignedIn) throws {
        let keep: Curve25519.KeyAgreement.PrivateKey?
        if member == actor.member.id, let current {
            keep = try privateKey(of: member, passphrase: current)
        } else {
            try requireAdmin(actor, "set another member's passphrase")
            guard try self.member(member) != nil else { throw StoreError.unknownMember(member.rawValue) }
            keep = nil
        }
        try write(by: actor.member.id, try passphraseChanges(
            for: member, to: passphrase, keyring: actor.keyring, keeping: keep, by: actor.member.id))
    }

    /// Disables a leaver: they can no longer sign in, and each open case
    /// they lead passes to `successor` (never to no one). Returns those cases.
    @discardableResult
    public func disableMember(_ leaver: MemberID, reassigningTo successor: MemberID, by admin: SignedIn, now: Date)
        throws -> [CaseID]
    {
        try requireAdmin(admin, "disable members")
        guard let leaving = try member(leaver) else { throw StoreError.unknownMember(leaver.rawValue) }
        guard let next = try member(successor) else { throw StoreError.unknownMember(successor.rawValue) }
        guard !leaving.isDisabled else { throw NotPermitted("\(leaver) is already disabled") }
        guard leaver != successor else { throw NotPermitted("a leaver's cases go to someone else: --reassign-to names another member") }
        guard !next.isDisabled else { throw NotPermitted("\(successor) is disabled and cannot take cases") }
        guard leaver != admin.member.id else { throw NotPermitted("an admin cannot disable themselves; ask another admin") }
        let caseIDs = try writer.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM case_file WHERE lead_id = ? AND status = 'open' ORDER BY id",
                                arguments: [leaver.rawValue])
        }.map { CaseID($0) }
        var changes: [Change] = [
            .set(Member.self, id: leaver.rawValue, "disabled_at", to: .string(ISOTime.string(now))),
            .set(Member.self, id: leaver.rawValue, "disabled_by_id", to: .string(admin.member.id.rawValue)),
        ]
        for id in caseIDs {
            guard let file = try caseFile(id) else { continue }
            changes += try self.changes(
                for: try file.handOverFromLeaver(to: next, by: admin.member, now: now), replacing: file)
        }
        try write(by: admin.member.id, changes)
        return caseIDs
    }

    private func requireAdmin(_ actor: SignedIn, _ what: String) throws {
        guard actor.member.role == .admin else { throw NotPermitted("only admins \(what)") }
    }
}
