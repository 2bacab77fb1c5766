import Crypto
import Foundation
import PlaceDomain

/// One generation of the team key, sealed (HPKE, X25519) to one member's
/// public key. Synced as an op. Whoever holds the team key can grant it to
/// a member without knowing their passphrase, which is what lets a
/// rotation reach every member.
public struct KeyGrant: Codable, Hashable, Sendable {
    public var id: String
    public var memberID: MemberID
    public var generation: Int
    /// The recipient's public key, as in their credential.
    var publicKey: String
    var encapsulatedKey: String
    var sealedKey: String
    public var byID: MemberID?
    public var at: Date

    private static var suite: HPKE.Ciphersuite { .Curve25519_SHA256_ChachaPoly }

    /// Grants may be sealed twice on two laptops at once; the id is the same,
    /// so the op log keeps one.
    static func id(generation: Int, member: MemberID, publicKey: String) -> String {
        let digest = SHA256.hash(data: Data(publicKey.utf8)).prefix(8).hexDigits
        return "grant-\(generation)-\(member.rawValue)-\(digest)"
    }

    static func seal(
        _ key: SymmetricKey, generation: Int, to credential: MemberCredential, by: MemberID?, at: Date
    ) throws -> KeyGrant {
        guard let recipient = credential.recipientKey else { throw SignInError.damagedCredential }
        var sender = try HPKE.Sender(recipientKey: recipient, ciphersuite: suite, info: info(generation, credential.memberID))
        let sealed = try sender.seal(key.data)
        return KeyGrant(
            id: id(generation: generation, member: credential.memberID, publicKey: credential.publicKey),
            memberID: credential.memberID, generation: generation, publicKey: credential.publicKey,
            encapsulatedKey: sender.encapsulatedKey.base64EncodedString(), sealedKey: sealed.base64EncodedString(),
            byID: by, at: at)
    }

    func open(with privateKey: Curve25519.KeyAgreement.PrivateKey) -> SymmetricKey? {
        guard let encapsulated = Data(base64Encoded: encapsulatedKey), let sealed = Data(base64Encoded: sealedKey),
            var recipient = try? HPKE.Recipient(
                privateKey: privateKey, ciphersuite: Self.suite, info: Self.info(generation, memberID),
                encapsulatedKey: encapsulated),
            let raw = try? recipient.open(sealed), raw.count == 32
        else { return nil }
        return SymmetricKey(data: raw)
    }

    private static func info(_ generation: Int, _ member: MemberID) -> Data {
        Data("thistle key grant|\(generation)|\(member.rawValue)".utf8)
    }
}
