/// A test in a flat form the evaluator reads without reference counting; anything unusual falls back to `Test`.
struct CompiledTest {
    enum Kind: UInt8 {
        /// bits != 0 (yes/no), bits & mask (single and multiple choice).
        case yes, anyBit
        /// A number question against a constant.
        case numberConstant
        /// `answered(q)`, `unknown(q)`, `declined(q)` or `asked(q)`, as `function` says.
        case answerState
        case indicator, derived
        case outcome
        /// Everything else: evaluated from the original `Test`.
        case general
    }

    var kind: Kind
    var op: ComparisonOperator = .equal
    var function: AnswerStateFunction = .asked
    var question: Int = 0
    var mask: UInt64 = 0
    var constant: Double = 0
    /// The item index, or the index of the original test for `general`.
    var index: Int = 0

    init(kind: Kind, op: ComparisonOperator = .equal, function: AnswerStateFunction = .asked, question: Int = 0, mask: UInt64 = 0,
         constant: Double = 0, index: Int = 0) {
        (self.kind, self.op, self.function, self.question, self.mask, self.constant, self.index) = (kind, op, function, question, mask, constant, index)
    }

    init(_ test: Test, at i: Int) {
        func mask(_ set: some Sequence<Int>) -> UInt64? {
            var m: UInt64 = 0
            for c in set { guard c < 64 else { return nil }; m |= 1 << UInt64(c) }
            return m
        }
        switch test {
        case .yes(let q): self.init(kind: .yes, question: q); return
        case .choice(let q, let set): if let m = mask(set) { self.init(kind: .anyBit, question: q, mask: m); return }
        case .contains(let q, let c): if let m = mask([c]) { self.init(kind: .anyBit, question: q, mask: m); return }
        case .compare(.question(let q), let op, .constant(let n)): self.init(kind: .numberConstant, op: op, question: q, constant: n); return
        case .answerState(let function, let q): self.init(kind: .answerState, function: function, question: q); return
        case .item(.indicator(let x)): self.init(kind: .indicator, index: x); return
        case .item(.derived(let x)): self.init(kind: .derived, index: x); return
        case .outcome(let set): if let m = mask(set) { self.init(kind: .outcome, mask: m); return }
        default: break
        }
        self.init(kind: .general, index: i)
    }
}

/// A condition ready for fast evaluation: where its tests and logic steps sit in the pack's pools.
struct CompiledCondition {
    enum Shape {
        /// All tests joined by `and` (or a single test), or all joined by `or`: evaluated in one pass that stops
        /// at the first test deciding the result.
        case allOf, anyOf
        case program
    }

    let tests: Range<Int>
    let steps: Range<Int>
    let shape: Shape
    /// The original condition, in `CompiledConditions.sources`, for unusual tests.
    let source: Int
}

/// Every condition of a pack compiled once, when the pack is built, into flat pools that the evaluator reads
/// without reference counting. Immutable once built.
public final class CompiledConditions: @unchecked Sendable {
    let tests: UnsafeMutableBufferPointer<CompiledTest>
    let steps: UnsafeMutableBufferPointer<LogicStep>
    /// The questions each pooled test reads, for follow-ups.
    let testQuestions: [[Int]]
    let sources: [Condition]
    let askIfs: [CompiledCondition?]
    let indicators: [CompiledCondition]
    let derived: [CompiledCondition]
    let outcomes: [CompiledCondition]
    let referrals: [CompiledCondition]
    let notices: [CompiledCondition]
    /// The most tests and logic steps any one condition has, to size the evaluator's buffers.
    let maxTests: Int, maxSteps: Int
    /// For each indicator, the questions its evidence lists.
    let indicatorEvidence: [[Int]]
    /// Where each kind of rule starts in the evaluator's per-rule tables: indicators first, then these.
    let derivedSlots: Int, referralSlots: Int, noticeSlots: Int

    /// `indicatorEvidence` holds, for each indicator, the questions its evidence lists.
    init(askIfs: [Condition?], indicators: [Condition], derived: [Condition], outcomes: [Condition], referrals: [Condition],
         notices: [Condition], indicatorEvidence: [[Int]]) {
        var tests: [CompiledTest] = [], steps: [LogicStep] = [], questions: [[Int]] = [], sources: [Condition] = []
        func compile(_ condition: Condition) -> CompiledCondition {
            let program = condition.program
            let n = condition.tests.count
            let plain = program.count == n + (n > 1 ? 1 : 0) && program.prefix(n).enumerated().allSatisfy { $1 == .test($0) }
            let shape: CompiledCondition.Shape = !plain ? .program : n == 1 || program.last == .and(n) ? .allOf : program.last == .or(n) ? .anyOf : .program
            let compiled = CompiledCondition(tests: tests.count..<(tests.count + n), steps: steps.count..<(steps.count + program.count),
                                             shape: shape, source: sources.count)
            tests += condition.tests.enumerated().map { CompiledTest($1, at: $0) }
            questions += condition.tests.map(\.questions)
            steps += program
            sources.append(condition)
            return compiled
        }
        self.askIfs = askIfs.map { $0.map(compile) }
        self.indicators = indicators.map(compile)
        self.derived = derived.map(compile)
        self.outcomes = outcomes.map(compile)
        self.referrals = referrals.map(compile)
        self.notices = notices.map(compile)
        self.tests = .allocate(capacity: tests.count)
        _ = self.tests.initialize(from: tests)
        self.steps = .allocate(capacity: steps.count)
        _ = self.steps.initialize(from: steps)
        testQuestions = questions
        self.sources = sources
        self.indicatorEvidence = indicatorEvidence
        derivedSlots = indicators.count
        referralSlots = derivedSlots + derived.count
        noticeSlots = referralSlots + referrals.count
        let all = [self.askIfs.compactMap { $0 }, self.indicators, self.derived, self.outcomes, self.referrals, self.notices].joined()
        maxTests = all.map(\.tests.count).max() ?? 0
        maxSteps = all.map(\.steps.count).max() ?? 0
    }

    deinit {
        tests.deallocate()
        steps.deallocate()
    }
}
