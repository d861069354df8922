/// Evaluates answer sets against a pack: skip logic, indicators, outcome, referrals, notices and follow-ups.
public struct Evaluator: Sendable {
    public let pack: Pack

    /// Above this many free tests in one condition, "could a follow-up decide it" is assumed rather than enumerated
    /// (2^16 evaluations at most; it errs towards asking a follow-up).
    static let maxEnumeratedTests = 16

    public init(pack: Pack) { self.pack = pack }

    public func evaluate(_ answers: AnswerSet) -> Evaluation {
        var run = EvaluationRun(pack: pack, answers: answers)
        run.evaluate()
        return run.result
    }
}

/// One evaluation in progress; conditions read the states computed so far.
/// Test values go into buffers sized once per run, so evaluating a condition allocates nothing.
struct EvaluationRun {
    let pack: Pack
    private(set) var result: Evaluation
    private var unansweredShare = 0.0
    private var truth: [TruthValue]
    private var free: [Bool]
    private var stack: [TruthValue] = []
    /// The answers flattened for the fast path: 0 none, 1 unknown, 2 declined, 3 a value.
    private var answerKind: [UInt8]
    /// yes = 1 / no = 0, or the chosen choices as bits.
    private var bits: [UInt64]
    private var numbers: [Double]
    private let compiled: CompiledPack

    init(pack: Pack, answers: AnswerSet) {
        self.pack = pack
        compiled = pack.compiled ?? CompiledPack(pack)
        truth = [TruthValue](repeating: .unknown, count: compiled.maxTests)
        free = [Bool](repeating: false, count: compiled.maxTests)
        let count = pack.questions.count
        answerKind = [UInt8](repeating: 0, count: count)
        bits = [UInt64](repeating: 0, count: count)
        numbers = [Double](repeating: 0, count: count)
        for q in 0..<count {
            switch answers[q] {
            case nil: break
            case .unknown?: answerKind[q] = 1
            case .declined?: answerKind[q] = 2
            case .value(let v)?:
                answerKind[q] = 3
                switch v {
                case .yesNo(let b): bits[q] = b ? 1 : 0
                case .choice(let c): bits[q] = c < 64 ? 1 << UInt64(c) : 0
                case .choices(let cs): for c in cs where c < 64 { bits[q] |= 1 << UInt64(c) }
                case .number(let n): numbers[q] = n
                case .date(let d): numbers[q] = Double(d)
                case .text: break
                }
            }
        }
        result = Evaluation(
            answers: answers,
            questionStatus: Array(repeating: .asked, count: count),
            indicatorStates: Array(repeating: .absent, count: pack.indicators.count),
            derivedStates: Array(repeating: .absent, count: pack.derived.count),
            outcome: nil, outcomeValues: [],
            referralStates: Array(repeating: .absent, count: pack.referrals.count),
            noticeStates: Array(repeating: .absent, count: pack.notices.count),
            followUps: [:])
    }

    /// A run that reads the states of a finished evaluation, to look again at single conditions.
    init(pack: Pack, state: Evaluation) {
        self.init(pack: pack, answers: state.answers)
        result = state
        let asked = state.questionStatus.filter { $0 == .asked }.count
        let unresolved = state.questionStatus.indices.filter(state.isUnresolved).count
        unansweredShare = asked == 0 ? 0 : Double(unresolved) / Double(asked)
    }

    mutating func evaluate() {
        var unresolved = 0, asked = 0
        for q in pack.questions.indices {
            if let askIf = compiled.askIfs[q], decide(askIf, key: nil) == .absent {
                result.questionStatus[q] = .notAsked
            } else {
                asked += 1
                if answerKind[q] != 3 { unresolved += 1 }
            }
        }
        unansweredShare = asked == 0 ? 0 : Double(unresolved) / Double(asked)

        for item in pack.evaluationOrder {
            switch item {
            case .indicator(let i): result.indicatorStates[i] = decide(compiled.indicators[i], key: .indicator(i))
            case .derived(let d): result.derivedStates[d] = decide(compiled.derived[d], key: .derived(d))
            }
        }
        result.outcomeValues.reserveCapacity(compiled.outcomes.count)
        for (o, outcome) in compiled.outcomes.enumerated() {
            fill(outcome)
            let value = outcome.program.evaluate(truth, stack: &stack)
            result.outcomeValues.append(value)
            if value == .true, result.outcome == nil { result.outcome = o }
        }
        for (r, referral) in compiled.referrals.enumerated() {
            result.referralStates[r] = decide(referral, key: .referral(r))
        }
        for (n, notice) in compiled.notices.enumerated() {
            result.noticeStates[n] = decide(notice, key: .notice(n))
        }
    }

    /// Each test's value under the current state, for explanations and coverage.
    func testValues(_ condition: Condition) -> [TruthValue] {
        condition.tests.map { value($0).0 }
    }

    /// The condition's value under the current state.
    func evaluate(_ condition: Condition) -> TruthValue {
        var stack: [TruthValue] = []
        return condition.evaluate(testValues(condition), stack: &stack)
    }

    /// Present, absent, or undetermined when some assignment of its free tests makes it true or false.
    private mutating func decide(_ condition: CompiledCondition, key: RuleKey?) -> ItemState {
        fill(condition)
        switch condition.program.evaluate(truth, stack: &stack) {
        case .true: return .present
        case .false: return .absent
        case .unknown: break
        }
        let freeTests = (0..<condition.tests.count).filter { free[$0] }
        guard !freeTests.isEmpty, decidable(condition.program, free: freeTests) else { return .absent }
        if let key { result.followUps[key] = followUpQuestions(condition.source) }
        return .undetermined
    }

