import WaymarkCore
import WaymarkRecords

/// Finds a small set of answers that makes a rule fire, to show it can and to seed a draft scenario.
public struct WitnessSearch {
    public let pack: Pack
    /// Most evaluations one search may spend before it gives up.
    public var budget = 20_000
    private let evaluator: Evaluator

    /// A search over the rules of `pack`, with the default budget.
    public init(pack: Pack) {
        self.pack = pack
        evaluator = Evaluator(pack: pack)
    }

    /// Answers under which the rule fires (indicator present, outcome chosen, referral or notice shown), made minimal
    /// by dropping every answer it does not need; nil when none was found within the budget.
    public func witness(for key: RuleKey) -> AnswerSet? {
        var spent = 0
        var found: AnswerSet?
        let relevant = relevantQuestions(for: key)

        func search(_ answers: AnswerSet, depth: Int) {
            guard found == nil, spent < budget else { return }
            spent += 1
            let e = evaluator.evaluate(answers)
            if e.fired(key) { found = answers; return }
            if depth == 0 || e.state(of: key) == .absent && !isOutcome(key) { return }
            let open = (e.followUps[key] ?? []) + relevant.filter { e.isUnresolved($0) }
            var tried = Set<Int>()
            for q in open where e.isUnresolved(q) && tried.insert(q).inserted {
                for value in candidates(for: q) {
                    var next = answers
                    next[q] = value
                    search(next, depth: depth - 1)
                    if found != nil { return }
                }
                // Deciding the first open question is enough to branch on; later ones are reached deeper.
                if !isOutcome(key) { return }
            }
        }
        for depth in 1...12 where found == nil && spent < budget { search(AnswerSet(questionCount: pack.questions.count), depth: depth) }
        guard var answers = found else { return nil }
        for q in pack.questions.indices.reversed() where answers[q] != nil {
            var without = answers
            without[q] = nil
            if evaluator.evaluate(without).fired(key) { answers = without }
        }
        return answers
    }

    private func isOutcome(_ key: RuleKey) -> Bool { if case .outcome = key { return true } else { return false } }

    /// The questions a rule can depend on, through the rules it names, `count()` and the outcome.
    private func relevantQuestions(for key: RuleKey) -> [Int] {
        var conditions: [Condition]
        switch key {
        case .indicator(let i): conditions = [pack.indicators[i].when]
        case .derived(let d): conditions = [pack.derived[d].when]
        case .outcome(let o): conditions = pack.outcomes[0...o].map(\.when)
        case .referral(let r): conditions = [pack.referrals[r].when]
        case .notice(let n): conditions = [pack.notices[n].when]
        }
        var questions = Set<Int>()
        var seen = Set<ItemReference>()
        while let condition = conditions.popLast() {
            questions.formUnion(condition.questions)
            if condition.usesOutcome { conditions += pack.outcomes.map(\.when) }
            for item in condition.items where seen.insert(item).inserted {
                switch item {
                case .indicator(let i): conditions.append(pack.indicators[i].when)
                case .derived(let d): conditions.append(pack.derived[d].when)
                }
            }
        }
        // Gates come first: a question can only be answered once the questions that open it are.
        var withGates = questions
        for q in questions { if let gate = pack.questions[q].askIf { withGates.formUnion(gate.questions) } }
        return withGates.sorted()
    }

    private func candidates(for q: Int) -> [Answer?] {
        let question = pack.questions[q]
        switch question.type {
        case .yesNo: return [.value(.yesNo(true)), .value(.yesNo(false))]
        case .single: return question.choices.indices.map { .value(.choice($0)) }
        case .multi: return question.choices.indices.map { .value(.choices([$0])) }
        case .number:
            return pack.boundaryNumbers(for: q).map { .value(.number($0)) }
        case .text: return [.value(.text("example"))]
        case .date: return []
        }
    }

    /// The id of a scenario drafted from a witness, from the rule's name: "indicator debt_bondage" → "witness-indicator-debt-bondage".
    public static func scenarioID(forRule rule: String) -> String {
        "witness-" + rule.replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
    }
}
