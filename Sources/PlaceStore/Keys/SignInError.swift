import Foundation

/// Why a sign-in failed. The messages say what to do and reveal nothing
/// about the data.
public enum SignInError: Error, Equatable, CustomStringConvertible {
    case wrongPassphrase
    case tooManyAttempts(retryAfterSeconds: Int)
    case disabled
    case noCredential
    case noKeys
    case damagedCredential
    case weakPassphrase
    case passphrasesDiffer
    case noPassphrase(String)
    case notSignedIn
    case madeBeforeSignIn

    public var description: String {
        switch self {
        case .wrongPassphrase: "wrong passphrase"
        case .tooManyAttempts(let seconds):
            "too many wrong passphrases for this member on this laptop: try again in \(seconds) s"
        case .disabled: "this member has been disabled: ask an admin"
        case .noCredential: "this member has no passphrase yet: ask an admin to set one (thistle member passphrase)"
        case .noKeys: "no team key has been granted to this member yet: ask an admin"
        case .damagedCredential: "this member's sign-in record is damaged: ask an admin to set a new passphrase"
        case .weakPassphrase:
            "a passphrase needs at least \(MemberCredential.minimumPassphraseLength) characters (three random words work well)"
        case .passphrasesDiffer: "the two passphrases differ"
        case .noPassphrase(let how): "no passphrase: \(how)"
        case .madeBeforeSignIn:
            "this database was made before Thistle had sign-in and holds no team keys: rebuild it (thistle demo --reset) or join the team again from an invite"
        case .notSignedIn: "sign in first: thistle sign-in --as MEMBER_ID (or give --as and THISTLE_PASSPHRASE_FILE)"
        }
    }
}
