/// Every way the answers a set of conditions read can turn out, enumerated exactly over finite domains:
/// yes/no/unknown, each choice tested (and one other), number ranges split at the constants that appear.
/// Indicators, derived conditions, counts and the outcome are independent free values, so findings are sound
/// ("can never be true" holds whatever they are) but relations between them are not modelled.
struct ConditionSpace {
    /// Above this many combinations the space is not enumerated and nothing is claimed.
    static let limit = 1 << 20

    private let pack: Pack
    private var questions: [Int] = []
    private var domains: [[Answer?]] = []
    private var freeTests: [Test] = []
    /// Where each free test sits in `freeTests`.
    private var freeIndex: [Test: Int] = [:]

    init?(pack: Pack, conditions: [Condition]) {
        self.pack = pack
        var tested: [Int: [Test]] = [:]
        var free = Set<Test>()
        for condition in conditions {
            for test in condition.tests {
                switch test {
                case .yes(let q), .choice(let q, _), .contains(let q, _), .textEquals(let q, _), .date(let q, _, _):
                    tested[q, default: []].append(test)
                case .answerState(.asked, _):
                    free.insert(test)
                case .compare(.question(let q), _, .constant), .answerState(_, let q):
                    tested[q, default: []].append(test)
                default:
                    free.insert(test)
                }
            }
        }
        questions = tested.keys.sorted()
        domains = questions.map { Self.domain(pack.questions[$0], tests: tested[$0]!) }
        freeTests = Array(free)
        freeIndex = Dictionary(uniqueKeysWithValues: freeTests.enumerated().map { ($1, $0) })
        var size = 1
        for d in domains { size *= d.count; if size > Self.limit { return nil } }
        for test in freeTests { size *= Self.freeValues(test).count; if size > Self.limit { return nil } }
    }

    /// Calls `body` with each condition's value under every combination; stops when it returns false.
    /// A few thousand combinations drawn at random go first: a finding of "can happen" usually needs only one,
    /// and the exhaustive pass that follows keeps "can never happen" exact.
    func forEach(_ conditions: [Condition], _ body: ([TruthValue]) -> Bool) {
        guard sample(conditions, count: 2_048, body) else { return }
        enumerateAll(conditions, body)
    }

    /// Random combinations; returns false when `body` asked to stop.
    private func sample(_ conditions: [Condition], count: Int, _ body: ([TruthValue]) -> Bool) -> Bool {
        var answers = AnswerSet(questionCount: pack.questions.count)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var stack: [TruthValue] = []
        var freeValues = [TruthValue](repeating: .unknown, count: freeTests.count)
        for _ in 0..<count {
            for (i, q) in questions.enumerated() { answers[q] = domains[i][next(domains[i].count)] }
            for k in freeTests.indices { let values = Self.freeValues(freeTests[k]); freeValues[k] = values[next(values.count)] }
            let results = conditions.map { c in
                c.evaluate(c.tests.map { freeIndex[$0].map { freeValues[$0] } ?? value($0, answers) }, stack: &stack)
            }
            if !body(results) { return false }
        }
        return true
    }

    private func enumerateAll(_ conditions: [Condition], _ body: ([TruthValue]) -> Bool) {
        var answers = AnswerSet(questionCount: pack.questions.count)
        // For each condition's tests: the free value it reads, or nil when the answers decide it.
        let slots = conditions.map { $0.tests.map { freeIndex[$0] } }
        var freeValues = [TruthValue](repeating: .unknown, count: freeTests.count)
        var answerValues = conditions.map { [TruthValue](repeating: .unknown, count: $0.tests.count) }
        var testValues = answerValues
        var results = [TruthValue](repeating: .unknown, count: conditions.count)
        var stack: [TruthValue] = []
        let programs = conditions.map(\.program)
        func visitFree(_ k: Int) -> Bool {
            if k == freeTests.count {
                for c in conditions.indices {
                    for i in slots[c].indices { testValues[c][i] = slots[c][i].map { freeValues[$0] } ?? answerValues[c][i] }
                    results[c] = programs[c].evaluate(testValues[c], stack: &stack)
                }
                return body(results)
            }
            for v in Self.freeValues(freeTests[k]) {
                freeValues[k] = v
                if !visitFree(k + 1) { return false }
            }
            return true
        }
        let tests = conditions.map(\.tests)
        func visit(_ i: Int) -> Bool {
            if i == questions.count {
                for c in tests.indices {
                    for (t, test) in tests[c].enumerated() where slots[c][t] == nil { answerValues[c][t] = value(test, answers) }
                }
                return visitFree(0)
            }
            for a in domains[i] {
                answers[questions[i]] = a
                if !visit(i + 1) { return false }
            }
            return true
        }
        _ = visit(0)
    }

