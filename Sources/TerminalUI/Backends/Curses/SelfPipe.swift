import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes written into the self-pipe, one per kind of wake-up.
enum PipeMessage {
    static let wake = UInt8(ascii: "w")
    static let interrupt = UInt8(ascii: "i")
    static let terminate = UInt8(ascii: "t")
    static let resize = UInt8(ascii: "r")
}

/// The self-pipe the input loop polls beside the terminal: the waker and the
/// signal handlers write one byte to wake it, which is safe from any thread
/// and from a signal handler, unlike anything curses offers.
final class SelfPipe: @unchecked Sendable {
    // @unchecked: `isOpen` is guarded by `lock`; the descriptors never change.
    let readEnd: Int32
    let writeEnd: Int32
    private let lock = NSLock()
    private var isOpen = true

    /// A non-blocking, close-on-exec pipe: a full pipe drops a byte rather
    /// than blocking a signal handler, and children never inherit it.
    init() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { fatalError("thistle could not create a pipe: \(String(cString: strerror(errno)))") }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    /// Writes `byte` unless closed; a closed pipe's descriptor may already belong to another file.
    func send(_ byte: UInt8) {
        lock.lock()
        defer { lock.unlock() }
        guard isOpen else { return }
        var value = byte
        _ = write(writeEnd, &value, 1)
    }

    /// Every byte waiting, as a set: repeated wake-ups count once.
    func drain() -> Set<UInt8> {
        var received = Set<UInt8>()
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(readEnd, &buffer, buffer.count)
            guard count > 0 else { break }
            received.formUnion(buffer[0..<count])
        }
        return received
    }

    /// Closes both ends; later sends do nothing.
    func close() {
        lock.lock()
        defer { lock.unlock() }
        guard isOpen else { return }
        isOpen = false
        _ = Glibc.close(readEnd)
        _ = Glibc.close(writeEnd)
    }
}
