extension Sequence where Element == UInt8 {
    /// The bytes as lowercase hex, two digits each, written directly:
    /// `String(format:)` costs microseconds a byte and more on first use,
    /// and hashes are hexed for every audit entry, search token and command.
    public var hexDigits: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
