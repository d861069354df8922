/// Kleene's three-valued truth: unknown is never read as false.
public enum TruthValue: String, Sendable, Hashable {
    case `true`, `false`, unknown

    public init(_ bool: Bool) { self = bool ? .true : .false }

    public static prefix func ! (v: TruthValue) -> TruthValue {
        switch v {
        case .true: return .false
        case .false: return .true
        case .unknown: return .unknown
        }
    }

    public static func && (a: TruthValue, b: TruthValue) -> TruthValue {
        if a == .false || b == .false { return .false }
        if a == .true && b == .true { return .true }
        return .unknown
    }

    public static func || (a: TruthValue, b: TruthValue) -> TruthValue {
        if a == .true || b == .true { return .true }
        if a == .false && b == .false { return .false }
        return .unknown
    }
}

extension Logic {
    /// The logic's value given each test's value.
    public func evaluate(_ value: (Int) -> TruthValue) -> TruthValue {
        switch self {
        case .constant(let b): return TruthValue(b)
        case .test(let i): return value(i)
        case .not(let inner): return !inner.evaluate(value)
        case .and(let parts):
            var result = TruthValue.true
            for part in parts {
                result = result && part.evaluate(value)
                if result == .false { return .false }
            }
            return result
        case .or(let parts):
            var result = TruthValue.false
            for part in parts {
                result = result || part.evaluate(value)
                if result == .true { return .true }
            }
            return result
        }
    }
}
