/// Merging two records of one person: the kept record takes the other's
/// cases, and the other's id resolves to it. Only leads and admins merge,
/// because a wrong merge joins two people's stories.
public enum ResidentMerge {
    public static func check(keep: Resident, other: Resident, by actor: ActingMember) throws {
        guard [.lead, .admin].contains(actor.member.role) else {
            throw CaseRuleViolation.mayNotMergeResidents(member: actor.id)
        }
        guard keep.id != other.id else { throw CaseRuleViolation.mergeWithItself(keep.id) }
        if let target = other.mergedIntoID { throw CaseRuleViolation.alreadyMerged(other.id, into: target) }
    }
}
