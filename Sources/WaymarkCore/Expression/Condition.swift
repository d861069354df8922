/// A condition checked against a pack: its logic over a table of atomic tests.
public struct Condition: Sendable {
    /// The condition as written in the pack.
    public var text: String
    /// Where each character of `text` stands in its file (one entry per character, plus one past the end).
    public var locator: ConditionLocator
    public var logic: Logic
    /// The distinct tests the logic combines; identical tests share one entry.
    public var tests: [Test]
    /// The character range of each test's first appearance in `text`.
    public var testRanges: [Range<Int>]

    /// Questions this condition tests directly, in pack order.
    public let questions: [Int]
    /// `logic` in postfix steps, for fast evaluation.
    public let program: [LogicStep]

    /// A compiled condition; the questions it reads and its postfix program are worked out here.
    public init(text: String, locator: ConditionLocator, logic: Logic, tests: [Test], testRanges: [Range<Int>]) {
        self.text = text
        self.locator = locator
        self.logic = logic
        self.tests = tests
        self.testRanges = testRanges
        questions = Array(Set(tests.flatMap(\.questions))).sorted()
        program = logic.program
    }

    public var location: SourceLocation { locator.location(at: 0) }

    /// The text of test `index` as written.
    public func testText(_ index: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        let range = testRanges[index].clamped(to: 0..<scalars.count)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    /// Indicators and derived conditions this condition refers to directly, including through `count()`.
    public var items: Set<ItemReference> {
        Set(tests.flatMap { test -> [ItemReference] in
            switch test {
            case .item(let item): return [item]
            case .compare(let l, _, let r): return l.indicators.map(ItemReference.indicator) + r.indicators.map(ItemReference.indicator)
            default: return []
            }
        })
    }

    public var usesOutcome: Bool { tests.contains { if case .outcome = $0 { return true } else { return false } } }
}

/// Boolean structure of a condition; leaves are indexes into `Condition.tests`.
public indirect enum Logic: Sendable, Hashable {
    case constant(Bool)
    case test(Int)
    case not(Logic)
    case and([Logic])
    case or([Logic])
}

/// One atomic test on the answers or on other rules.
public enum Test: Sendable, Hashable {
    /// A yes/no question answered yes.
    case yes(question: Int)
    /// A single-choice question answered with one of these choices.
    case choice(question: Int, choices: Set<Int>)
    /// A multiple-choice question whose answer includes this choice.
    case contains(question: Int, choice: Int)
    case compare(NumericTerm, ComparisonOperator, NumericTerm)
    case textEquals(question: Int, String)
    /// A date question compared with a day (days since 1970-01-01).
    case date(question: Int, ComparisonOperator, Int)
    /// `answered(q)`, `unknown(q)`, `declined(q)`, `asked(q)`: always true or false.
    case answerState(AnswerStateFunction, question: Int)
    case item(ItemReference)
    case outcome(Set<Int>)

    /// Whether the test reads the state of `item`, directly or through `count()`.
    public func refers(to item: ItemReference) -> Bool {
        switch (self, item) {
        case (.item(let x), _): return x == item
        case (.compare(let l, _, let r), .indicator(let i)): return l.indicators.contains(i) || r.indicators.contains(i)
        default: return false
        }
    }

    /// The questions whose answers this test reads.
    public var questions: [Int] {
        switch self {
        case .yes(let q), .choice(let q, _), .contains(let q, _), .textEquals(let q, _), .date(let q, _, _): return [q]
        case .compare(let l, _, let r): return l.questions + r.questions
        case .answerState, .item, .outcome: return []
        }
    }
}

/// The functions that ask about an answer's state rather than its value.
public enum AnswerStateFunction: String, Sendable, Hashable, CaseIterable {
    case answered, unknown, declined, asked
}

/// A number inside a comparison.
public enum NumericTerm: Sendable, Hashable {
    case constant(Double)
    case question(Int)
    /// `count(...)`: how many of these indicators are present.
    case count([Int])
    /// `undetermined(...)`: how many of these indicators are undetermined.
    case undetermined([Int])
    case unansweredShare

    var questions: [Int] {
        if case .question(let q) = self { return [q] }
        return []
    }

    var indicators: [Int] {
        switch self {
        case .count(let list), .undetermined(let list): return list
        default: return []
        }
    }
}

/// A comparison between two numbers, dates or choices.
public enum ComparisonOperator: String, Sendable, Hashable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    /// Whether `a` and `b` stand in this relation.
    public func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch self {
        case .equal: return a == b
        case .notEqual: return a != b
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        }
    }

    /// The operator that gives the same result with its operands swapped.
    var mirrored: ComparisonOperator {
        switch self {
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        default: return self
        }
    }
}

/// Maps character offsets in a condition's text to places in its file.
public struct ConditionLocator: Sendable {
    var base: SourceLocation
    /// Line and column for each character offset; empty when the text sits on one line after `base`.
    var positions: [(line: Int, column: Int)]

    /// A locator from the place of the first character, with explicit positions when the text spans lines.
    public init(base: SourceLocation, positions: [(line: Int, column: Int)] = []) {
        self.base = base
        self.positions = positions
    }

    /// The file location of the character at `offset`.
    public func location(at offset: Int) -> SourceLocation {
        if positions.isEmpty { return base.advanced(by: offset) }
        let p = positions[max(0, min(offset, positions.count - 1))]
        return SourceLocation(file: base.file, line: p.line, column: p.column)
    }
}
