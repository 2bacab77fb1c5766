import Crypto
import Foundation

/// A personal detail as the file holds it: `sealed:v1:OWNER:BOX`, where
/// BOX is AES-GCM (base64, nonce + ciphertext + tag) and OWNER names the
/// key: `r=ID` a resident's own key, `g=N` generation N of the team key
/// (for text that is about no one resident, such as community voice).
/// The authenticated data binds the value to its table, row and field, so
/// a sealed value copied into another row or field does not open.
struct SealedValue: Equatable {
    static let prefix = "sealed:v1:"

    enum Owner: Equatable {
        case resident(String)
        case team(generation: Int)

        var text: String {
            switch self {
            case .resident(let id): return "r=" + id
            case .team(let generation): return "g=\(generation)"
            }
        }

        init?(text: some StringProtocol) {
            if text.hasPrefix("r="), text.count > 2 {
                self = .resident(String(text.dropFirst(2)))
            } else if text.hasPrefix("g="), let generation = Int(text.dropFirst(2)), generation > 0 {
                self = .team(generation: generation)
            } else {
                return nil
            }
        }
    }

    var owner: Owner
    var box: Data

    var text: String { Self.prefix + owner.text + ":" + box.base64EncodedString() }

    init(owner: Owner, box: Data) {
        self.owner = owner
        self.box = box
    }

    init?(text: String) {
        guard text.hasPrefix(Self.prefix) else { return nil }
        let rest = text.dropFirst(Self.prefix.count)
        guard let colon = rest.lastIndex(of: ":"), let owner = Owner(text: rest[..<colon]),
            let box = Data(base64Encoded: String(rest[rest.index(after: colon)...]))
        else { return nil }
        self.init(owner: owner, box: box)
    }

    static func isSealed(_ text: String) -> Bool { text.hasPrefix(prefix) }

    /// What binds a value to its place: `table|row|field`.
    static func binding(table: String, row: String, field: String) -> Data {
        Data("\(table)|\(row)|\(field)".utf8)
    }

    static func seal(_ plain: String, owner: Owner, key: SymmetricKey, binding: Data) throws -> SealedValue {
        guard let combined = try AES.GCM.seal(Data(plain.utf8), using: key, authenticating: binding).combined else {
            throw StoreError.database("sealing a personal detail failed")
        }
        return SealedValue(owner: owner, box: combined)
    }

    func open(with key: SymmetricKey, binding: Data) -> String? {
        guard let box = try? AES.GCM.SealedBox(combined: box),
            let plain = try? AES.GCM.open(box, using: key, authenticating: binding)
        else { return nil }
        return String(data: plain, encoding: .utf8)
    }

    // A resident's key as the `sealing_key` table holds it: `GENERATION:BOX`,
    // sealed under that generation of the team key and bound to the resident.

    static func wrap(_ key: SymmetricKey, owner: String, with keyring: TeamKeyring) throws -> String {
        guard let combined = try AES.GCM.seal(key.data, using: keyring.current, authenticating: keyBinding(owner)).combined
        else { throw StoreError.database("wrapping a resident's key failed") }
        return "\(keyring.currentGeneration):" + combined.base64EncodedString()
    }

    static func unwrap(_ wrapped: String, owner: String, with keyring: TeamKeyring) -> SymmetricKey? {
        let parts = wrapped.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let generation = Int(parts[0]), let teamKey = keyring.keys[generation],
            let combined = Data(base64Encoded: String(parts[1])), let box = try? AES.GCM.SealedBox(combined: combined),
            let raw = try? AES.GCM.open(box, using: teamKey, authenticating: keyBinding(owner)), raw.count == 32
        else { return nil }
        return SymmetricKey(data: raw)
    }

    private static func keyBinding(_ owner: String) -> Data { Data("thistle resident key|\(owner)".utf8) }
}