    private static func freeValues(_ test: Test) -> [TruthValue] {
        if case .item = test { return [.true, .false, .unknown] }
        return [.true, .false]
    }

    private func value(_ test: Test, _ answers: AnswerSet) -> TruthValue {
        func read(_ q: Int, _ f: (AnswerValue) -> Bool?) -> TruthValue {
            guard case .value(let v) = answers[q], let b = f(v) else { return .unknown }
            return TruthValue(b)
        }
        switch test {
        case .yes(let q): return read(q) { if case .yesNo(let b) = $0 { return b } else { return nil } }
        case .choice(let q, let set): return read(q) { if case .choice(let c) = $0 { return set.contains(c) } else { return nil } }
        case .contains(let q, let c): return read(q) { if case .choices(let cs) = $0 { return cs.contains(c) } else { return nil } }
        case .textEquals(let q, let t): return read(q) { if case .text(let x) = $0 { return x == t } else { return nil } }
        case .date(let q, let op, let d): return read(q) { if case .date(let x) = $0 { return op.holds(x, d) } else { return nil } }
        case .compare(.question(let q), let op, .constant(let n)): return read(q) { if case .number(let x) = $0 { return op.holds(x, n) } else { return nil } }
        case .answerState(let f, let q):
            switch f {
            case .answered: if case .value = answers[q] { return .true } else { return .false }
            case .unknown: return TruthValue(answers[q] == .unknown)
            case .declined: return TruthValue(answers[q] == .declined)
            case .asked: return .unknown
            }
        default: return .unknown
        }
    }

    /// Representative answers: one per region the tests can tell apart, plus unknown and declined.
    private static func domain(_ question: Question, tests: [Test]) -> [Answer?] {
        var values: [AnswerValue] = []
        switch question.type {
        case .yesNo: values = [.yesNo(true), .yesNo(false)]
        case .single:
            var named = Set<Int>()
            for case .choice(_, let set) in tests { named.formUnion(set) }
            values = named.sorted().map(AnswerValue.choice)
            if let other = question.choices.indices.first(where: { !named.contains($0) }) { values.append(.choice(other)) }
        case .multi:
            var named = Set<Int>()
            for case .contains(_, let c) in tests { named.insert(c) }
            let list = named.sorted()
            values = (0..<(1 << min(list.count, 10))).map { bits in .choices(list.indices.filter { bits & (1 << $0) != 0 }.map { list[$0] }) }
        case .number:
            // Every constant, a point inside every interval between two of them, one beyond each end, and the limits:
            // one point for each region a comparison with a constant can tell apart.
            let low = question.min ?? -.infinity, high = question.max ?? .infinity
            var constants: [Double] = []
            for case .compare(_, _, .constant(let n)) in tests { constants.append(n) }
            let sorted = Array(Set(constants)).sorted()
            var points = Set(sorted)
            for (a, b) in zip(sorted, sorted.dropFirst()) { points.insert((a + b) / 2) }
            if let first = sorted.first, let last = sorted.last { points.formUnion([first - 1, last + 1]) }
            if low.isFinite { points.insert(low) }
            if high.isFinite { points.insert(high) }
            if points.isEmpty { points.insert(0) }
            values = points.sorted().filter { low <= $0 && $0 <= high }.map(AnswerValue.number)
        case .text:
            var texts: [String] = []
            for case .textEquals(_, let t) in tests { texts.append(t) }
            values = (texts + ["\u{1}other"]).map(AnswerValue.text)
        case .date:
            var days = Set<Int>()
            for case .date(_, _, let d) in tests { days.formUnion([d - 1, d, d + 1]) }
            values = days.sorted().map(AnswerValue.date)
        }
        return values.map { Answer.value($0) } + [Answer.unknown, Answer.declined]
    }
}
