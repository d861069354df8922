/// Parses a condition's text into an `Expression` with a precedence-climbing (Pratt) parser.
public struct ExpressionParser {
    public static let maxLength = 4_000
    public static let maxDepth = 48

    private var tokens: [Token]
    private var index = 0
    private var depth = 0

    /// Parses one whole condition; every part carries its character range.
    public static func parse(_ text: String) throws(ExpressionError) -> Expression {
        let length = text.unicodeScalars.count
        if length > maxLength {
            throw ExpressionError(code: "W2035", "condition is \(length) characters, over the limit of \(maxLength)", at: 0..<0)
        }
        var lexer = Lexer(text)
        var parser = ExpressionParser(tokens: try lexer.tokens())
        if parser.current.kind == .end {
            throw ExpressionError(code: "W2036", "empty condition", at: 0..<0, suggestion: "write 'true' for a rule that always applies")
        }
        let expression = try parser.expression(minimumPrecedence: 0)
        if parser.current.kind != .end {
            throw ExpressionError(code: "W2037", "unexpected \(parser.current.describe) after a complete condition", at: parser.current.range,
                                  suggestion: "join conditions with 'and' or 'or'")
        }
        return expression
    }

    private init(tokens: [Token]) { self.tokens = tokens }

    private var current: Token { tokens[index] }

    private mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    private mutating func expression(minimumPrecedence: Int) throws(ExpressionError) -> Expression {
        var left = try prefix()
        while let op = infixOperator(), op.precedence > minimumPrecedence {
            advance()
            if op == .notIn { advance() }
            // Comparisons do not chain: `a < b < c` is an error rather than a surprise.
            let right = try expression(minimumPrecedence: op.precedence)
            if op.isComparison, let next = infixOperator(), next.isComparison {
                throw ExpressionError(code: "W2038", "comparisons cannot be chained", at: current.range,
                                      suggestion: "join them with 'and'")
            }
            left = Expression(.binary(op, left, right), left.range.lowerBound..<right.range.upperBound)
        }
        return left
    }

    private func infixOperator() -> BinaryOperator? {
        switch current.kind {
        case .identifier("and"): return .and
        case .identifier("or"): return .or
        case .identifier("in"): return .in
        case .identifier("not"):
            if index + 1 < tokens.count, tokens[index + 1].kind == .identifier("in") { return .notIn }
            return nil
        case .symbol(let s): return BinaryOperator(rawValue: s)
        default: return nil
        }
    }

    /// Every nested construct (`not`, parentheses, lists, calls) passes through here, so one depth check bounds them all.
    private mutating func prefix() throws(ExpressionError) -> Expression {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth {
            throw ExpressionError(code: "W2039", "condition nests deeper than \(Self.maxDepth) levels", at: current.range)
        }
        let token = current
        switch token.kind {
        case .number(let value):
            advance()
            return Expression(.number(value), token.range)
        case .string(let value):
            advance()
            return Expression(.string(value), token.range)
        case .identifier("not"):
            advance()
            let operand = try expression(minimumPrecedence: 3)
            return Expression(.not(operand), token.range.lowerBound..<operand.range.upperBound)
        case .identifier(let word) where ["and", "or", "in"].contains(word):
            throw ExpressionError(code: "W2040", "expected a value before '\(word)'", at: token.range)
        case .identifier(let word):
            advance()
            switch word {
            case "true", "yes": return Expression(.boolean(true), token.range)
            case "false", "no": return Expression(.boolean(false), token.range)
            default: break
            }
            if current.kind == .symbol("(") { return try call(word, start: token.range) }
            return Expression(.name(word), token.range)
        case .symbol("("):
            advance()
            let inner = try expression(minimumPrecedence: 0)
            try expect(")", opening: token)
            return Expression(inner.kind, token.range.lowerBound..<tokens[index - 1].range.upperBound)
        case .symbol("["):
            advance()
            var items: [Expression] = []
            if current.kind != .symbol("]") {
                repeat {
                    if current.kind == .symbol(",") { advance() }
                    items.append(try prefix())
                } while current.kind == .symbol(",")
            }
            try expect("]", opening: token)
            return Expression(.list(items), token.range.lowerBound..<tokens[index - 1].range.upperBound)
        case .end:
            throw ExpressionError(code: "W2041", "expected a value at the end of the condition", at: token.range)
        case .symbol(let s):
            throw ExpressionError(code: "W2042", "expected a value, found '\(s)'", at: token.range)
        }
    }

    private mutating func call(_ name: String, start: Range<Int>) throws(ExpressionError) -> Expression {
        let open = current
        advance()
        var arguments: [Expression] = []
        if current.kind != .symbol(")") {
            arguments.append(try expression(minimumPrecedence: 0))
            while current.kind == .symbol(",") {
                advance()
                arguments.append(try expression(minimumPrecedence: 0))
            }
        }
        try expect(")", opening: open)
        return Expression(.call(name, arguments), start.lowerBound..<tokens[index - 1].range.upperBound)
    }

    private mutating func expect(_ symbol: String, opening: Token) throws(ExpressionError) {
        guard current.kind == .symbol(symbol) else {
            throw ExpressionError(code: "W2043", "expected '\(symbol)' to close the '\(opening.describeSymbol)' here, found \(current.describe)",
                                  at: current.range.isEmpty ? opening.range : current.range)
        }
        advance()
    }
}

extension Token {
    var describe: String {
        switch kind {
        case .number(let n): return "number \(n.formatted)"
        case .string(let s): return "\"\(s.singleLineSafe)\""
        case .identifier(let s): return "'\(s)'"
        case .symbol(let s): return "'\(s)'"
        case .end: return "the end of the condition"
        }
    }

    var describeSymbol: String {
        if case .symbol(let s) = kind { return s }
        return "("
    }
}

extension Double {
    /// A number as a person writes it: `3` rather than `3.0`.
    public var formatted: String {
        if let whole = wholeNumber { return String(whole) }
        return String(self)
    }

    /// The number as an `Int` when it is whole and small enough to print exactly.
    var wholeNumber: Int? {
        self == rounded() && abs(self) < 1e15 ? Int(self) : nil
    }
}
