/// One evaluation in progress; conditions read the states computed so far.
/// Its working memory is allocated once, as buffers that the innermost loops read and write without reference
/// counting, copies or uniqueness checks; a batch reuses one run for every answer set.
package final class EvaluationRun {
    let pack: Pack
    let compiled: CompiledConditions
    let answers: AnswerTable
    let asked: UnsafeMutableBufferPointer<Bool>
    let indicatorStates: UnsafeMutableBufferPointer<ItemState>
    let derivedStates: UnsafeMutableBufferPointer<ItemState>
    let referralStates: UnsafeMutableBufferPointer<ItemState>
    let noticeStates: UnsafeMutableBufferPointer<ItemState>
    /// Index of the first outcome whose condition is true, if any.
    private(set) var outcome: Int?
    let outcomeValues: UnsafeMutableBufferPointer<TruthValue>
    private(set) var unansweredShare = 0.0
    /// The indicators the outcome rests on, once traced.
    private var outcomeSupport: [Int]?
    /// For each undetermined rule, the unresolved questions that could decide it: a bit set of `questionWords`
    /// words per rule, at the rule's `slot`. Only read for rules that are undetermined.
    private let followUpBits: UnsafeMutableBufferPointer<UInt64>
    let questionWords: Int
    private let scratch: ConditionScratch

    init(pack: Pack) {
        self.pack = pack
        compiled = pack.compiled
        let questions = pack.questions.count
        answers = AnswerTable(questionCount: questions)
        asked = .allocate(repeating: true, count: questions)
        indicatorStates = .allocate(repeating: .absent, count: pack.indicators.count)
        derivedStates = .allocate(repeating: .absent, count: pack.derived.count)
        referralStates = .allocate(repeating: .absent, count: pack.referrals.count)
        noticeStates = .allocate(repeating: .absent, count: pack.notices.count)
        outcomeValues = .allocate(repeating: .unknown, count: pack.outcomes.count)
        questionWords = (questions + 63) / 64
        let rules = pack.indicators.count + pack.derived.count + pack.referrals.count + pack.notices.count
        followUpBits = .allocate(repeating: 0, count: rules * questionWords)
        scratch = ConditionScratch(tests: compiled.maxTests, steps: compiled.maxSteps, indicators: pack.indicators.count)
    }

    deinit {
        asked.deallocate()
        indicatorStates.deallocate()
        derivedStates.deallocate()
        referralStates.deallocate()
        noticeStates.deallocate()
        outcomeValues.deallocate()
        followUpBits.deallocate()
    }

    convenience init(pack: Pack, answers: AnswerSet) {
        self.init(pack: pack)
        self.answers.load(answers)
    }

    /// A run that reads the states of a finished evaluation, to look again at single conditions.
    package convenience init(pack: Pack, state: Evaluation) {
        self.init(pack: pack, answers: state.answers)
        for q in asked.indices { asked[q] = state.questionStatus[q] == .asked }
        _ = indicatorStates.update(fromContentsOf: state.indicatorStates)
        _ = derivedStates.update(fromContentsOf: state.derivedStates)
        _ = referralStates.update(fromContentsOf: state.referralStates)
        _ = noticeStates.update(fromContentsOf: state.noticeStates)
        _ = outcomeValues.update(fromContentsOf: state.outcomeValues)
        outcome = state.outcome
        for (key, questions) in state.followUps {
            guard let slot = slot(key) else { continue }
            for q in questions { addFollowUp(q, slot: slot) }
        }
        measureUnansweredShare()
    }

    /// Evaluates `answers` from the start.
    func evaluate() {
        reset()
        for q in asked.indices {
            if let askIf = compiled.askIfs[q], decide(askIf, slot: nil) == .absent { asked[q] = false }
        }
        measureUnansweredShare()

        for item in pack.evaluationOrder {
            switch item {
            case .indicator(let i): indicatorStates[i] = decide(compiled.indicators[i], slot: i)
            case .derived(let d): derivedStates[d] = decide(compiled.derived[d], slot: compiled.derivedSlots + d)
            }
        }
        for o in compiled.outcomes.indices {
            let value = evaluateCompiled(compiled.outcomes[o])
            outcomeValues[o] = value
            if value == .true, outcome == nil { outcome = o }
        }
        for r in compiled.referrals.indices {
            referralStates[r] = decide(compiled.referrals[r], slot: compiled.referralSlots + r)
        }
        for n in compiled.notices.indices {
            noticeStates[n] = decide(compiled.notices[n], slot: compiled.noticeSlots + n)
        }
    }

    private func reset() {
        asked.update(repeating: true)
        indicatorStates.update(repeating: .absent)
        derivedStates.update(repeating: .absent)
        referralStates.update(repeating: .absent)
        noticeStates.update(repeating: .absent)
        outcome = nil
        outcomeSupport = nil
    }

    /// The share of asked questions left unresolved, which `unanswered_share()` reads.
    private func measureUnansweredShare() {
        let askedCount = asked.count { $0 }
        let unresolved = asked.indices.count(where: isUnresolved)
        unansweredShare = askedCount == 0 ? 0 : Double(unresolved) / Double(askedCount)
    }

    /// The evaluation as the public value, with the answer set it was run on.
    func evaluation(answers set: AnswerSet) -> Evaluation {
        var followUps: [RuleKey: [Int]] = [:]
        let groups: [(UnsafeMutableBufferPointer<ItemState>, (Int) -> RuleKey)] = [(indicatorStates, RuleKey.indicator), (derivedStates, RuleKey.derived),
                                                         (referralStates, RuleKey.referral), (noticeStates, RuleKey.notice)]
        for (states, key) in groups {
            for (x, state) in states.enumerated() where state == .undetermined {
                followUps[key(x)] = followUpQuestions(slot: slot(key(x))!)
            }
        }
        return Evaluation(answers: set, questionStatus: asked.map { $0 ? .asked : .notAsked },
                          indicatorStates: Array(indicatorStates), derivedStates: Array(derivedStates),
                          outcome: outcome, outcomeValues: Array(outcomeValues),
                          referralStates: Array(referralStates), noticeStates: Array(noticeStates), followUps: followUps)
    }

    /// True when the question was asked and answered unknown, declined, or not at all.
    @inline(__always)
    func isUnresolved(_ q: Int) -> Bool { asked[q] && answers.kinds[q] != .value }

    /// Where a rule's follow-up questions are kept; outcomes have none.
    func slot(_ key: RuleKey) -> Int? {
        switch key {
        case .indicator(let i): return i
        case .derived(let d): return compiled.derivedSlots + d
        case .referral(let r): return compiled.referralSlots + r
        case .notice(let n): return compiled.noticeSlots + n
        case .outcome: return nil
        }
    }

    /// The follow-up questions of an undetermined rule, in question order.
    func followUpQuestions(slot: Int) -> [Int] {
        var questions: [Int] = []
        for w in 0..<questionWords {
            var word = followUpWord(slot: slot, word: w)
            while word != 0 {
                questions.append(w * 64 + word.trailingZeroBitCount)
                word &= word - 1
            }
        }
        return questions
    }

    /// Questions `64 * word ..< 64 * (word + 1)` of a rule's follow-ups, as bits.
    func followUpWord(slot: Int, word: Int) -> UInt64 { followUpBits[slot * questionWords + word] }

    private func addFollowUp(_ q: Int, slot: Int) {
        followUpBits[slot * questionWords + q / 64] |= 1 << UInt64(q % 64)
    }

    /// Each test's value under the current state, for explanations and coverage.
    package func testValues(_ condition: Condition) -> [TruthValue] {
        condition.tests.map { value($0).0 }
    }

    /// The condition's value under the current state.
    func evaluate(_ condition: Condition) -> TruthValue {
        var stack: [TruthValue] = []
        return condition.evaluate(testValues(condition), stack: &stack)
    }

    /// The present indicators a condition rests on, through derived conditions, `count()` and the outcome, in pack order.
    func supportingIndicators(of condition: Condition) -> [Int] {
        if outcomeSupport == nil, let outcome {
            // Many referrals rest on the outcome: trace it once.
            var found: [Int] = []
            collectIndicators(pack.outcomes[outcome].when, into: &found)
            for i in found { scratch.supporting[i] = false }
            outcomeSupport = found
        }
        var found: [Int] = []
        collectIndicators(condition, into: &found)
        for i in found { scratch.supporting[i] = false }
        return found.sorted()
    }

    /// Adds to `found` the indicators not yet marked in `scratch.supporting`, and marks them.
    private func collectIndicators(_ condition: Condition, into found: inout [Int]) {
        func add(_ i: Int) {
            guard !scratch.supporting[i] else { return }
            scratch.supporting[i] = true
            found.append(i)
        }
        // Only tests that came out true support the result.
        for test in condition.tests where value(test).0 == .true {
            switch test {
            case .item(.indicator(let i)): add(i)
            case .item(.derived(let d)): collectIndicators(pack.derived[d].when, into: &found)
            case .compare(let l, _, let r):
                for i in l.indicators where indicatorStates[i] == .present { add(i) }
                for i in r.indicators where indicatorStates[i] == .present { add(i) }
            case .outcome:
                for i in outcomeSupport ?? [] { add(i) }
            default: break
            }
        }
    }

    /// Present, absent, or undetermined when some assignment of its free tests makes it true or false.
    private func decide(_ condition: CompiledCondition, slot: Int?) -> ItemState {
        switch evaluateCompiled(condition) {
        case .true: return .present
        case .false: return .absent
        case .unknown: break
        }
        var freeTests = 0
        for i in 0..<condition.tests.count where scratch.free[i] {
            scratch.freeTests[freeTests] = i
            freeTests += 1
        }
        guard freeTests > 0, decidable(condition, freeTests: freeTests) else { return .absent }
        if let slot { recordFollowUps(condition, freeTests: freeTests, slot: slot) }
        return .undetermined
    }

    /// Fills in the condition's test values and evaluates it.
    @inline(__always)
    private func evaluateCompiled(_ condition: CompiledCondition) -> TruthValue {
        switch condition.shape {
        case .allOf: return chain(condition, settledBy: .false)
        case .anyOf: return chain(condition, settledBy: .true)
        case .program:
            let tests = compiled.tests.baseAddress! + condition.tests.lowerBound
            for k in 0..<condition.tests.count {
                (scratch.truth[k], scratch.free[k]) = fastValue(tests[k], condition)
            }
            return run(condition, on: scratch.truth)
        }
    }

    /// An `and` chain (settled by a false test) or an `or` chain (by a true one); otherwise any unknown leaves it unknown.
    @inline(__always)
    private func chain(_ condition: CompiledCondition, settledBy decisive: TruthValue) -> TruthValue {
        let tests = compiled.tests.baseAddress! + condition.tests.lowerBound
        let truth = scratch.truth, free = scratch.free
        var result = !decisive
        for k in 0..<condition.tests.count {
            (truth[k], free[k]) = fastValue(tests[k], condition)
            if truth[k] == decisive { return decisive }
            if truth[k] == .unknown { result = .unknown }
        }
        return result
    }

    private func run(_ condition: CompiledCondition, on values: UnsafeMutableBufferPointer<TruthValue>) -> TruthValue {
        UnsafeBufferPointer(rebasing: compiled.steps[condition.steps]).evaluate(UnsafePointer(values.baseAddress!), stack: scratch.stack.baseAddress!)
    }

    private func decidable(_ condition: CompiledCondition, freeTests: Int) -> Bool {
        guard freeTests <= Evaluator.maxEnumeratedTests else { return true }
        let assignment = scratch.assignment
        for i in 0..<condition.tests.count { assignment[i] = scratch.truth[i] }
        for bits in 0..<(1 << freeTests) {
            for k in 0..<freeTests { assignment[scratch.freeTests[k]] = TruthValue(bits & (1 << k) != 0) }
            if run(condition, on: assignment) != .unknown { return true }
        }
        return false
    }

    /// Keeps the unresolved questions behind the condition's free tests, through the rules it names.
    private func recordFollowUps(_ condition: CompiledCondition, freeTests: Int, slot: Int) {
        let base = slot * questionWords
        for w in 0..<questionWords { followUpBits[base + w] = 0 }
        for k in 0..<freeTests {
            let i = scratch.freeTests[k]
            let test = compiled.tests[condition.tests.lowerBound + i]
            switch test.kind {
            case .indicator, .derived:
                let from = (test.kind == .indicator ? test.index : compiled.derivedSlots + test.index) * questionWords
                for w in 0..<questionWords { followUpBits[base + w] |= followUpBits[from + w] }
            default:
                for q in compiled.testQuestions[condition.tests.lowerBound + i] where isUnresolved(q) { addFollowUp(q, slot: slot) }
            }
        }
    }

    private static let fixedUnknown = (TruthValue.unknown, false)
    private static let freeUnknown = (TruthValue.unknown, true)

    @inline(__always)
    private func fastValue(_ t: CompiledTest, _ condition: CompiledCondition) -> (TruthValue, Bool) {
        let q = t.question
        switch t.kind {
        case .yes, .anyBit, .numberConstant:
            guard asked[q] else { return Self.fixedUnknown }
            guard answers.kinds[q] == .value else { return Self.freeUnknown }
            switch t.kind {
            case .yes: return (TruthValue(answers.bits[q] != 0), false)
            case .anyBit: return (TruthValue(answers.bits[q] & t.mask != 0), false)
            default: return (TruthValue(t.op.holds(answers.numbers[q], t.constant)), false)
            }
        case .answerState: return (TruthValue(holds(t.function, for: q)), false)
        case .indicator: return Self.itemValue(indicatorStates[t.index])
        case .derived: return Self.itemValue(derivedStates[t.index])
        case .outcome: return (TruthValue(outcome.map { t.mask & (1 << UInt64($0)) != 0 } ?? false), false)
        case .general: return value(compiled.sources[condition.source].tests[t.index])
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
            return answerValue(q) { answers.bits[q] != 0 }
        case .choice(let q, let choices):
            return answerValue(q) { choices.contains(answers.choice(q)) }
        case .contains(let q, let choice):
            return answerValue(q) { answers.contains(q, choice: choice) }
        case .textEquals(let q, let text):
            guard asked[q] else { return Self.fixedUnknown }
            guard let answer = answers.text(q) else { return Self.freeUnknown }
            return (TruthValue(answer == text), false)
        case .date(let q, let op, let day):
            return answerValue(q) { op.holds(Int(answers.numbers[q]), day) }
        case .compare(let l, let op, let r):
            let a = number(l), b = number(r)
            if a.notAsked || b.notAsked { return Self.fixedUnknown }
            guard let x = a.value, let y = b.value else { return Self.freeUnknown }
            return (TruthValue(op.holds(x, y)), false)
        case .answerState(let function, let q):
            return (TruthValue(holds(function, for: q)), false)
        case .item(.indicator(let i)):
            return Self.itemValue(indicatorStates[i])
        case .item(.derived(let d)):
            return Self.itemValue(derivedStates[d])
        case .outcome(let outcomes):
            return (TruthValue(outcome.map(outcomes.contains) ?? false), false)
        }
    }

    /// `answered(q)`, `unknown(q)`, `declined(q)`, `asked(q)`; a question not answered at all counts as unknown.
    private func holds(_ function: AnswerStateFunction, for q: Int) -> Bool {
        guard asked[q] else { return false }
        switch function {
        case .asked: return true
        case .answered: return answers.kinds[q] == .value
        case .declined: return answers.kinds[q] == .declined
        case .unknown: return answers.kinds[q] == .none || answers.kinds[q] == .unknown
        }
    }

    private func answerValue(_ q: Int, _ read: () -> Bool) -> (TruthValue, Bool) {
        guard asked[q] else { return Self.fixedUnknown }
        guard answers.kinds[q] == .value else { return Self.freeUnknown }
        return (TruthValue(read()), false)
    }

    private func number(_ term: NumericTerm) -> (value: Double?, notAsked: Bool) {
        switch term {
        case .constant(let n): return (n, false)
        case .question(let q):
            guard asked[q] else { return (nil, true) }
            return answers.kinds[q] == .value ? (answers.numbers[q], false) : (nil, false)
        case .count(let list): return (Double(list.count { indicatorStates[$0] == .present }), false)
        case .undetermined(let list): return (Double(list.count { indicatorStates[$0] == .undetermined }), false)
        case .unansweredShare: return (unansweredShare, false)
        }
    }
}

extension Array where Element == TruthValue {
    /// The array as the lookup function `Logic.evaluate` takes.
    var lookup: (Int) -> TruthValue { { self[$0] } }
}
