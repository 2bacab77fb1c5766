import Crypto
import Foundation
import GRDB
import PlaceDomain

/// How a resident is found without opening every resident's sealed name:
/// the write path keeps, beside each resident, keyed tokens (HMAC-SHA256
/// under a key derived from the team key, the first 8 bytes) of the
/// prefixes of each word of their names and postcode (1 to 8 letters) and of
/// their date of birth (`resident_token`, schema v11). A search looks up
/// its words' tokens, opens only the residents they point at, and keeps
/// those whose opened details really match. Without the team key the
/// tokens say nothing; erasing a resident deletes theirs (a trigger).
///
/// Kept by temp triggers on `main.resident` (each connection's, like the
/// reveal views, because only a signed-in connection can open the names),
/// and built whole after a sign-in whose team key they were not made with
/// (`local_setting` `resident_tokens` holds that key's fingerprint). Until
/// then searches open every resident, as before.
enum SearchTokens {
    /// The longest prefix with a token of its own; longer words are looked up by it and checked opened.
    static let longestPrefix = 8
    static let setting = "resident_tokens"

    /// The key tokens are made with: derived from the team key of the current generation.
    static func key(_ ring: TeamKeyring) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: ring.current, info: Data("thistle resident search tokens".utf8),
                               outputByteCount: 32)
    }

    /// A short, non-secret name for `key`, to tell whether the tokens held were made with it.
    static func fingerprint(_ key: SymmetricKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("fingerprint".utf8), using: key)
        return Data(mac).prefix(8).hexDigits
    }

    private static let locale = Locale(identifier: "en_GB")

    /// Lower-case words of letters and digits, accents folded ("Ó Briain" → "o", "briain").
    static func words(_ text: String) -> [String] {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: locale)
            .lowercased()
            .split { !$0.isLetter && !$0.isNumber }
            .map(String.init)
    }

    static func token(_ text: String, key: SymmetricKey) -> Int64 {
        token(text, keyed: HMAC<SHA256>(key: key))
    }

    /// The token of `text` from an HMAC already keyed (keying one hashes the key's two pads).
    private static func token(_ text: String, keyed: HMAC<SHA256>) -> Int64 {
        var mac = keyed
        var text = text
        text.withUTF8 { mac.update(data: UnsafeRawBufferPointer($0)) }
        return mac.finalize().withUnsafeBytes { $0.prefix(8).reduce(Int64(0)) { ($0 << 8) | Int64($1) } }
    }

    /// Every token of a resident's details (opened).
    static func tokens(givenName: String, familyName: String, postcode: String?, dateOfBirth: String?,
                       key: SymmetricKey) -> Set<Int64> {
        let keyed = HMAC<SHA256>(key: key)
        var tokens = Set<Int64>()
        for word in words(givenName + " " + familyName + " " + (postcode ?? "")) {
            for length in 1...min(word.count, longestPrefix) { tokens.insert(token("w|" + word.prefix(length), keyed: keyed)) }
        }
        if let dateOfBirth, !dateOfBirth.isEmpty { tokens.insert(token("d|" + dateOfBirth, keyed: keyed)) }
        return tokens
    }

    /// The token each word of a search must have among a resident's (its first eight letters).
    static func searchTokens(_ text: String, key: SymmetricKey) -> [Int64] {
        searchWords(text).map { token("w|" + $0.prefix(longestPrefix), key: key) }
    }

    /// The words of a search, each once (a word repeated narrows nothing).
    static func searchWords(_ text: String) -> [String] {
        var seen = Set<String>()
        return words(text).filter { seen.insert($0).inserted }
    }

    static func dateToken(_ date: String, key: SymmetricKey) -> Int64 { token("d|" + date, key: key) }

    /// Whether each of `words` begins a word of the resident's names or postcode (opened).
    static func words(_ words: [String], beginWordsOf resident: Resident) -> Bool {
        let own = Self.words(resident.givenName + " " + resident.familyName + " " + (resident.postcode ?? ""))
        return !words.isEmpty && words.allSatisfy { word in own.contains { $0.hasPrefix(word) } }
    }

    /// `thistle_tokens(given, family, postcode, dob)`: the tokens as a JSON
    /// array, or none while locked or for details that do not open.
    static func addFunction(to db: Database, unlocked: Unlocked) {
        db.add(function: DatabaseFunction("thistle_tokens", argumentCount: 4, pure: false) { values in
            let texts = values.map { String.fromDatabaseValue($0) }
            guard let key = unlocked.searchKey, let given = texts[0], let family = texts[1],
                !texts.contains(where: { $0.map(RevealViews.isPlaceholder) ?? false })
            else { return "[]" }
            let found = tokens(givenName: given, familyName: family, postcode: texts[2], dateOfBirth: texts[3], key: key)
            return "[" + found.map(String.init).joined(separator: ",") + "]"
        })
    }

    /// The triggers that keep a resident's tokens as their details change (once the schema is current).
    static func createTriggers(in db: Database) throws {
        guard try Migrations.areComplete(db) else { return }
        // (A trigger may not qualify the tables it writes: `resident_token` is main's, there being no temp one.)
        let refill = """
            DELETE FROM resident_token WHERE resident_id = NEW.id;
            INSERT OR IGNORE INTO resident_token (token, resident_id)
                SELECT j.value, NEW.id FROM resident r, json_each(
                    thistle_tokens(r.given_name, r.family_name, r.postcode, r.date_of_birth)) j
                WHERE r.id = NEW.id;
            """
        try db.execute(sql: """
            CREATE TEMP TRIGGER IF NOT EXISTS resident_tokens_on_insert AFTER INSERT ON main.resident
            BEGIN \(refill) END;
            CREATE TEMP TRIGGER IF NOT EXISTS resident_tokens_on_update
            AFTER UPDATE OF given_name, family_name, postcode, date_of_birth ON main.resident
            BEGIN \(refill) END;
            """)
    }
}

