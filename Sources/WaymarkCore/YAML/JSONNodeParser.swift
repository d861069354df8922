/// Reads one JSON document into the same `YAMLNode` tree libyaml produces for it, much faster, for JSON Lines
/// batches where every line is a small JSON object. Strings become double-quoted scalars, numbers and
/// `true`/`false` plain scalars, `null` an empty plain scalar: exactly what the YAML layer gives for JSON.
public struct JSONNodeParser {
    private let bytes: [UInt8]
    private let file: String
    private let line: Int
    private let maxDepth: Int
    private var i = 0
    private var column = 1

    /// Parses one JSON value found on `line` of `file`, throwing the first problem as a located diagnostic.
    public static func parse(_ bytes: [UInt8], file: String, line: Int = 1, maxDepth: Int = YAMLLimits.standard.maxDepth) throws(Diagnostic) -> YAMLNode {
        if let bad = UTF8Validation.firstInvalidPosition(in: bytes) {
            throw Diagnostic(code: "W1001", at: SourceLocation(file: file, line: line, column: bad.column), "invalid UTF-8 byte")
        }
        var parser = JSONNodeParser(bytes: bytes, file: file, line: line, maxDepth: maxDepth)
        parser.skipSpace()
        let node = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.i == bytes.count else { throw parser.error(code: "W1046", "unexpected text after the JSON value") }
        return node
    }

    private init(bytes: [UInt8], file: String, line: Int, maxDepth: Int) {
        self.bytes = bytes
        self.file = file
        self.line = line
        self.maxDepth = maxDepth
    }

    private var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    private func error(code: String, _ message: String) -> Diagnostic { Diagnostic(code: code, at: location, message) }

    private mutating func advance() {
        // Columns count characters, so continuation bytes of a UTF-8 sequence do not move them.
        if bytes[i] & 0xC0 != 0x80 { column += 1 }
        i += 1
    }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D || bytes[i] == 0x0A { advance() }
    }

    private mutating func value(depth: Int) throws(Diagnostic) -> YAMLNode {
        guard i < bytes.count else { throw error(code: "W1002", "expected a JSON value at the end of the line") }
        let start = location
        switch bytes[i] {
        case UInt8(ascii: "{"):
            guard depth < maxDepth else { throw error(code: "W1003", "nesting deeper than the limit of \(maxDepth) levels") }
            advance()
            var pairs: [YAMLPair] = []
            var keys: [String: SourceLocation] = [:]
            keys.reserveCapacity(32)
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { advance(); return YAMLNode(.mapping(pairs), at: start) }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error(code: "W1004", "expected a key in double quotes") }
                let key = try string()
                if let first = keys[key.scalar!.text] {
                    throw Diagnostic(code: "W1005", at: key.location, "duplicate key '\(key.scalar!.text.singleLineSafe)'",
                                     notes: [Diagnostic(.note, at: first, "'\(key.scalar!.text.singleLineSafe)' was first used here")])
                }
                keys[key.scalar!.text] = key.location
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error(code: "W1006", "expected ':' after the key") }
                advance()
                skipSpace()
                pairs.append(YAMLPair(key: key, value: try value(depth: depth + 1)))
                skipSpace()
                guard i < bytes.count else { throw error(code: "W1007", "expected ',' or '}' before the end of the line") }
                if bytes[i] == UInt8(ascii: ",") { advance(); continue }
                if bytes[i] == UInt8(ascii: "}") { advance(); return YAMLNode(.mapping(pairs), at: start) }
                throw error(code: "W1008", "expected ',' or '}'")
            }
        case UInt8(ascii: "["):
            guard depth < maxDepth else { throw error(code: "W1009", "nesting deeper than the limit of \(maxDepth) levels") }
            advance()
            var items: [YAMLNode] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { advance(); return YAMLNode(.sequence(items), at: start) }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard i < bytes.count else { throw error(code: "W1010", "expected ',' or ']' before the end of the line") }
                if bytes[i] == UInt8(ascii: ",") { advance(); continue }
                if bytes[i] == UInt8(ascii: "]") { advance(); return YAMLNode(.sequence(items), at: start) }
                throw error(code: "W1011", "expected ',' or ']'")
            }
        case UInt8(ascii: "\""):
            return try string()
        default:
            let from = i
            while i < bytes.count, !" \t\r\n,]}:".utf8.contains(bytes[i]) { advance() }
            let text = String(decoding: bytes[from..<i], as: UTF8.self)
            switch text {
            case "true", "false": return YAMLNode(.scalar(YAMLScalar(text)), at: start)
            case "null": return YAMLNode(.scalar(YAMLScalar("")), at: start)
            default:
                guard SchemaReader.number(text) != nil else {
                    column = start.column
                    throw error(code: "W1047", text.isEmpty ? "expected a JSON value" : "'\(text.singleLineSafe)' is not a JSON value")
                }
                return YAMLNode(.scalar(YAMLScalar(text)), at: start)
            }
        }
    }

    private mutating func string() throws(Diagnostic) -> YAMLNode {
        let start = location
        advance()
        // Most strings have no escapes: take them straight from the input.
        var j = i
        while j < bytes.count, bytes[j] != UInt8(ascii: "\""), bytes[j] != UInt8(ascii: "\\"), bytes[j] >= 0x20 { j += 1 }
        if j < bytes.count, bytes[j] == UInt8(ascii: "\"") {
            let text = String(decoding: bytes[i..<j], as: UTF8.self)
            while i <= j { advance() }
            return YAMLNode(.scalar(YAMLScalar(text, style: .doubleQuoted)), at: start)
        }
        var out: [UInt8] = []
        var runStart = i
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\""):
                out += bytes[runStart..<i]
                advance()
                return YAMLNode(.scalar(YAMLScalar(String(decoding: out, as: UTF8.self), style: .doubleQuoted)), at: start)
            case UInt8(ascii: "\\"):
                out += bytes[runStart..<i]
                advance()
                guard i < bytes.count else { break }
                let escape = bytes[i]
                advance()
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code) {
                        // A high surrogate must be followed by a low one; together they name one character.
                        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                            throw error(code: "W1012", "unpaired surrogate in a \\u escape")
                        }
                        advance(); advance()
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw error(code: "W1013", "unpaired surrogate in a \\u escape") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error(code: "W1014", "unpaired surrogate in a \\u escape") }
                    out += String(Character(scalar)).utf8
                default: throw error(code: "W1015", "invalid escape '\\\(Character(Unicode.Scalar(escape)))' in a string")
                }
                runStart = i
            case 0x00..<0x20:
                throw error(code: "W1016", "control character in a string; write it as an escape such as \\n")
            default:
                advance()
            }
        }
        throw Diagnostic(code: "W1017", at: start, "unterminated string")
    }

    private mutating func hex4() throws(Diagnostic) -> UInt32 {
        guard i + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16) else {
            throw error(code: "W1018", "expected four hexadecimal digits after \\u")
        }
        for _ in 0..<4 { advance() }
        return code
    }
}
