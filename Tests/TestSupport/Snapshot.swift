import Foundation
import XCTest

/// Golden screens: plain-text files under the test target's `Snapshots/`
/// folder that a reviewer reads in a diff. Set THISTLE_RECORD=1 to write
/// them anew; a missing file is written and the test fails once.
public func assertScreen(
    _ screen: String, named name: String, file: StaticString = #filePath, line: UInt = #line
) {
    let folder = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = folder.appendingPathComponent(name + ".txt")
    let actual = screen + "\n"
    let record = ProcessInfo.processInfo.environment["THISTLE_RECORD"] == "1"
    guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        XCTFail("Recorded the golden screen \(name).txt; check it and run again.", file: file, line: line)
        return
    }
    if expected != actual {
        XCTFail("The screen differs from \(name).txt:\n--- expected\n\(expected)--- actual\n\(actual)", file: file, line: line)
    }
}
