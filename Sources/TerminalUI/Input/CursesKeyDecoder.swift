/// Turns what `wget_wch` returned into a key or a resize. Pure: given the
/// status and value, the answer never depends on a terminal.
public struct CursesKeyDecoder: Sendable {
    public let codes: CursesKeyCodes
    private let table: [Int32: InputEvent]

    /// A decoder for the given curses values.
    public init(codes: CursesKeyCodes) {
        self.codes = codes
        let pairs: [(Int32, InputEvent)] = [
            (codes.resize, .resize),
            (codes.up, .key(.up)), (codes.down, .key(.down)), (codes.left, .key(.left)), (codes.right, .key(.right)),
            (codes.home, .key(.home)), (codes.end, .key(.end)), (codes.pageUp, .key(.pageUp)),
            (codes.pageDown, .key(.pageDown)), (codes.backspace, .key(.backspace)), (codes.delete, .key(.delete)),
            (codes.insert, .key(.insert)), (codes.enter, .key(.enter)), (codes.backTab, .key(.backTab)),
            (codes.a1, .key(.home)), (codes.a3, .key(.pageUp)), (codes.c1, .key(.end)), (codes.c3, .key(.pageDown)),
            (codes.find, .key(.home)), (codes.select, .key(.end)),
        ] + (1...12).map { (codes.f0 + Int32($0), .key(.function($0))) }
        // Built pair by pair (first wins) rather than from a literal, which traps on a repeated code.
        var table: [Int32: InputEvent] = [:]
        for (code, event) in pairs where table[code] == nil { table[code] = event }
        self.table = table
    }

    /// The event for one `wget_wch` result: `status` is its return value, `value` what it stored.
    /// Nil for ERR, for key codes Thistle has no use for, and for unprintable scalars.
    public func decode(status: Int32, value: UInt32) -> InputEvent? {
        if status == codes.codeYes {
            guard let code = Int32(exactly: value) else { return nil }
            return table[code]
        }
        guard status == codes.ok else { return nil }
        return Key.fromScalar(value).map(InputEvent.key)
    }
}
