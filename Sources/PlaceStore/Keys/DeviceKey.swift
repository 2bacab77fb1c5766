import Crypto
import Foundation
import PlaceDomain

/// This device's signing key (Ed25519), kept in local settings sealed
/// under the team key: it signs bundles, hub rows and audit entries, and a
/// laptop found switched off cannot sign as this device.
extension PlaceStore {
    static let deviceKeySetting = "device_signing_key_sealed"

    /// Seals `key` for this device under the newest team key.
    public static func sealDeviceKey(_ key: Curve25519.Signing.PrivateKey, for device: DeviceID, under keyring: TeamKeyring)
        throws -> String
    {
        guard let combined = try AES.GCM.seal(key.rawRepresentation, using: keyring.current,
                                              authenticating: deviceKeyBinding(device)).combined
        else { throw StoreError.database("sealing the device key failed") }
        return combined.base64EncodedString()
    }

    /// Keeps this device's sealed signing key.
    public func keepDeviceKey(sealed: String) throws {
        try setLocalSettings([Self.deviceKeySetting: sealed])
    }

    /// Whether this device keeps a sealed signing key (it is in a team).
    public func hasDeviceKey() throws -> Bool {
        try localSetting(Self.deviceKeySetting) != nil
    }

    /// This device's signing key, opened with the team keys; nil when the
    /// device is in no team. Throws when the sealed key does not open.
    public func deviceSigningKey(keys keyring: TeamKeyring) throws -> Curve25519.Signing.PrivateKey? {
        guard let sealed = try localSetting(Self.deviceKeySetting) else { return nil }
        guard let combined = Data(base64Encoded: sealed), let box = try? AES.GCM.SealedBox(combined: combined),
            let raw = keyring.open(box, authenticating: Self.deviceKeyBinding(deviceID)),
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        else { throw StoreError.database("this device's signing key does not open with the team's keys") }
        return key
    }

    /// What a sign-in unlocks here: personal details are sealed and opened
    /// with the team keys, and audit entries signed (when the device is in a
    /// team). `notice` hears of a search index to make first (after an
    /// upgrade or a new team key).
    public func unlock(_ signedIn: SignedIn, notice: ((String) -> Void)? = nil) throws {
        useKeys(signedIn.keyring)
        if let key = try deviceSigningKey(keys: signedIn.keyring) { signAuditEntries(with: key) }
        try refreshSearchTokens(notice: notice)
    }

    private static func deviceKeyBinding(_ device: DeviceID) -> Data { Data("thistle device key|\(device.rawValue)".utf8) }
}
