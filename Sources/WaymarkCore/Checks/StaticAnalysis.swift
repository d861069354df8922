/// Findings about a pack that hold for every possible set of answers: rules that can never apply,
/// outcomes an earlier one always takes first, questions that decide nothing, services no one is sent to.
public struct StaticAnalysis: Sendable {
    public var findings: [Diagnostic]
    /// Conditions too large to enumerate, named so that "no finding" is never mistaken for "checked".
    public var notAnalysed: [String]

    /// Analyses every named condition, outcome order, question use and referral target of `pack`.
    public init(pack: Pack) {
        var findings: [Diagnostic] = []
        var notAnalysed: [String] = []

        for (name, condition) in pack.namedConditions where !condition.tests.isEmpty {
            guard let space = ConditionSpace(pack: pack, conditions: [condition]) else {
                notAnalysed.append(name)
                continue
            }
            var canBeTrue = false, alwaysTrue = true
            space.forEach([condition]) { values in
                if values[0] == .true { canBeTrue = true } else { alwaysTrue = false }
                return !canBeTrue || alwaysTrue
            }
            if !canBeTrue {
                let message = name.hasSuffix("(ask_if)")
                    ? "\(name) can never be true: the question is asked only when earlier answers are unknown"
                    : "\(name) can never be true, whatever the answers"
                findings.append(Diagnostic(code: "W6007", .warning, at: condition.location, message))
            } else if alwaysTrue {
                findings.append(Diagnostic(code: "W6003", .warning, at: condition.location, "\(name) is always true, whatever the answers",
                                           suggestion: "write 'true' if that is meant"))
            }
        }

        for k in pack.outcomes.indices.dropFirst() where !pack.outcomes[k].when.tests.isEmpty || pack.outcomes[k].when.logic == .constant(true) {
            let conditions = pack.outcomes[0...k].map(\.when)
            guard let space = ConditionSpace(pack: pack, conditions: conditions) else { continue }
            var reachable = false
            space.forEach(conditions) { values in
                if values.last == .true, !values.dropLast().contains(.true) { reachable = true }
                return !reachable
            }
            if !reachable {
                findings.append(Diagnostic(code: "W6004", .warning, at: pack.outcomes[k].location,
                                           "outcome \(pack.outcomes[k].id) is never reached: an earlier outcome is always true first"))
            }
        }

        var used = Set<Int>()
        for (_, condition) in pack.namedConditions { used.formUnion(condition.questions) }
        for (q, question) in pack.questions.enumerated() where !used.contains(q) {
            findings.append(Diagnostic(code: "W6005", .warning, at: question.location, "question \(question.id) is asked but no rule reads its answer",
                                       suggestion: "remove it, or use it in a condition, so the interview asks only what the decision needs"))
        }
        let referred = Set(pack.referrals.map(\.service))
        for service in pack.services where !referred.contains(service.id) {
            findings.append(Diagnostic(code: "W6006", .warning, at: service.location, "service \(service.id) is not the target of any referral"))
        }
        self.findings = findings.sorted { $0.location < $1.location }
        self.notAnalysed = notAnalysed
    }
}
