import Dispatch
import Synchronization

/// Work started on another thread now, its result waited for where it is
/// needed: a big merge reads its ops' values on one core while the other
/// writes the log, and the generator draws its next batch while one is
/// written (SQLite's work is all on one thread).
public final class Pending<Value: Sendable>: Sendable {
    private let finished = DispatchGroup()
    private let result = Mutex<Result<Value, any Error>?>(nil)

    public init(_ work: @escaping @Sendable () throws -> Value) {
        finished.enter()
        DispatchQueue.global().async { [self] in
            let outcome = Result { try work() }
            result.withLock { $0 = outcome }
            finished.leave()
        }
    }

    /// The work's result, once it is done (its error, thrown here).
    public func get() throws -> Value {
        finished.wait()
        return try result.withLock { $0! }.get()
    }
}
