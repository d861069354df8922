/// Evaluates answer sets against a pack: skip logic, indicators, outcome, referrals, notices and follow-ups.
public struct Evaluator: Sendable {
    public let pack: Pack

    /// Above this many free tests in one condition, "could a follow-up decide it" is assumed rather than enumerated
    /// (2^16 evaluations at most; it errs towards asking a follow-up).
    static let maxEnumeratedTests = 16

    /// An evaluator for the rules of `pack`.
    public init(pack: Pack) { self.pack = pack }

    /// Evaluates one answer set: skip logic, indicators, outcome, referrals, notices and follow-ups.
    public func evaluate(_ answers: AnswerSet) -> Evaluation {
        let run = EvaluationRun(pack: pack, answers: answers)
        run.evaluate()
        return run.evaluation(answers: answers)
    }
}
