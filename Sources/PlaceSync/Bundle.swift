import Crypto
import Foundation
import PlaceDomain
import PlaceStore

/// A sync bundle: the ops one device sends another, on a USB stick or a
/// shared drive. JSON with the team, the sending device and what it holds
/// (its version vector), the ops sealed with the team key (AES-GCM, the
/// header bound in as authenticated data), and the sender's Ed25519
/// signature over all of it. The team's devices, people and key grants go
/// in a section of their own sealed with the key's first generation, so a
/// laptop that has not heard of a rotation learns of it from the bundle.
struct BundleFile: Encodable {
    var format: String
    var version: Int
    var team: String
    var device: String
    var has: [String: String]
    var sealedKeys: String
    var sealed: String
    var signature: String

    static let currentVersion = 2
    /// The largest bundle read: bounded so a damaged or hostile file cannot exhaust memory.
    static let maximumSize = 512 * 1_048_576

    /// The bytes the signature covers and the AES-GCM authenticated data: everything but the signature.
    var signedHeader: Data {
        let vector = has.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        return Data("\(format)\n\(version)\n\(team)\n\(device)\n\(vector)\n".utf8)
    }
}

extension BundleFile {
    /// Reads a bundle file by `JSONReader` (`JSONDecoder` took a tenth of a
    /// second over a big bundle's 66 MB): nil unless it is a JSON object
    /// with every field, each of its type (other members are passed over).
    init?(reading data: Data) {
        guard case .object(let fields)? = JSONValue(jsonData: data),
            case .string(let format)? = fields["format"], case .int(let version)? = fields["version"],
            case .string(let team)? = fields["team"], case .string(let device)? = fields["device"],
            case .object(let has)? = fields["has"],
            case .string(let sealedKeys)? = fields["sealedKeys"], case .string(let sealed)? = fields["sealed"],
            case .string(let signature)? = fields["signature"]
        else { return nil }
        var vector: [String: String] = [:]
        for (device, held) in has {
            guard case .string(let hlc) = held else { return nil }
            vector[device] = hlc
        }
        self.init(format: format, version: Int(clamping: version), team: team, device: device, has: vector,
                  sealedKeys: sealedKeys, sealed: sealed, signature: signature)
    }
}

extension TeamMembership {
    /// The ops `peer` lacks (by what it last said it holds), or every op.
    public func exportBundle(from store: PlaceStore, for peer: DeviceID? = nil) throws -> (data: Data, ops: Int) {
        let known = try peer.map { try store.peerVector($0) } ?? [:]
        let ops = try store.ops(after: known)
        let encoder = JSONEncoder()
        // Unescaped slashes: the base64 sections then read as one run (the reader's fast path).
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var file = BundleFile(
            format: "thistle-bundle", version: BundleFile.currentVersion, team: teamID, device: store.deviceID.rawValue,
            has: Dictionary(uniqueKeysWithValues: try store.versionVector().map { ($0.key.rawValue, $0.value) }),
            sealedKeys: "", sealed: "", signature: "")
        let keyOps = ops.filter { Self.keyKinds.contains($0.entity) }
        let keys = try AES.GCM.seal(try encoder.encode(keyOps), using: keyring.keys[keyring.keys.keys.min()!]!,
                                    authenticating: file.signedHeader + Data("keys".utf8))
        let sealed = try AES.GCM.seal(try encoder.encode(ops.filter { !Self.keyKinds.contains($0.entity) }), using: teamKey,
                                      authenticating: file.signedHeader)
        guard let keysCombined = keys.combined, let combined = sealed.combined else { throw SyncError.unreadable("sealing failed") }
        file.sealedKeys = keysCombined.base64EncodedString()
        file.sealed = combined.base64EncodedString()
        file.signature = try signingKey.signature(for: file.signedHeader + keysCombined + combined).base64EncodedString()
        return (try encoder.encode(file), ops.count)
    }

    /// Verifies, opens and applies a bundle in one transaction. Refused, with
    /// nothing changed, if it is damaged, from another team or an unenrolled
    /// device, or its signature does not verify.
    public func importBundle(_ data: Data, into store: PlaceStore,
                             progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> ImportResult {
        guard data.count <= BundleFile.maximumSize else { throw SyncError.tooLarge(BundleFile.maximumSize) }
        guard let file = BundleFile(reading: data), file.format == "thistle-bundle" else {
            throw SyncError.unreadable("not a bundle, or cut short")
        }
        guard file.version == BundleFile.currentVersion else { throw SyncError.unknownFormat(file.version) }
        guard file.team == teamID else { throw SyncError.wrongTeam(file.team) }
        guard let key = try store.enrolledKey(DeviceID(file.device)),
            (try? Curve25519.Signing.PublicKey(rawRepresentation: key)) != nil
        else { throw SyncError.unenrolledDevice(file.device) }
        guard !(try store.revokedDevices().contains(DeviceID(file.device))) else { throw SyncError.revokedDevice(file.device) }
        guard let keysCombined = Data(base64Encoded: file.sealedKeys), let combined = Data(base64Encoded: file.sealed),
            let signature = Data(base64Encoded: file.signature)
        else { throw SyncError.badSignature(file.device) }
        // The signature is checked on one core while the other opens and reads
        // the ops (each most of a big bundle's reading); nothing is acted on until both are done.
        let header = file.signedHeader
        let signed = Pending {
            (try? Curve25519.Signing.PublicKey(rawRepresentation: key))?
                .isValidSignature(signature, for: header + keysCombined + combined) == true
        }
        let contents = openContents(keys: keysCombined, ops: combined, header: header)
        guard try signed.get() else { throw SyncError.badSignature(file.device) }
        guard let (keyOps, opened) = contents else {
            throw SyncError.unreadable("its contents do not open with this team's key")
        }
        guard let ops = opened else {
            // Sealed under a generation this sign-in lacks: if the bundle
            // grants a newer one, take the grants and ask for a new sign-in.
            let newer = { (generation: Int) in generation > self.keyring.currentGeneration }
            guard try keyOps.contains(where: { newer(try Self.grantedGeneration(in: $0)) })
                || newer(try store.newestKeyGeneration())
            else { throw SyncError.unreadable("its contents do not open with this team's key") }
            _ = try store.importOps(keyOps)
            throw SyncError.teamKeyChanged
        }
        let result = try store.importOps(keyOps + ops, progress: progress)
        try store.setPeerVector(DeviceID(file.device), file.has)
        return result
    }

    /// A bundle's key ops, and its other ops when they open with a key this
    /// sign-in holds (nil when sealed under a generation it lacks); nil if
    /// the key section does not open or either section is not ops.
    private func openContents(keys: Data, ops: Data, header: Data) -> (keyOps: [Op], ops: [Op]?)? {
        guard let keysBox = try? AES.GCM.SealedBox(combined: keys),
            let keysPlain = keyring.open(keysBox, authenticating: header + Data("keys".utf8)),
            let keyOps = Op.array(fromJSON: keysPlain),
            keyOps.allSatisfy({ Self.keyKinds.contains($0.entity) }),
            let box = try? AES.GCM.SealedBox(combined: ops)
        else { return nil }
        guard let plain = keyring.open(box, authenticating: header) else { return (keyOps, nil) }
        guard let ops = Op.array(fromJSON: plain) else { return nil }
        return (keyOps, ops)
    }
}

extension PlaceStore {
    /// The state digest: SHA-256 over every materialised row, equal on two
    /// devices exactly when their tables are equal.
    public func stateDigest() throws -> String {
        SHA256.hash(data: Data(try contentDump(includingAudit: false).utf8)).hexDigits
    }
}
