/// Splits a condition's text into tokens.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    mutating func tokens() throws(ExpressionError) -> [Token] {
        var result: [Token] = []
        while true {
            let token = try next()
            result.append(token)
            if token.kind == .end { return result }
        }
    }

    private mutating func next() throws(ExpressionError) -> Token {
        while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
        let start = position
        guard position < scalars.count else { return Token(kind: .end, range: start..<start) }
        let c = scalars[position]
        if c == "\"" { return try string(from: start) }
        if c.isASCIIDigit || (c == "." && peek(1)?.isASCIIDigit == true) { return try number(from: start) }
        if c.isIdentifierStart {
            position += 1
            while let n = peek(0), n.isIdentifierPart || (n == "." && peek(1)?.isIdentifierStart == true) { position += 1 }
            return Token(kind: .identifier(text(start..<position)), range: start..<position)
        }
        for symbol in ["==", "!=", "<=", ">=", "<", ">", "(", ")", "[", "]", ","] where matches(symbol) {
            position += symbol.unicodeScalars.count
            return Token(kind: .symbol(symbol), range: start..<position)
        }
        if c == "=" {
            throw ExpressionError(code: "W2044", "'=' is not an operator", at: start..<start + 1, suggestion: "use '==' to compare")
        }
        if c == "'" {
            throw ExpressionError(code: "W2045", "strings use double quotes", at: start..<start + 1, suggestion: "write \"...\" instead of '...'")
        }
        if c == "&" || c == "|" || c == "!" {
            let word = c == "&" ? "and" : c == "|" ? "or" : "not"
            throw ExpressionError(code: "W2046", "unexpected '\(c)'", at: start..<start + 1, suggestion: "write '\(word)'")
        }
        throw ExpressionError(code: "W2047", "unexpected character '\(String(c).singleLineSafe)'", at: start..<start + 1)
    }

    private mutating func string(from start: Int) throws(ExpressionError) -> Token {
        position += 1
        var value = ""
        while position < scalars.count {
            let c = scalars[position]
            if c == "\"" {
                position += 1
                return Token(kind: .string(value), range: start..<position)
            }
            if c == "\\", position + 1 < scalars.count {
                position += 1
                value.unicodeScalars.append(scalars[position])
            } else {
                value.unicodeScalars.append(c)
            }
            position += 1
        }
        throw ExpressionError(code: "W2048", "unterminated string", at: start..<position, suggestion: "add a closing '\"'")
    }

    private mutating func number(from start: Int) throws(ExpressionError) -> Token {
        while let c = peek(0), c.isASCIIDigit || c == "." { position += 1 }
        let literal = text(start..<position)
        guard let value = Double(literal), value.isFinite else {
            throw ExpressionError(code: "W2049", "'\(literal)' is not a number", at: start..<position)
        }
        return Token(kind: .number(value), range: start..<position)
    }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    private func matches(_ symbol: String) -> Bool {
        for (i, s) in symbol.unicodeScalars.enumerated() where peek(i) != s { return false }
        return true
    }

    private func text(_ range: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[range])
        return String(s)
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isIdentifierStart: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) || self == "_" }
    var isIdentifierPart: Bool { isIdentifierStart || isASCIIDigit }
}
