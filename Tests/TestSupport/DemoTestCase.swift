import Foundation
import PlaceStore
import XCTest

/// A test case whose tests write: each gets a demo database of its own,
/// removed when the test ends (the shared demo stays read-mostly).
open class DemoTestCase: XCTestCase {
    private var folders: [URL] = []

    open override func tearDownWithError() throws {
        for folder in folders { try? FileManager.default.removeItem(at: folder) }
        folders = []
        try super.tearDownWithError()
    }

    /// A demo database for this test alone.
    public func freshDemo() throws -> PlaceStore {
        let (store, directory) = try Fixtures.demoDatabase()
        folders.append(directory)
        return store
    }
}

/// Thrown by a test helper that finds the app on the wrong screen: the test
/// fails (a skip would hide the failure).
public struct WrongScreen: Error, CustomStringConvertible {
    public let description: String
    public init(_ expected: String) { description = "the app is not on \(expected)" }
}
