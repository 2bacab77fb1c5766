import Foundation

/// The synthetic demo place shipped with the binary, so `thistle demo`
/// works from any directory: as SwiftPM's resource folder beside it, or
/// (`make dist`) appended to the one file itself.
public enum SampleData {
    /// The folder holding the Fife demo files (places.json, services.json, …).
    public static var fifeDirectory: URL {
        // Without the resource folder beside it, SwiftPM's accessor would look in the build folder
        // (there only on the machine that built it) and stop the program when that is gone too.
        let beside = Bundle.main.bundleURL.appendingPathComponent("Thistle_SampleData.resources")
        if !FileManager.default.fileExists(atPath: beside.path), let unpacked = EmbeddedSampleData.unpack() {
            return unpacked
        }
        return Bundle.module.resourceURL!.appendingPathComponent("fife")
    }
}
