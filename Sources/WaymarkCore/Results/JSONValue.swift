/// A JSON value whose objects keep their keys in the order written, for stable, documented output.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)): return x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        default: return false
        }
    }

    /// Compact JSON on one line, suitable for JSON Lines.
    public var compact: String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, indent: nil, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Indented JSON for people and diffs.
    public var pretty: String {
        var out: [UInt8] = []
        write(to: &out, indent: "  ", level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends compact JSON to a byte buffer: the fast path for batches.
    public func write(to out: inout [UInt8]) { write(to: &out, indent: nil, level: 0) }

    private func write(to out: inout [UInt8], indent: String?, level: Int) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .number(let n): out += n.formatted.utf8
        case .string(let s): Self.writeString(s, to: &out)
        case .array(let items):
            if items.isEmpty { out += "[]".utf8; return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent, level + 1)
                item.write(to: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { out += "{}".utf8; return }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent, level + 1)
                Self.writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                value.write(to: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ out: inout [UInt8], _ indent: String?, _ level: Int) {
        guard let indent else { return }
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<level { out += indent.utf8 }
    }

    private static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            for (i, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte >= 0xC2 {
                if byte >= 0xC2 {
                    // C1 controls (U+0080-U+009F) and the line/paragraph separators are escaped; other text passes through.
                    let isC1 = byte == 0xC2 && i + 1 < bytes.count && bytes[i + 1] < 0xA0
                    let isSeparator = byte == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9)
                    guard isC1 || isSeparator else { continue }
                    out += bytes[runStart..<i]
                    let value = isC1 ? Int(bytes[i + 1]) : 0x2028 + Int(bytes[i + 2] - 0xA8)
                    out += "\\u\(String(repeating: "0", count: 4 - String(value, radix: 16).count))\(String(value, radix: 16))".utf8
                    runStart = i + (isC1 ? 2 : 3)
                    continue
                }
                if i < runStart { continue }
                out += bytes[runStart..<i]
                switch byte {
                case 0x22: out += "\\\"".utf8
                case 0x5C: out += "\\\\".utf8
                case 0x0A: out += "\\n".utf8
                case 0x0D: out += "\\r".utf8
                case 0x09: out += "\\t".utf8
                default: out += "\\u00\(byte < 0x10 ? "0" : "")\(String(byte, radix: 16))".utf8
                }
                runStart = i + 1
            }
            out += bytes[runStart...]
        }
        out.append(UInt8(ascii: "\""))
    }
}
