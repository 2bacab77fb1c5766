import Foundation
import PlaceStore

/// What the end-to-end tests run `thistle` with, so every flow signs in as
/// a user's script would: the demo passphrase in a 0600 file named by
/// THISTLE_PASSPHRASE_FILE, and a private runtime folder (0700) of this
/// test process for kept sign-ins. A test overrides either to see the
/// passphrase box or a refusal.
public enum SignInEnvironment {
    public static let demo: [String: String] = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thistle-sign-in-\(getpid())")
        let runtime = folder.appendingPathComponent("runtime")
        try? FileManager.default.createDirectory(at: runtime, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        chmod(folder.path, 0o700)
        let passphrase = folder.appendingPathComponent("demo-passphrase").path
        FileManager.default.createFile(atPath: passphrase, contents: Data((DemoPlace.passphrase + "\n").utf8),
                                       attributes: [.posixPermissions: 0o600])
        return ["THISTLE_PASSPHRASE_FILE": passphrase, "XDG_RUNTIME_DIR": runtime.path]
    }()

    /// A 0600 file holding `passphrase`, in a folder the caller removes.
    public static func passphraseFile(_ passphrase: String, in folder: URL) -> String {
        let path = folder.appendingPathComponent("passphrase-\(UUID().uuidString)").path
        FileManager.default.createFile(atPath: path, contents: Data((passphrase + "\n").utf8),
                                       attributes: [.posixPermissions: 0o600])
        return path
    }
}
