/// Explains one rule's result: its condition as a tree with each part's value, and which answers would change it.
public struct Explanation {
    public let pack: Pack
    public let evaluation: Evaluation
    public var language: String?

    /// Explains rules of `pack` as `evaluation` decided them, with titles in `language`.
    public init(pack: Pack, evaluation: Evaluation, language: String? = nil) {
        self.pack = pack
        self.evaluation = evaluation
        self.language = language
    }

    /// Every id `explain` accepts, for suggestions.
    public static func ruleIDs(in pack: Pack) -> [String] {
        pack.indicators.map(\.id) + pack.derived.map(\.id) + pack.outcomes.map(\.id) + pack.referrals.map(\.id) + pack.notices.map(\.id)
    }

    /// The rule with this id, as its kind, title, condition and key.
    private func rule(_ id: String) -> (kind: String, title: String?, condition: Condition, key: RuleKey)? {
        if let i = pack.indicatorIndex[id] { return ("indicator", pack.indicators[i].title.text(language), pack.indicators[i].when, .indicator(i)) }
        if let d = pack.derivedIndex[id] { return ("derived condition", pack.derived[d].title?.text(language), pack.derived[d].when, .derived(d)) }
        if let o = pack.outcomeIndex[id] { return ("outcome", pack.outcomes[o].title.text(language), pack.outcomes[o].when, .outcome(o)) }
        if let r = pack.referralIndex[id] { return ("referral", pack.referrals[r].because?.text(language), pack.referrals[r].when, .referral(r)) }
        if let n = pack.noticeIndex[id] { return ("notice", pack.notices[n].text.text(language), pack.notices[n].when, .notice(n)) }
        return nil
    }

    /// The explanation text, or nil when the pack has no rule with this id.
    public func explain(_ id: String) -> String? {
        guard let rule = rule(id) else { return nil }
        var out: [String] = []
        let state = Self.state(of: rule.key, in: evaluation)
        out.append("\(rule.kind) \(id): \(state)")
        if let title = rule.title { out.append(TextWrap.wrap(title.terminalSafe, indent: "  ")) }
        out.append("when: \(rule.condition.text.singleLineSafe)")
        let values = EvaluationRun(pack: pack, state: evaluation).testValues(rule.condition)
        tree(rule.condition.logic, condition: rule.condition, values: values, depth: 1, into: &out)
        let changes = self.changes(for: rule.key, condition: rule.condition, current: state)
        if !changes.isEmpty {
            out.append("would change if:")
            out += changes.map { "  - \($0)" }
        } else if state != "present" {
            out.append("no single answer to the questions it reads would change this")
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func state(of key: RuleKey, in e: Evaluation) -> String {
        switch key {
        case .outcome(let o): return e.outcome == o ? "present (this is the outcome)" : e.outcomeValues[o] == .true ? "true, but an earlier outcome came first" : e.outcomeValues[o].rawValue
        default: return e.state(of: key).rawValue
        }
    }

    private func tree(_ logic: Logic, condition: Condition, values: [TruthValue], depth: Int, into out: inout [String]) {
        let indent = String(repeating: "  ", count: depth)
        let value = logic.evaluate(values.lookup)
        switch logic {
        case .constant(let b):
            out.append("\(indent)\(b) = \(value.rawValue)")
        case .test(let i):
            var line = "\(indent)\(condition.testText(i).singleLineSafe) = \(value.rawValue)"
            let answers = condition.tests[i].questions.map { q in "\(pack.questions[q].id): \(describeAnswer(q))" }
            if !answers.isEmpty { line += "  (\(answers.joined(separator: ", ")))" }
            if case .item(let item) = condition.tests[i] { line += "  (\(evaluation.state(of: item).rawValue))" }
            out.append(line)
        case .not(let inner):
            out.append("\(indent)not = \(value.rawValue)")
            tree(inner, condition: condition, values: values, depth: depth + 1, into: &out)
        case .and(let parts), .or(let parts):
            if case .and = logic { out.append("\(indent)all of = \(value.rawValue)") } else { out.append("\(indent)any of = \(value.rawValue)") }
            for part in parts { tree(part, condition: condition, values: values, depth: depth + 1, into: &out) }
        }
    }

    private func describeAnswer(_ q: Int) -> String {
        if evaluation.questionStatus[q] == .notAsked { return "not asked" }
        return evaluation.answers[q].map { Disclosure.evidence($0, for: pack.questions[q]) } ?? "not answered"
    }

    /// Single-answer changes to the questions the rule reads (transitively) that would change its state.
    private func changes(for key: RuleKey, condition: Condition, current: String) -> [String] {
        var questions = Set<Int>()
        collect(condition, into: &questions)
        var found: [String] = []
        let evaluator = Evaluator(pack: pack)
        for q in questions.sorted() where evaluation.questionStatus[q] == .asked {
            for candidate in candidates(for: q) where candidate != evaluation.answers[q] {
                var answers = evaluation.answers
                answers[q] = candidate
                let changed = Self.state(of: key, in: evaluator.evaluate(answers))
                if changed != current {
                    found.append("\(pack.questions[q].id) were \(candidate?.fileForm(for: pack.questions[q]) ?? "unanswered") → \(changed)")
                }
            }
        }
        return found
    }

    private func collect(_ condition: Condition, into questions: inout Set<Int>) {
        questions.formUnion(condition.questions)
        for test in condition.tests {
            switch test {
            case .item(.indicator(let i)): collect(pack.indicators[i].when, into: &questions)
            case .item(.derived(let d)): collect(pack.derived[d].when, into: &questions)
            default: break
            }
        }
    }

    /// Plausible answers to try: both yes/no values, each choice, numbers at the boundaries conditions use.
    private func candidates(for q: Int) -> [Answer?] {
        let question = pack.questions[q]
        switch question.type {
        case .yesNo: return [.value(.yesNo(true)), .value(.yesNo(false))]
        case .single: return question.choices.indices.map { .value(.choice($0)) }
        case .multi:
            var current: [Int] = []
            if case .value(.choices(let cs)) = evaluation.answers[q] { current = cs }
            return question.choices.indices.map { c in
                .value(.choices(current.contains(c) ? current.filter { $0 != c } : (current + [c]).sorted()))
            }
        case .number:
            return pack.boundaryNumbers(for: q).map { .value(.number($0)) }
        case .text, .date: return []
        }
    }
}
