import GRDB

extension PlaceStore {
    /// Clears every materialised table and re-applies the whole op log in
    /// HLC order. The result must equal the tables as they were: sync
    /// depends on the tables being a function of the log alone.
    public func rebuildFromOpLog() throws {
        try writer.write { db in
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            // Every row goes and comes back: the tallies are counted once, at the end.
            try Tallies.recounting(db) {
                for kind in EntityKind.all.reversed() {
                    try db.execute(sql: "DELETE FROM \(kind.mainTable)")
                }
                let skipped = try Self.opsOfDeletedRecords(db).values.reduce(into: Set<String>()) {
                    $0.formUnion(Self.deleteVerdicts($1).skipped)
                }
                let ops = try Op.fetchCursor(db, sql: "SELECT * FROM op ORDER BY hlc, device_id, id")
                while let op = try ops.next() {
                    if skipped.contains(op.id) { continue }
                    guard let value = JSONValue(jsonText: op.value) else {
                        throw StoreError.invalidChange("the value of op \(op.id) is not JSON")
                    }
                    try Materializer.apply(op, value: value, replaying: true, in: db)
                }
                try Self.repairCaseRules(db)
            }
        }
    }

    /// Every materialised row as text, in a fixed order: two stores with the
    /// same content give the same text.
    /// Without `includingAudit`, the audit trail is left out: it grows with
    /// every reading, so two devices holding the same records seldom hold the
    /// same trail (which `verifyAudit` checks instead).
    public func contentDump(includingAudit: Bool = true) throws -> String {
        try writer.read { db in
            var lines: [String] = []
            for kind in EntityKind.all where includingAudit || kind != .auditEntry {
                let rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM \(kind.table.quotedDatabaseIdentifier) ORDER BY id")
                for row in rows {
                    lines.append(kind.name + " " + row.description)
                }
            }
            return lines.joined(separator: "\n")
        }
    }

    /// How many ops the store holds, and how many of them are audit entries.
    public func logCounts() throws -> (ops: Int, audit: Int) {
        try writer.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM op") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_entry") ?? 0
            )
        }
    }

    /// SQLite's `quick_check` of the file: nil when it is sound, else its first findings.
    public func damage() throws -> String? {
        try writer.read { db in
            let found = try String.fetchAll(db, sql: "PRAGMA quick_check(5)")
            return found == ["ok"] ? nil : found.joined(separator: "; ")
        }
    }
}
