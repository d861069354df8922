import WaymarkCore
import WaymarkRecords

/// Evaluates scenarios and says, in plain words, where the pack's conclusions differ from what they expect.
public struct ScenarioRunner {
    public let pack: Pack
    private let evaluator: Evaluator

    /// A runner that evaluates scenarios against `pack`.
    public init(pack: Pack) {
        self.pack = pack
        evaluator = Evaluator(pack: pack)
    }

    /// One scenario's result: the evaluation and each difference found.
    public struct Outcome: Sendable {
        public var scenario: Scenario
        public var evaluation: Evaluation
        public var differences: [Difference]
        public var passed: Bool { differences.isEmpty }
    }

    /// A difference between what a scenario expects and what the pack concluded.
    public struct Difference: Sendable, Hashable {
        public var location: SourceLocation
        public var message: String
    }

    /// Evaluates the scenario's answers and lists each place the pack's conclusions differ from what it expects.
    public func run(_ scenario: Scenario) -> Outcome {
        let e = evaluator.evaluate(scenario.answers)
        var differences: [Difference] = []
        let expect = scenario.expect
        if let outcome = expect.outcome {
            let actual = e.outcome.map { pack.outcomes[$0].id } ?? "none"
            if actual != outcome.id {
                differences.append(Difference(location: outcome.location, message: "outcome: expected \(outcome.id), got \(actual)"))
            }
        }
        for (list, wanted) in [(expect.present, ItemState.present), (expect.absent, .absent), (expect.undetermined, .undetermined)] {
            for reference in list {
                let actual = state(of: reference.id, in: e)
                guard actual != wanted else { continue }
                var message = "indicator \(reference.id): expected \(wanted.rawValue), was \(actual.rawValue)"
                if let condition = condition(of: reference.id) {
                    let evidence = Support(pack: pack, evaluation: e).evidence(for: condition)
                    if !evidence.isEmpty { message += " (answers: " + evidence.map { "\($0.question) = \($0.answer)" }.joined(separator: ", ") + ")" }
                    else { message += " (none of the questions it reads was asked)" }
                }
                differences.append(Difference(location: reference.location, message: message))
            }
        }
        check(expect.referralsIncluded, expect.referralsExcluded, kind: "referral", index: pack.referralIndex, states: e.referralStates, into: &differences)
        check(expect.noticesIncluded, expect.noticesExcluded, kind: "notice", index: pack.noticeIndex, states: e.noticeStates, into: &differences)
        return Outcome(scenario: scenario, evaluation: e, differences: differences)
    }

    private func check(_ include: [Expectation.Reference], _ exclude: [Expectation.Reference], kind: String, index: [String: Int],
                       states: [ItemState], into differences: inout [Difference]) {
        for reference in include {
            guard let i = index[reference.id], states[i] != .present else { continue }
            let why = states[i] == .undetermined ? "it is undetermined until a follow-up answer" : "it was not suggested"
            differences.append(Difference(location: reference.location, message: "\(kind) \(reference.id): expected, but \(why)"))
        }
        for reference in exclude {
            guard let i = index[reference.id], states[i] == .present else { continue }
            differences.append(Difference(location: reference.location, message: "\(kind) \(reference.id): not expected, but it was suggested"))
        }
    }

    private func state(of id: String, in e: Evaluation) -> ItemState {
        if let i = pack.indicatorIndex[id] { return e.indicatorStates[i] }
        if let d = pack.derivedIndex[id] { return e.derivedStates[d] }
        return .absent
    }

    private func condition(of id: String) -> Condition? {
        if let i = pack.indicatorIndex[id] { return pack.indicators[i].when }
        if let d = pack.derivedIndex[id] { return pack.derived[d].when }
        return nil
    }
}
