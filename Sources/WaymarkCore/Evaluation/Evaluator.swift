/// Evaluates answer sets against a pack: skip logic, indicators, outcome, referrals, notices and follow-ups.
public struct Evaluator: Sendable {
    public let pack: Pack

    /// Above this many free tests in one condition, "could a follow-up decide it" is assumed rather than enumerated.
    static let maxEnumeratedTests = 12

    public init(pack: Pack) { self.pack = pack }

    public func evaluate(_ answers: AnswerSet) -> Evaluation {
        var run = Run(pack: pack, answers: answers)
        run.evaluate()
        return run.result
    }

    /// One evaluation in progress; conditions read the states computed so far.
    struct Run {
        let pack: Pack
        var result: Evaluation
        private var unansweredShare = 0.0

        /// A run that reads the states of a finished evaluation, to re-evaluate single conditions.
        init(pack: Pack, answers: AnswerSet, state: Evaluation) {
            self.init(pack: pack, answers: answers)
            result = state
            let asked = state.questionStatus.filter { $0 == .asked }.count
            let unresolved = state.questionStatus.indices.filter(state.isUnresolved).count
            unansweredShare = asked == 0 ? 0 : Double(unresolved) / Double(asked)
        }

        init(pack: Pack, answers: AnswerSet) {
            self.pack = pack
            result = Evaluation(
                answers: answers,
                questionStatus: Array(repeating: .asked, count: pack.questions.count),
                indicatorStates: Array(repeating: .absent, count: pack.indicators.count),
                derivedStates: Array(repeating: .absent, count: pack.derived.count),
                outcome: nil, outcomeValues: [],
                referralStates: Array(repeating: .absent, count: pack.referrals.count),
                noticeStates: Array(repeating: .absent, count: pack.notices.count),
                followUps: [:])
        }

        mutating func evaluate() {
            var unresolved = 0
            for (q, question) in pack.questions.enumerated() {
                if let askIf = question.askIf, decide(askIf, key: nil) == .absent {
                    result.questionStatus[q] = .notAsked
                } else if result.isUnresolved(q) {
                    unresolved += 1
                }
            }
            let asked = result.questionStatus.filter { $0 == .asked }.count
            unansweredShare = asked == 0 ? 0 : Double(unresolved) / Double(asked)

            for item in pack.evaluationOrder {
                switch item {
                case .indicator(let i): result.indicatorStates[i] = decide(pack.indicators[i].when, key: .indicator(i))
                case .derived(let d): result.derivedStates[d] = decide(pack.derived[d].when, key: .derived(d))
                }
            }
            for (o, outcome) in pack.outcomes.enumerated() {
                let value = outcome.when.logic.evaluate(testValues(outcome.when).map(\.value).lookup)
                result.outcomeValues.append(value)
                if value == .true, result.outcome == nil { result.outcome = o }
            }
            for (r, referral) in pack.referrals.enumerated() {
                result.referralStates[r] = decide(referral.when, key: .referral(r))
            }
            for (n, notice) in pack.notices.enumerated() {
                result.noticeStates[n] = decide(notice.when, key: .notice(n))
            }
        }

        /// A test's value, and whether an unknown one is free: decidable by answering asked questions.
        struct TestValue {
            var value: TruthValue
            var free: Bool
            static let fixedUnknown = TestValue(value: .unknown, free: false)
            static let freeUnknown = TestValue(value: .unknown, free: true)
            init(value: TruthValue, free: Bool = false) {
                self.value = value
                self.free = free
            }
        }

        /// Present, absent, or undetermined when some assignment of its free tests makes it true or false.
        mutating func decide(_ condition: Condition, key: RuleKey?) -> ItemState {
            let values = testValues(condition)
            switch condition.logic.evaluate(values.map(\.value).lookup) {
            case .true: return .present
            case .false: return .absent
            case .unknown: break
            }
            let free = values.indices.filter { values[$0].free }
            guard !free.isEmpty, decidable(condition.logic, values: values, free: free) else { return .absent }
            if let key { result.followUps[key] = followUpQuestions(condition, values: values) }
            return .undetermined
        }

        private func decidable(_ logic: Logic, values: [TestValue], free: [Int]) -> Bool {
            guard free.count <= Evaluator.maxEnumeratedTests else { return true }
            var assignment = values.map(\.value)
            for bits in 0..<(1 << free.count) {
                for (k, i) in free.enumerated() { assignment[i] = TruthValue(bits & (1 << k) != 0) }
                if logic.evaluate(assignment.lookup) != .unknown { return true }
            }
            return false
        }

        private func followUpQuestions(_ condition: Condition, values: [TestValue]) -> [Int] {
            var questions = Set<Int>()
            for (i, test) in condition.tests.enumerated() where values[i].free {
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

        func testValues(_ condition: Condition) -> [TestValue] {
            condition.tests.map(value)
        }

        private func value(_ test: Test) -> TestValue {
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
                if a.notAsked || b.notAsked { return .fixedUnknown }
                guard let x = a.value, let y = b.value else { return .freeUnknown }
                return TestValue(value: TruthValue(op.holds(x, y)))
            case .answerState(let function, let q):
                let asked = result.questionStatus[q] == .asked
                let answer = result.answers[q]
                switch function {
                case .asked: return TestValue(value: TruthValue(asked))
                case .answered: if case .value = answer, asked { return TestValue(value: .true) } else { return TestValue(value: .false) }
                case .declined: return TestValue(value: TruthValue(asked && answer == .declined))
                case .unknown: return TestValue(value: TruthValue(asked && (answer == nil || answer == .unknown)))
                }
            case .item(let item):
                switch result.state(of: item) {
                case .present: return TestValue(value: .true)
                case .absent: return TestValue(value: .false)
                case .undetermined: return .freeUnknown
                }
            case .outcome(let outcomes):
                return TestValue(value: TruthValue(result.outcome.map(outcomes.contains) ?? false))
            }
        }

        private func answerValue(_ q: Int, _ read: (AnswerValue) -> Bool?) -> TestValue {
            guard result.questionStatus[q] == .asked else { return .fixedUnknown }
            guard case .value(let v) = result.answers[q], let b = read(v) else { return .freeUnknown }
            return TestValue(value: TruthValue(b))
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
}

extension Array where Element == TruthValue {
    /// The array as the lookup function `Logic.evaluate` takes.
    var lookup: (Int) -> TruthValue { { self[$0] } }
}
