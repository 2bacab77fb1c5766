import Foundation
import PlaceDomain
import PlaceStore
import TerminalUI
import ThistleApp
import XCTest

extension XCTestCase {
    /// The real loop for `member` over the shared demo, on a thread of its own
    /// (it owns the UI thread in the product); `ending` is how it ended once
    /// `ended` is fulfilled.
    public func startLoop(as member: Member, on backend: HeadlessBackend) throws
        -> (ended: XCTestExpectation, ending: () -> Runtime.Ending?)
    {
        let store = try Fixtures.sharedDemo()
        backend.idleTimeout = 10
        nonisolated(unsafe) let runtime = Runtime(
            state: AppState(size: backend.size, member: member), backend: backend, effects: StoreEffects(store: store),
            waker: backend.waker)
        let ended = expectation(description: "the loop ends")
        nonisolated(unsafe) var ending: Runtime.Ending?
        Thread.detachNewThread {
            ending = runtime.run()
            ended.fulfill()
        }
        return (ended, { ending })
    }
}
