import Foundation

/// The synthetic demo place shipped inside the binary, so `thistle demo`
/// works from any directory.
public enum SampleData {
    /// The folder holding the Fife demo files (places.json, services.json, …).
    public static var fifeDirectory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("fife")
    }
}
