import Crypto
import Foundation
import PlaceDomain
import _CryptoExtras

/// A member's key pair, its private half sealed under a key derived from
/// their passphrase (PBKDF2-SHA256). Synced as an op, so the member can
/// sign in on any team laptop. Append-only: a new passphrase is a new
/// credential and the newest one counts, so two laptops changing it at
/// once never mix the salt of one with the sealed key of the other.
public struct MemberCredential: Codable, Hashable, Sendable {
    public var id: String
    public var memberID: MemberID
    var salt: String
    var rounds: Int
    /// The public half (X25519): key grants are sealed to it.
    var publicKey: String
    var sealedPrivateKey: String
    public var setAt: Date
    public var setByID: MemberID?

    /// At least what OWASP asks of PBKDF2-SHA256 today; a credential asking
    /// for fewer rounds is refused as tampered.
    public static let minimumRounds = 600_000

    /// Passphrases people choose: at least this many characters.
    public static let minimumPassphraseLength = 8

    /// Seals `privateKey` under a key derived from the passphrase.
    static func seal(
        _ privateKey: Curve25519.KeyAgreement.PrivateKey, for member: MemberID, under passphraseKey: PassphraseKey,
        id: String, by: MemberID?, at: Date
    ) throws -> MemberCredential {
        let publicKey = privateKey.publicKey.rawRepresentation.base64EncodedString()
        var credential = MemberCredential(
            id: id, memberID: member, salt: passphraseKey.salt.base64EncodedString(), rounds: passphraseKey.rounds,
            publicKey: publicKey, sealedPrivateKey: "", setAt: at, setByID: by)
        let box = try AES.GCM.seal(privateKey.rawRepresentation, using: passphraseKey.key, authenticating: credential.boundData)
        credential.sealedPrivateKey = box.combined!.base64EncodedString()
        return credential
    }

    /// The private key, if `passphrase` is this credential's.
    func open(with passphrase: String) throws(SignInError) -> Curve25519.KeyAgreement.PrivateKey {
        guard rounds >= Self.minimumRounds, let sealed = Data(base64Encoded: sealedPrivateKey),
            let box = try? AES.GCM.SealedBox(combined: sealed), let salt = Data(base64Encoded: salt),
            let derived = try? PassphraseKey.derive(from: passphrase, salt: salt, rounds: rounds)
        else { throw .damagedCredential }
        guard let raw = try? AES.GCM.open(box, using: derived.key, authenticating: boundData) else { throw .wrongPassphrase }
        guard let privateKey = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw),
            privateKey.publicKey.rawRepresentation.base64EncodedString() == publicKey
        else { throw .damagedCredential }
        return privateKey
    }

    var recipientKey: Curve25519.KeyAgreement.PublicKey? {
        Data(base64Encoded: publicKey).flatMap { try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: $0) }
    }

    /// Binds the sealed key to this credential, its member and public key:
    /// a sealed key copied into another credential does not open.
    private var boundData: Data { Data("thistle member key|\(id)|\(memberID.rawValue)|\(publicKey)".utf8) }
}

/// A key derived from a passphrase (PBKDF2-SHA256), with the salt and rounds that made it.
struct PassphraseKey {
    let salt: Data
    let rounds: Int
    let key: SymmetricKey

    static func derive(
        from passphrase: String, salt: Data = SymmetricKey(size: SymmetricKeySize(bitCount: 128)).data,
        rounds: Int = MemberCredential.minimumRounds
    ) throws -> PassphraseKey {
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Data(passphrase.utf8), salt: salt, using: .sha256, outputByteCount: 32, unsafeUncheckedRounds: rounds)
        return PassphraseKey(salt: salt, rounds: rounds, key: key)
    }
}
