import WaymarkCore
import WaymarkRecords

/// How a trainee's answers to a scenario compare with its reference answers, and what follows from each.
public struct PracticeScore: Sendable {
    /// Agreement on one question.
    public enum Agreement: String, Sendable {
        case agree, partly, differ, missed
    }

    /// How the trainee's answer to one asked question compares with the reference.
    public struct QuestionResult: Sendable {
        public var question: String
        public var agreement: Agreement
        /// 0 to 1; a multiple-choice answer that is partly right counts partly.
        public var credit: Double
        public var reference: String
        public var trainee: String
    }

    /// An indicator the reference finds that the trainee's answers do not, with the source texts that explain it.
    public struct MissedIndicator: Sendable {
        public var id: String
        public var title: String
        public var strength: Strength
        public var sources: [String]
    }

    public var questions: [QuestionResult]
    public var missedIndicators: [MissedIndicator]
    public var extraIndicators: [String]
    public var referenceOutcome: String?
    public var traineeOutcome: String?
    public var missedReferrals: [String]
    public var extraReferrals: [String]
    /// Answers 40%, indicators found 40%, outcome 10%, referrals 10%.
    public var percent: Double
    /// The three misses that matter most, in plain words.
    public var topMisses: [String]

    /// Evaluates both answer sets and scores the attempt: answers 40%, indicators 40%, outcome and referrals 10% each.
    public init(scenario: Scenario, attempt: AnswerSet, pack: Pack) {
        let evaluator = Evaluator(pack: pack)
        let reference = evaluator.evaluate(scenario.answers)
        let trainee = evaluator.evaluate(attempt)

        questions = pack.questions.indices.compactMap { q in
            guard reference.questionStatus[q] == .asked, let expected = scenario.answers[q] else { return nil }
            let question = pack.questions[q]
            let given = trainee.questionStatus[q] == .asked ? attempt[q] : nil
            let (agreement, credit) = Self.compare(expected, given)
            return QuestionResult(question: question.id, agreement: agreement, credit: credit,
                                  reference: expected.fileForm(for: question), trainee: given?.fileForm(for: question) ?? "(not answered)")
        }
        let referencePresent = reference.present(.indicator)
        let traineePresent = Set(trainee.present(.indicator))
        missedIndicators = referencePresent.filter { !traineePresent.contains($0) }.map { i in
            let indicator = pack.indicators[i]
            let sources = indicator.sources.map { reference in
                pack.sources.first { $0.id == reference.source }?.items.first { $0.id == reference.item }?.text.text ?? reference.description
            }
            return MissedIndicator(id: indicator.id, title: indicator.title.text, strength: indicator.strength, sources: sources)
        }.sorted { $0.strength < $1.strength }
        extraIndicators = traineePresent.subtracting(referencePresent).sorted().map { pack.indicators[$0].id }
        referenceOutcome = reference.outcome.map { pack.outcomes[$0].id }
        traineeOutcome = trainee.outcome.map { pack.outcomes[$0].id }
        let referenceReferrals = Set(reference.present(.referral))
        let traineeReferrals = Set(trainee.present(.referral))
        missedReferrals = referenceReferrals.subtracting(traineeReferrals).sorted().map { pack.referrals[$0].id }
        extraReferrals = traineeReferrals.subtracting(referenceReferrals).sorted().map { pack.referrals[$0].id }

        let answerScore = questions.isEmpty ? 1 : questions.map(\.credit).reduce(0, +) / Double(questions.count)
        let indicatorScore = referencePresent.isEmpty ? (traineePresent.isEmpty ? 1 : 0.5)
            : Double(referencePresent.count - missedIndicators.count) / Double(referencePresent.count)
        let outcomeScore = referenceOutcome == traineeOutcome ? 1.0 : 0
        let referralScore = referenceReferrals.isEmpty && traineeReferrals.isEmpty ? 1
            : Double(referenceReferrals.intersection(traineeReferrals).count) / Double(referenceReferrals.union(traineeReferrals).count)
        percent = (0.4 * answerScore + 0.4 * indicatorScore + 0.1 * outcomeScore + 0.1 * referralScore) * 100

        var misses: [String] = []
        if referenceOutcome != traineeOutcome {
            misses.append("the outcome should be \(referenceOutcome ?? "none"), not \(traineeOutcome ?? "none")")
        }
        misses += missedIndicators.map { "\($0.strength.rawValue) indicator missed: \($0.title)" }
        misses += missedReferrals.map { "referral missed: \($0)" }
        topMisses = Array(misses.prefix(3))
    }

    static func compare(_ expected: Answer, _ given: Answer?) -> (Agreement, Double) {
        guard let given else { return (.missed, 0) }
        if given == expected { return (.agree, 1) }
        if case .value(.choices(let a)) = expected, case .value(.choices(let b)) = given {
            let union = Set(a).union(b).count
            let credit = union == 0 ? 1 : Double(Set(a).intersection(b).count) / Double(union)
            return credit > 0 ? (.partly, credit) : (.differ, 0)
        }
        return (.differ, 0)
    }

    /// The score as a trainee reads it after a practice run.
    public func text(scenario: Scenario) -> String {
        var out = "Practice result for \(scenario.id.singleLineSafe): \(Int(percent.rounded()))%\n\n"
        let counts = Dictionary(grouping: questions, by: \.agreement).mapValues(\.count)
        out += "Answers: \(counts[.agree] ?? 0) agree, \(counts[.partly] ?? 0) partly, \(counts[.differ] ?? 0) differ, \(counts[.missed] ?? 0) missed\n"
        for q in questions where q.agreement != .agree {
            out += TextWrap.wrap("\(q.question): \(q.agreement.rawValue), you recorded \(q.trainee.singleLineSafe), the reference is \(q.reference.singleLineSafe)",
                                 indent: "    ", firstIndent: "  - ") + "\n"
        }
        out += "\nOutcome: yours \(traineeOutcome ?? "none"), reference \(referenceOutcome ?? "none")\n"
        if !missedIndicators.isEmpty {
            out += "\nIndicators the reference finds and your answers did not:\n"
            for m in missedIndicators {
                out += TextWrap.wrap("\(m.title.terminalSafe) (\(m.strength.rawValue))", indent: "    ", firstIndent: "  - ") + "\n"
                for source in m.sources { out += TextWrap.wrap("why it applies: " + source.terminalSafe, indent: "      ", firstIndent: "    ") + "\n" }
            }
        }
        if !extraIndicators.isEmpty { out += "\nIndicators your answers found that the reference does not: \(extraIndicators.joined(separator: ", "))\n" }
        if !missedReferrals.isEmpty { out += "Referrals missed: \(missedReferrals.joined(separator: ", "))\n" }
        if !extraReferrals.isEmpty { out += "Referrals not in the reference: \(extraReferrals.joined(separator: ", "))\n" }
        if !topMisses.isEmpty {
            out += "\nMost important to look at again:\n" + topMisses.enumerated().map { "  \($0.offset + 1). \($0.element.terminalSafe)\n" }.joined()
        }
        return out
    }
}