extension PlaceStore {
    /// Makes every resident's tokens again if they were not made with this
    /// sign-in's team key (after an upgrade, a key rotation, or on a
    /// database first opened before sign-in). One transaction; `notice`
    /// hears of it first when there are residents to do.
    func refreshSearchTokens(notice: ((String) -> Void)? = nil) throws {
        guard let key = unlocked.searchKey else { return }
        let fingerprint = SearchTokens.fingerprint(key)
        guard try localSetting(SearchTokens.setting) != fingerprint else { return }
        if let notice, let residents = try writer.read({ try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM main.resident") }),
            residents > 0
        {
            notice("making the search index of \(residents) "
                   + (residents == 1 ? "resident" : "residents") + " for this team key; on a large place this takes a minute or so")
        }
        // The tokens are made from opened details: a store opened without the views gets them now.
        try writer.writeWithoutTransaction(Self.revealPersonalDetails)
        try writer.write { db in
            try db.execute(sql: "DELETE FROM main.resident_token")
            try db.execute(sql: """
                INSERT OR IGNORE INTO main.resident_token (token, resident_id)
                SELECT j.value, r.id FROM resident r,
                    json_each(thistle_tokens(r.given_name, r.family_name, r.postcode, r.date_of_birth)) j
                """)
            try db.execute(sql: "INSERT OR REPLACE INTO local_setting (key, value) VALUES (?, ?)",
                           arguments: [SearchTokens.setting, fingerprint])
        }
    }

    /// The search key, when the tokens held were made with it (else nil: search opens every resident).
    func currentSearchKey(_ db: Database) throws -> SymmetricKey? {
        guard let key = unlocked.searchKey else { return nil }
        let held = try String.fetchOne(db, sql: "SELECT value FROM local_setting WHERE key = ?", arguments: [SearchTokens.setting])
        return held == SearchTokens.fingerprint(key) ? key : nil
    }
}
