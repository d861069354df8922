/// A test in a flat form the evaluator reads without reference counting; anything unusual falls back to `Test`.
struct CompiledTest {
    enum Kind: UInt8 {
        /// bits != 0 (yes/no), bits & mask (single and multiple choice).
        case yes, anyBit
        /// A number question against a constant.
        case numberConstant
        case answered, unknown, declined, asked
        case indicator, derived
        case outcome
        /// Everything else: evaluated from the original `Test`.
        case general
    }

    var kind: Kind
    var op: ComparisonOperator = .equal
    var question: Int = 0
    var mask: UInt64 = 0
    var constant: Double = 0
    /// The item index, or the index of the original test for `general`.
    var index: Int = 0
}

/// A condition ready for fast evaluation, with the original kept for explanations and follow-ups.
final class CompiledCondition: Sendable {
    let source: Condition
    let tests: ContiguousArray<CompiledTest>
    let program: [LogicStep]

    init(_ condition: Condition) {
        source = condition
        program = condition.program
        tests = ContiguousArray(condition.tests.enumerated().map { i, test in
            func mask(_ set: some Sequence<Int>) -> UInt64? {
                var m: UInt64 = 0
                for c in set { guard c < 64 else { return nil }; m |= 1 << UInt64(c) }
                return m
            }
            switch test {
            case .yes(let q): return CompiledTest(kind: .yes, question: q)
            case .choice(let q, let set): if let m = mask(set) { return CompiledTest(kind: .anyBit, question: q, mask: m) }
            case .contains(let q, let c): if let m = mask([c]) { return CompiledTest(kind: .anyBit, question: q, mask: m) }
            case .compare(.question(let q), let op, .constant(let n)): return CompiledTest(kind: .numberConstant, op: op, question: q, constant: n)
            case .answerState(.answered, let q): return CompiledTest(kind: .answered, question: q)
            case .answerState(.unknown, let q): return CompiledTest(kind: .unknown, question: q)
            case .answerState(.declined, let q): return CompiledTest(kind: .declined, question: q)
            case .answerState(.asked, let q): return CompiledTest(kind: .asked, question: q)
            case .item(.indicator(let x)): return CompiledTest(kind: .indicator, index: x)
            case .item(.derived(let x)): return CompiledTest(kind: .derived, index: x)
            case .outcome(let set): if let m = mask(set) { return CompiledTest(kind: .outcome, mask: m) }
            default: break
            }
            return CompiledTest(kind: .general, index: i)
        })
    }
}

/// Every condition of a pack compiled once, when the pack loads.
final class CompiledPack: Sendable {
    let askIfs: [CompiledCondition?]
    let indicators: [CompiledCondition]
    let derived: [CompiledCondition]
    let outcomes: [CompiledCondition]
    let referrals: [CompiledCondition]
    let notices: [CompiledCondition]
    /// The most tests any one condition has, to size the evaluator's buffers.
    let maxTests: Int
    /// For each indicator, the questions its evidence lists (see `Pack.transitiveQuestions`).
    let indicatorEvidence: [[Int]]

    init(_ pack: Pack) {
        askIfs = pack.questions.map { $0.askIf.map(CompiledCondition.init) }
        indicators = pack.indicators.map { CompiledCondition($0.when) }
        derived = pack.derived.map { CompiledCondition($0.when) }
        outcomes = pack.outcomes.map { CompiledCondition($0.when) }
        referrals = pack.referrals.map { CompiledCondition($0.when) }
        notices = pack.notices.map { CompiledCondition($0.when) }
        indicatorEvidence = pack.indicators.map { pack.transitiveQuestions(of: $0.when) }
        maxTests = ([askIfs.compactMap { $0 }, indicators, derived, outcomes, referrals, notices].joined().map(\.tests.count).max() ?? 0)
    }
}
