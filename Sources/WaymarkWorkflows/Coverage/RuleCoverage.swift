import WaymarkCore
import WaymarkRecords

/// Which rules of a pack the scenarios exercise, kind by kind, and each condition's tests seen true and false.
public struct RuleCoverage: Sendable {
    /// One kind of rule: how many there are, how many were reached, and where the others are.
    public struct Kind: Sendable {
        public var name: String
        public var total: Int
        public var uncovered: [(id: String, location: SourceLocation)]
        public var covered: Int { total - uncovered.count }
        public var percent: Double { total == 0 ? 100 : Double(covered) / Double(total) * 100 }
    }

    /// A test inside a condition that the scenarios saw only one way (or not at all).
    public struct OneSidedTest: Sendable {
        public var rule: String
        public var text: String
        public var location: SourceLocation
        public var seenTrue: Bool
        public var seenFalse: Bool
    }

    public var scenarioCount: Int
    public var kinds: [Kind]
    public var testsTotal: Int
    public var oneSided: [OneSidedTest]
    /// `ask_if` conditions not seen both asked and skipped.
    public var gatesOneSided: [OneSidedTest]

    /// Rule coverage for the gate: indicators, outcomes, referrals and notices together.
    public var rulePercent: Double {
        let gated = kinds.filter { ["indicators", "outcomes", "referrals", "notices"].contains($0.name) }
        let total = gated.map(\.total).reduce(0, +)
        return total == 0 ? 100 : Double(gated.map(\.covered).reduce(0, +)) / Double(total) * 100
    }

    public var conditionPercent: Double {
        testsTotal == 0 ? 100 : Double(testsTotal - oneSided.count) / Double(testsTotal) * 100
    }

    /// Coverage of `pack` by the evaluations of a set of scenarios.
    public init(pack: Pack, evaluations: [Evaluation]) {
        scenarioCount = evaluations.count

        func kind<T>(_ name: String, _ items: [T], id: (T) -> String, location: (T) -> SourceLocation, reached: (Int) -> Bool) -> Kind {
            Kind(name: name, total: items.count,
                 uncovered: items.indices.filter { !reached($0) }.map { (id(items[$0]), location(items[$0])) })
        }
        let asked = { (q: Int) in evaluations.contains { $0.questionStatus[q] == .asked } }
        var choices: [(id: String, location: SourceLocation, covered: Bool)] = []
        for (q, question) in pack.questions.enumerated() {
            for (c, choice) in question.choices.enumerated() {
                let chosen = evaluations.contains { e in
                    guard e.questionStatus[q] == .asked else { return false }
                    switch e.answers[q] {
                    case .value(.choice(let x)): return x == c
                    case .value(.choices(let xs)): return xs.contains(c)
                    default: return false
                    }
                }
                choices.append(("\(question.id).\(choice.id)", choice.location, chosen))
            }
        }
        kinds = [
            kind("questions", pack.questions, id: \.id, location: \.location, reached: asked),
            Kind(name: "choices", total: choices.count, uncovered: choices.filter { !$0.covered }.map { ($0.id, $0.location) }),
            kind("indicators", pack.indicators, id: \.id, location: \.location) { i in evaluations.contains { $0.fired(.indicator(i)) } },
            kind("derived", pack.derived, id: \.id, location: \.location) { d in evaluations.contains { $0.fired(.derived(d)) } },
            kind("outcomes", pack.outcomes, id: \.id, location: \.location) { o in evaluations.contains { $0.fired(.outcome(o)) } },
            kind("referrals", pack.referrals, id: \.id, location: \.location) { r in evaluations.contains { $0.fired(.referral(r)) } },
            kind("notices", pack.notices, id: \.id, location: \.location) { n in evaluations.contains { $0.fired(.notice(n)) } },
        ]

        var total = 0
        var oneSided: [OneSidedTest] = []
        let runs = evaluations.map { EvaluationRun(pack: pack, state: $0) }
        for (rule, condition) in pack.namedConditions {
            var seenTrue = Array(repeating: false, count: condition.tests.count)
            var seenFalse = seenTrue
            for run in runs {
                for (i, value) in run.testValues(condition).enumerated() {
                    if value == .true { seenTrue[i] = true }
                    if value == .false { seenFalse[i] = true }
                }
            }
            total += condition.tests.count
            for i in condition.tests.indices where !(seenTrue[i] && seenFalse[i]) {
                oneSided.append(OneSidedTest(rule: rule, text: condition.testText(i), location: condition.locator.location(at: condition.testRanges[i].lowerBound),
                                             seenTrue: seenTrue[i], seenFalse: seenFalse[i]))
            }
        }
        testsTotal = total
        self.oneSided = oneSided
        gatesOneSided = pack.questions.indices.compactMap { q in
            guard let askIf = pack.questions[q].askIf else { return nil }
            let askedSeen = evaluations.contains { $0.questionStatus[q] == .asked }
            let skippedSeen = evaluations.contains { $0.questionStatus[q] == .notAsked }
            guard !(askedSeen && skippedSeen) else { return nil }
            return OneSidedTest(rule: "question \(pack.questions[q].id)", text: askIf.text, location: askIf.location, seenTrue: askedSeen, seenFalse: skippedSeen)
        }
    }
}
