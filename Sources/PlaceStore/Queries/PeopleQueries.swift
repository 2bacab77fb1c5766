import GRDB
import PlaceDomain

extension PlaceStore {
    public func agencies(_ request: PageRequest<NameKey>) throws -> Page<Agency> {
        try pageByName(Agency.self, request)
    }

    public func agency(_ id: AgencyID) throws -> Agency? {
        try writer.read { try Agency.fetchOne($0, key: id.rawValue) }
    }

    public func members(_ request: PageRequest<NameKey>) throws -> Page<Member> {
        try pageByName(Member.self, request)
    }

    public func member(_ id: MemberID) throws -> Member? {
        // By SQL rather than by key: a key lookup reads the whole schema first (every command signs in through this).
        try writer.read { try Member.fetchOne($0, sql: "SELECT * FROM member WHERE id = ?", arguments: [id.rawValue]) }
    }

    public func needCategories() throws -> [NeedCategory] {
        try writer.read { try NeedCategory.fetchAll($0, sql: "SELECT * FROM need_category ORDER BY rowid") }
    }

    public func needCategory(_ key: NeedCategoryKey) throws -> NeedCategory? {
        try writer.read { try NeedCategory.fetchOne($0, key: key.rawValue) }
    }
}

extension PlaceStore {
    public func memberCount() throws -> Int {
        try writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM member") ?? 0 }
    }
}
