import Crypto
import Foundation
import GRDB
import PlaceDomain

/// A member who has proved their passphrase, with the team's keys.
public struct SignedIn: Sendable {
    public let member: Member
    public let keyring: TeamKeyring

    public init(member: Member, keyring: TeamKeyring) {
        self.member = member
        self.keyring = keyring
    }
}

extension PlaceStore {
    /// Opens the team keys with `member`'s passphrase. Wrong passphrases
    /// are counted on this laptop; after `SignInThrottle.freeAttempts` each
    /// further try waits longer, whatever the passphrase.
    public func signIn(_ memberID: MemberID, passphrase: String) throws(SignInError) -> SignedIn {
        let now = clock.now()
        guard let member = try? member(memberID) else { throw .notSignedIn }
        guard !member.isDisabled else { throw .disabled }
        let throttle = (try? signInThrottle()) ?? SignInThrottle()
        if let wait = throttle.wait(for: memberID, at: now) { throw .tooManyAttempts(retryAfterSeconds: wait) }
        guard let credential = try? currentCredential(of: memberID) else { throw .noCredential }
        let privateKey: Curve25519.KeyAgreement.PrivateKey
        do {
            privateKey = try credential.open(with: passphrase)
        } catch {
            if error == .wrongPassphrase {
                var failed = throttle
                failed.recordFailure(of: memberID, at: now)
                try? saveSignInThrottle(failed)
            }
            throw error
        }
        if throttle.failures[memberID.rawValue] != nil {
            var cleared = throttle
            cleared.failures[memberID.rawValue] = nil
            try? saveSignInThrottle(cleared)
        }
        let grants = (try? keyGrants(of: memberID, publicKey: credential.publicKey)) ?? []
        var keys: [Int: SymmetricKey] = [:]
        for grant in grants {
            if let key = grant.open(with: privateKey) { keys[grant.generation] = key }
        }
        guard !keys.isEmpty else { throw .noKeys }
        return SignedIn(member: member, keyring: TeamKeyring(keys: keys))
    }

    /// The member's newest credential (a new passphrase adds one).
    public func currentCredential(of member: MemberID) throws -> MemberCredential? {
        try writer.read { db in
            try MemberCredential.filter(Column("member_id") == member.rawValue)
                .order(Column("set_at").desc, Column("id").desc).fetchOne(db)
        }
    }

    func keyGrants(of member: MemberID, publicKey: String) throws -> [KeyGrant] {
        try writer.read { db in
            try KeyGrant.filter(Column("member_id") == member.rawValue && Column("public_key") == publicKey).fetchAll(db)
        }
    }

    /// Whether any member can sign in here yet (a database made before
    /// sign-in has no credentials).
    public func hasCredentials() throws -> Bool {
        try writer.read { try Int.fetchOne($0, sql: "SELECT 1 FROM member_key LIMIT 1") != nil }
    }

    /// The changes that give `member` a new passphrase. With their current
    /// private key (they changed it themselves) the key pair stays and the
    /// grants they hold still open; without it (an admin resets a forgotten
    /// passphrase) a new pair gets a grant of every generation in `keyring`.
    public func passphraseChanges(
        for member: MemberID, to passphrase: String, keyring: TeamKeyring, keeping privateKey: Curve25519.KeyAgreement.PrivateKey?,
        by author: MemberID?
    ) throws -> [Change] {
        guard passphrase.count >= MemberCredential.minimumPassphraseLength || author == nil else {
            throw SignInError.weakPassphrase
        }
        return try credentialChanges(
            for: member, under: PassphraseKey.derive(from: passphrase), keyring: keyring, keeping: privateKey, by: author)
    }

    private func credentialChanges(
        for member: MemberID, under passphraseKey: PassphraseKey, keyring: TeamKeyring,
        keeping privateKey: Curve25519.KeyAgreement.PrivateKey?, by author: MemberID?
    ) throws -> [Change] {
        let now = clock.now()
        let pair = privateKey ?? Curve25519.KeyAgreement.PrivateKey()
        let credential = try MemberCredential.seal(
            pair, for: member, under: passphraseKey, id: "key-" + newID(), by: author, at: now)
        var changes = [try Change.create(credential)]
        if privateKey == nil {
            for generation in keyring.keys.keys.sorted() {
                changes.append(try Change.create(
                    KeyGrant.seal(keyring.keys[generation]!, generation: generation, to: credential, by: author, at: now)))
            }
        }
        return changes
    }

    /// The member's private key, if `passphrase` is theirs (for keeping
    /// their key pair when they change their own passphrase).
    public func privateKey(of member: MemberID, passphrase: String) throws(SignInError) -> Curve25519.KeyAgreement.PrivateKey {
        guard let credential = try? currentCredential(of: member) else { throw .noCredential }
        return try credential.open(with: passphrase)
    }

    /// Creates the team's first key and gives each listed member a
    /// passphrase: the demo does this, and so does the first admin of a
    /// database made before sign-in. Members given the same passphrase
    /// share one salt (one derivation: the demo's twenty members, all
    /// `demo`, build in a second); a passphrase set later gets its own.
    @discardableResult
    public func createTeamKeys(passphrases: [MemberID: String], by author: MemberID?) throws -> TeamKeyring {
        let keyring = TeamKeyring.fresh()
        var derived: [String: PassphraseKey] = [:]
        var changes: [Change] = []
        for (member, passphrase) in passphrases.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let key = try derived[passphrase] ?? PassphraseKey.derive(from: passphrase)
            derived[passphrase] = key
            changes += try credentialChanges(for: member, under: key, keyring: keyring, keeping: nil, by: author)
        }
        try write(by: author, changes)
        return keyring
    }

    private static let throttleSetting = "sign-in-failures"

    func signInThrottle() throws -> SignInThrottle {
        guard let text = try localSetting(Self.throttleSetting), let data = text.data(using: .utf8) else {
            return SignInThrottle()
        }
        return (try? JSONDecoder().decode(SignInThrottle.self, from: data)) ?? SignInThrottle()
    }

    func saveSignInThrottle(_ throttle: SignInThrottle) throws {
        let data = try JSONEncoder().encode(throttle)
        try setLocalSettings([Self.throttleSetting: String(decoding: data, as: UTF8.self)])
    }
}

/// Wrong passphrases per member on this laptop (a local setting, never
/// synced). The first few are free; then each try must wait twice as long
/// as the one before, up to a quarter of an hour.
public struct SignInThrottle: Codable, Sendable {
    struct Failures: Codable {
        var count: Int
        var last: Date
    }
    var failures: [String: Failures] = [:]

    public static let freeAttempts = 3
    static let longestWait = 900

    /// Seconds left before `member` may try again, or nil.
    func wait(for member: MemberID, at now: Date) -> Int? {
        guard let failed = failures[member.rawValue], failed.count >= Self.freeAttempts else { return nil }
        let required = min(Self.longestWait, 5 << min(failed.count - Self.freeAttempts, 10))
        let left = Int((failed.last.addingTimeInterval(TimeInterval(required)).timeIntervalSince(now)).rounded(.up))
        return left > 0 ? left : nil
    }

    mutating func recordFailure(of member: MemberID, at now: Date) {
        failures[member.rawValue] = Failures(count: (failures[member.rawValue]?.count ?? 0) + 1, last: now)
    }
}