    private mutating func decidable(_ program: [LogicStep], free freeTests: [Int]) -> Bool {
        guard freeTests.count <= Evaluator.maxEnumeratedTests else { return true }
        var assignment = truth
        for bits in 0..<(1 << freeTests.count) {
            for (k, i) in freeTests.enumerated() { assignment[i] = TruthValue(bits & (1 << k) != 0) }
            if program.evaluate(assignment, stack: &stack) != .unknown { return true }
        }
        return false
    }

    private func followUpQuestions(_ condition: Condition) -> [Int] {
        var questions = Set<Int>()
        for (i, test) in condition.tests.enumerated() where free[i] {
            if case .item(let item) = test {
                let key: RuleKey = switch item {
                case .indicator(let x): .indicator(x)
                case .derived(let x): .derived(x)
                }
                questions.formUnion(result.followUps[key] ?? [])
            } else {
                questions.formUnion(test.questions.filter(result.isUnresolved))
            }
        }
        return questions.sorted()
    }

    /// Writes each test's value and freedom into `truth` and `free`.
    private mutating func fill(_ condition: CompiledCondition) {
        for (i, test) in condition.tests.enumerated() {
            (truth[i], free[i]) = fastValue(test, condition)
        }
    }

    private static let fixedUnknown = (TruthValue.unknown, false)
    private static let freeUnknown = (TruthValue.unknown, true)

    @inline(__always)
    private func fastValue(_ t: CompiledTest, _ condition: CompiledCondition) -> (TruthValue, Bool) {
        let q = t.question
        switch t.kind {
        case .yes, .anyBit, .numberConstant:
            guard result.questionStatus[q] == .asked else { return Self.fixedUnknown }
            guard answerKind[q] == 3 else { return Self.freeUnknown }
            switch t.kind {
            case .yes: return (TruthValue(bits[q] != 0), false)
            case .anyBit: return (TruthValue(bits[q] & t.mask != 0), false)
            default: return (TruthValue(t.op.holds(numbers[q], t.constant)), false)
            }
        case .answered: return (TruthValue(result.questionStatus[q] == .asked && answerKind[q] == 3), false)
        case .unknown: return (TruthValue(result.questionStatus[q] == .asked && answerKind[q] <= 1), false)
        case .declined: return (TruthValue(result.questionStatus[q] == .asked && answerKind[q] == 2), false)
        case .asked: return (TruthValue(result.questionStatus[q] == .asked), false)
        case .indicator: return Self.itemValue(result.indicatorStates[t.index])
        case .derived: return Self.itemValue(result.derivedStates[t.index])
        case .outcome: return (TruthValue(result.outcome.map { t.mask & (1 << UInt64($0)) != 0 } ?? false), false)
        case .general: return value(condition.source.tests[t.index])
        }
    }

    private static func itemValue(_ state: ItemState) -> (TruthValue, Bool) {
        switch state {
        case .present: return (.true, false)
        case .absent: return (.false, false)
        case .undetermined: return freeUnknown
        }
    }

    /// A test's value, and whether an unknown one is free: decidable by answering asked questions.
    private func value(_ test: Test) -> (TruthValue, Bool) {
        switch test {
        case .yes(let q):
            return answerValue(q) { if case .yesNo(let b) = $0 { return b } else { return nil } }
        case .choice(let q, let choices):
            return answerValue(q) { if case .choice(let c) = $0 { return choices.contains(c) } else { return nil } }
        case .contains(let q, let choice):
            return answerValue(q) { if case .choices(let cs) = $0 { return cs.contains(choice) } else { return nil } }
        case .textEquals(let q, let text):
            return answerValue(q) { if case .text(let t) = $0 { return t == text } else { return nil } }
        case .date(let q, let op, let day):
            return answerValue(q) { if case .date(let d) = $0 { return op.holds(d, day) } else { return nil } }
        case .compare(let l, let op, let r):
            let a = number(l), b = number(r)
            if a.notAsked || b.notAsked { return Self.fixedUnknown }
            guard let x = a.value, let y = b.value else { return Self.freeUnknown }
            return (TruthValue(op.holds(x, y)), false)
        case .answerState(let function, let q):
            let asked = result.questionStatus[q] == .asked
            let answer = result.answers[q]
            switch function {
            case .asked: return (TruthValue(asked), false)
            case .answered: if case .value = answer, asked { return (.true, false) } else { return (.false, false) }
            case .declined: return (TruthValue(asked && answer == .declined), false)
            case .unknown: return (TruthValue(asked && (answer == nil || answer == .unknown)), false)
            }
        case .item(let item):
            return Self.itemValue(result.state(of: item))
        case .outcome(let outcomes):
            return (TruthValue(result.outcome.map(outcomes.contains) ?? false), false)
        }
    }

    private func answerValue(_ q: Int, _ read: (AnswerValue) -> Bool?) -> (TruthValue, Bool) {
        guard result.questionStatus[q] == .asked else { return Self.fixedUnknown }
        guard case .value(let v) = result.answers[q], let b = read(v) else { return Self.freeUnknown }
        return (TruthValue(b), false)
    }

    private func number(_ term: NumericTerm) -> (value: Double?, notAsked: Bool) {
        switch term {
        case .constant(let n): return (n, false)
        case .question(let q):
            guard result.questionStatus[q] == .asked else { return (nil, true) }
            if case .value(.number(let n)) = result.answers[q] { return (n, false) }
            return (nil, false)
        case .count(let list): return (Double(list.count { result.indicatorStates[$0] == .present }), false)
        case .undetermined(let list): return (Double(list.count { result.indicatorStates[$0] == .undetermined }), false)
        case .unansweredShare: return (unansweredShare, false)
        }
    }
}

extension Array where Element == TruthValue {
    /// The array as the lookup function `Logic.evaluate` takes.
    var lookup: (Int) -> TruthValue { { self[$0] } }
}
