/// Finds the first byte that is not valid UTF-8, so the error can name its line and column.
enum UTF8Validation {
    /// The 1-based line and column of the first invalid byte, or nil when all is valid.
    static func firstInvalidPosition(in bytes: [UInt8]) -> (line: Int, column: Int)? {
        var line = 1, column = 1, i = 0
        while i < bytes.count {
            let length = sequenceLength(bytes, at: i)
            guard length > 0 else { return (line, column) }
            if bytes[i] == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return nil
    }

    private static func sequenceLength(_ b: [UInt8], at i: Int) -> Int {
        let lead = b[i]
        func continuation(_ k: Int) -> Bool { i + k < b.count && b[i + k] & 0xC0 == 0x80 }
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0...0xEF:
            guard continuation(1), continuation(2) else { return 0 }
            if lead == 0xE0, b[i + 1] < 0xA0 { return 0 }
            if lead == 0xED, b[i + 1] > 0x9F { return 0 }
            return 3
        case 0xF0...0xF4:
            guard continuation(1), continuation(2), continuation(3) else { return 0 }
            if lead == 0xF0, b[i + 1] < 0x90 { return 0 }
            if lead == 0xF4, b[i + 1] > 0x8F { return 0 }
            return 4
        default: return 0
        }
    }
}
