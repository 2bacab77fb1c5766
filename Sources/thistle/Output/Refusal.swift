import Foundation
import PlaceDomain
import PlaceStore
import PlaceSync

/// A refused action: exit status 1, the message on stderr and, with
/// `--json`, `{"error": CODE, "message": TEXT}` on stdout. The codes are a
/// closed list documented in docs/cli.md.
struct Refusal: Error {
    let code: String
    let message: String
    var extra: [String: JSONValue] = [:]

    /// The refusal an error stands for, or nil for errors that are not refusals (usage errors).
    init?(_ error: any Error) {
        switch StoreError(sqlite: error) ?? error {
        case let coded as any CodedRefusal:
            code = coded.code
            message = coded.description
        case let imported as ImportError:
            code = "invalid-input"
            message = imported.description
        case let refusal as NotPermitted:
            code = "not-permitted"
            message = refusal.description
        case let unknown as UnknownID:
            code = "unknown-id"
            message = unknown.description
        case let duplicate as PossibleDuplicate:
            code = "possible-duplicate"
            message = duplicate.description
            extra["candidates"] = .array(duplicate.candidates.map(ResidentOutput.json))
        case let store as StoreError:
            switch store {
            case .unknownMember, .unknownPlace, .unknownAgency, .unknownCase, .unknownResident, .unknownNeedCategory: code = "unknown-id"
            case .invalidChange: code = "invalid-input"
            case .locked: code = "sign-in"
            case .erased: code = "not-permitted"
            default: code = "database"
            }
            message = store.description
        case let failure as Failure:
            code = "invalid-input"
            message = failure.description
        default:
            return nil
        }
    }

    func report(json: Bool) {
        // Any word over 160 characters is text typed or read back (a path is shorter).
        let message = message.oneLine()
        FileHandle.standardError.write(Data("thistle: \(message)\n".utf8))
        guard json else { return }
        var fields = extra
        fields["error"] = .string(code)
        fields["message"] = .string(message)
        print(JSONValue.object(fields).jsonText)
    }
}

/// A refusal that names its own code from docs/cli.md's closed list.
protocol CodedRefusal: Error, CustomStringConvertible {
    var code: String { get }
}

extension CaseRuleViolation: CodedRefusal {}
extension PlanRuleViolation: CodedRefusal {}
extension PotRuleViolation: CodedRefusal {}
extension SyncError: CodedRefusal {}

extension Array where Element == String {
    /// Whether the command line asks for JSON (`--json`, `--format json`, `--format=json`).
    var asksForJSON: Bool {
        contains("--json") || contains("--format=json") || zip(self, dropFirst()).contains { $0 == "--format" && $1 == "json" }
    }
}

extension SignInError: CodedRefusal {
    /// `sign-in` for everything about who is signed in; a new passphrase
    /// that is too short or mistyped is bad input.
    var code: String {
        switch self {
        case .weakPassphrase, .passphrasesDiffer: "invalid-input"
        default: "sign-in"
        }
    }
}
