/// Kleene's three-valued truth: unknown is never read as false.
public enum TruthValue: String, Sendable, Hashable {
    case `true`, `false`, unknown

    /// The definite value of a Swift boolean.
    public init(_ bool: Bool) { self = bool ? .true : .false }

    /// Kleene negation: unknown stays unknown.
    public static prefix func ! (v: TruthValue) -> TruthValue {
        switch v {
        case .true: return .false
        case .false: return .true
        case .unknown: return .unknown
        }
    }

    /// Kleene and: false wins, then unknown.
    public static func && (a: TruthValue, b: TruthValue) -> TruthValue {
        if a == .false || b == .false { return .false }
        if a == .true && b == .true { return .true }
        return .unknown
    }

    /// Kleene or: true wins, then unknown.
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

/// One step of a condition's logic in postfix order, for evaluation without recursion or reference counting.
public enum LogicStep: Sendable, Hashable {
    case constant(Bool)
    case test(Int)
    case not
    case and(Int)
    case or(Int)
}

extension Logic {
    /// The logic flattened to postfix steps.
    public var program: [LogicStep] {
        var steps: [LogicStep] = []
        func emit(_ logic: Logic) {
            switch logic {
            case .constant(let b): steps.append(.constant(b))
            case .test(let i): steps.append(.test(i))
            case .not(let inner): emit(inner); steps.append(.not)
            case .and(let parts): parts.forEach(emit); steps.append(.and(parts.count))
            case .or(let parts): parts.forEach(emit); steps.append(.or(parts.count))
            }
        }
        emit(self)
        return steps
    }
}

extension Condition {
    /// The condition's value given each test's value; `stack` is scratch space reused between calls.
    public func evaluate(_ values: [TruthValue], stack: inout [TruthValue]) -> TruthValue {
        program.evaluate(values, stack: &stack)
    }
}

extension Array where Element == LogicStep {
    /// The program's value given each test's value; `stack` is scratch space reused between calls.
    public func evaluate(_ values: [TruthValue], stack: inout [TruthValue]) -> TruthValue {
        if stack.count < count { stack = [TruthValue](repeating: .unknown, count: count) }
        return withUnsafeBufferPointer { program in
            values.withUnsafeBufferPointer { values in
                stack.withUnsafeMutableBufferPointer { program.evaluate(values.baseAddress!, stack: $0.baseAddress!) }
            }
        }
    }
}

extension UnsafeBufferPointer where Element == LogicStep {
    /// The program's value given each test's value; `stack` must have room for `count` values.
    func evaluate(_ values: UnsafePointer<TruthValue>, stack: UnsafeMutablePointer<TruthValue>) -> TruthValue {
        var top = 0
        for step in self {
            switch step {
            case .constant(let b): stack[top] = TruthValue(b); top += 1
            case .test(let i): stack[top] = values[i]; top += 1
            case .not: stack[top - 1] = !stack[top - 1]
            case .and(let n):
                var result = TruthValue.true
                for k in (top - n)..<top { result = result && stack[k] }
                top -= n
                stack[top] = result
                top += 1
            case .or(let n):
                var result = TruthValue.false
                for k in (top - n)..<top { result = result || stack[k] }
                top -= n
                stack[top] = result
                top += 1
            }
        }
        return top > 0 ? stack[top - 1] : .unknown
    }
}
