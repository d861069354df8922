/// A condition as written, before names are resolved against a pack.
public struct Expression: Sendable, Hashable {
    /// The forms a part of a condition can take.
    public indirect enum Kind: Sendable, Hashable {
        case number(Double)
        case string(String)
        case boolean(Bool)
        case list([Expression])
        /// A question id, `indicator.<id>`, `derived.<id>` or `outcome`.
        case name(String)
        case not(Expression)
        case binary(BinaryOperator, Expression, Expression)
        case call(String, [Expression])
    }

    public var kind: Kind
    /// Character offsets of this part within the condition's text.
    public var range: Range<Int>

    /// A part of the given kind at `range` in the condition's text.
    public init(_ kind: Kind, _ range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}

/// The infix operators of the condition language.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case and, or
    case equal = "==", notEqual = "!="
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case `in` = "in", notIn = "not in"

    var precedence: Int {
        switch self {
        case .or: return 1
        case .and: return 2
        default: return 4
        }
    }

    var isComparison: Bool { precedence == 4 }
}

/// A problem in a condition, at character offsets; the pack loader turns it into a file location.
public struct ExpressionError: Error, Sendable, Hashable {
    public var message: String
    public var range: Range<Int>
    public var suggestion: String?
    /// The message's stable code, carried into the diagnostic.
    public var code: String?

    /// An error at character `range`, with an optional hint.
    public init(code: String? = nil, _ message: String, at range: Range<Int>, suggestion: String? = nil) {
        self.code = code
        self.message = message
        self.range = range
        self.suggestion = suggestion
    }
}
