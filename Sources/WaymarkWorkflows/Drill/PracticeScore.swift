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
        /// The question's wording and the two answers as the trainee reads them (choice labels, yes/no).
        public var prompt: String
        public var referenceShown: String
        public var traineeShown: String
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
        /// The questions, and the answers to them, that found it in the reference: what would have caught it.
        public var caughtBy: [(prompt: String, answer: String)] = []
    }

    /// Points out of each part's weight (answers 40, indicators 40, outcome 10, referrals 10).
    public var breakdown: [(part: String, points: Double, of: Double)] = []

    public var questions: [QuestionResult]
    /// The indicators the reference answers find, in pack order.
    public var referenceIndicators: [String] = []
    public var missedIndicators: [MissedIndicator]
    public var extraIndicators: [String]
    public var referenceOutcome: String?
    public var traineeOutcome: String?
    /// Outcome titles, and the services of missed or extra referrals, in words.
    public var referenceOutcomeTitle: String?
    public var traineeOutcomeTitle: String?
    public var missedReferrals: [String]
    public var extraReferrals: [String]
    public var missedServices: [String] = []
    public var extraServices: [String] = []
    public var extraIndicatorTitles: [String] = []
    /// Answers 40%, indicators found 40%, outcome 10%, referrals 10%.
    public var percent: Double
    /// The three misses that matter most, in plain words.
    public var topMisses: [String]

    /// Evaluates both answer sets and scores the attempt: answers 40%, indicators 40%, outcome and referrals 10% each.
    public init(scenario: Scenario, attempt: AnswerSet, pack: Pack, language: String? = nil) {
        let evaluator = Evaluator(pack: pack)
        let reference = evaluator.evaluate(scenario.answers)
        let trainee = evaluator.evaluate(attempt)

        questions = pack.questions.indices.compactMap { q in
            guard reference.questionStatus[q] == .asked, let expected = scenario.answers[q] else { return nil }
            let question = pack.questions[q]
            let given = trainee.questionStatus[q] == .asked ? attempt[q] : nil
            let (agreement, credit) = Self.compare(expected, given)
            return QuestionResult(question: question.id, prompt: Self.short(question.prompt.text(language)),
                                  referenceShown: expected.display(for: question, language: language),
                                  traineeShown: given?.display(for: question, language: language) ?? "(not answered)", agreement: agreement, credit: credit,
                                  reference: expected.fileForm(for: question), trainee: given?.fileForm(for: question) ?? "(not answered)")
        }
        let referencePresent = reference.present(.indicator)
        referenceIndicators = referencePresent.map { pack.indicators[$0].id }
        let traineePresent = Set(trainee.present(.indicator))
        let referenceReport = ResultReport(reference, pack: pack, language: language)
        missedIndicators = referencePresent.filter { !traineePresent.contains($0) }.map { i in
            let indicator = pack.indicators[i]
            let sources = indicator.sources.map { reference in
                pack.sources.first { $0.id == reference.source }?.items.first { $0.id == reference.item }?.text.text ?? reference.description
            }
            let evidence = referenceReport.indicators.first { $0.id == indicator.id }?.evidence ?? []
            let caughtBy = evidence.compactMap { e in
                pack.questionIndex[e.question].map { q in
                    (Self.short(pack.questions[q].prompt.text(language)), scenario.answers[q]?.display(for: pack.questions[q], language: language) ?? e.answer)
                }
            }
            return MissedIndicator(id: indicator.id, title: indicator.title.text(language), strength: indicator.strength, sources: sources, caughtBy: caughtBy)
        }.sorted { $0.strength < $1.strength }
        let extra = traineePresent.subtracting(referencePresent).sorted()
        extraIndicators = extra.map { pack.indicators[$0].id }
        extraIndicatorTitles = extra.map { pack.indicators[$0].title.text(language) }
        referenceOutcome = reference.outcome.map { pack.outcomes[$0].id }
        traineeOutcome = trainee.outcome.map { pack.outcomes[$0].id }
        referenceOutcomeTitle = reference.outcome.map { pack.outcomes[$0].title.text(language) }
        traineeOutcomeTitle = trainee.outcome.map { pack.outcomes[$0].title.text(language) }
        let referenceReferrals = Set(reference.present(.referral))
        let traineeReferrals = Set(trainee.present(.referral))
        missedReferrals = referenceReferrals.subtracting(traineeReferrals).sorted().map { pack.referrals[$0].id }
        extraReferrals = traineeReferrals.subtracting(referenceReferrals).sorted().map { pack.referrals[$0].id }
        func services(_ referrals: Set<Int>) -> [String] {
            var titles: [String] = []
            for r in referrals.sorted() {
                let title = pack.service(pack.referrals[r].service)?.title.text(language) ?? pack.referrals[r].service
                if !titles.contains(title) { titles.append(title) }
            }
            return titles
        }
        missedServices = services(referenceReferrals.subtracting(traineeReferrals))
        extraServices = services(traineeReferrals.subtracting(referenceReferrals))

        let answerScore = questions.isEmpty ? 1 : questions.map(\.credit).reduce(0, +) / Double(questions.count)
        let indicatorScore = referencePresent.isEmpty ? (traineePresent.isEmpty ? 1 : 0.5)
            : Double(referencePresent.count - missedIndicators.count) / Double(referencePresent.count)
        let outcomeScore = referenceOutcome == traineeOutcome ? 1.0 : 0
        let referralScore = referenceReferrals.isEmpty && traineeReferrals.isEmpty ? 1
            : Double(referenceReferrals.intersection(traineeReferrals).count) / Double(referenceReferrals.union(traineeReferrals).count)
        percent = (0.4 * answerScore + 0.4 * indicatorScore + 0.1 * outcomeScore + 0.1 * referralScore) * 100
        breakdown = [("answers", 40 * answerScore, 40), ("indicators found", 40 * indicatorScore, 40),
                     ("outcome", 10 * outcomeScore, 10), ("referrals", 10 * referralScore, 10)]

        var misses: [String] = []
        if referenceOutcome != traineeOutcome {
            misses.append("the outcome should be \"\(referenceOutcomeTitle ?? "none")\", not \"\(traineeOutcomeTitle ?? "none")\"")
        }
        misses += missedIndicators.map { "\($0.strength.rawValue) indicator missed: \($0.title)" }
        misses += missedServices.map { "referral missed: \($0)" }
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

    /// A question's wording cut to its first sentence, for feedback lines.
    static func short(_ prompt: String) -> String {
        let flat = prompt.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard let end = flat.firstIndex(where: { $0 == "?" || $0 == "." }) else { return flat }
        return String(flat[...end])
    }

    /// The score as a trainee reads it after a practice run: in words, never the pack's ids (those are in the JSON).
    public func text(scenario: Scenario, language: String? = nil) -> String {
        func points(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value) }
        var out = "Practice result for \"\(scenario.title.text(language).singleLineSafe)\": \(Int(percent.rounded()))%\n"
        out += "  " + breakdown.map { "\($0.part) \(points($0.points))/\(Int($0.of))" }.joined(separator: " · ") + "\n"
        if let most = breakdown.max(by: { ($0.of - $0.points) < ($1.of - $1.points) }), most.of - most.points > 0.05 {
            out += "  most to gain: \(most.part) (\(points(most.of - most.points)) points)\n"
        }
        let counts = Dictionary(grouping: questions, by: \.agreement).mapValues(\.count)
        out += "\nAnswers: \(counts[.agree] ?? 0) agree, \(counts[.partly] ?? 0) partly, \(counts[.differ] ?? 0) differ, \(counts[.missed] ?? 0) missed\n"
        for q in questions where q.agreement != .agree {
            out += TextWrap.wrap("\(q.prompt.terminalSafe) You recorded \"\(q.traineeShown.singleLineSafe)\"; the story supports \"\(q.referenceShown.singleLineSafe)\".",
                                 indent: "    ", firstIndent: "  - ") + "\n"
        }
        out += "\n" + TextWrap.wrap(traineeOutcome == referenceOutcome ? "Outcome: right, \"\(referenceOutcomeTitle ?? "none")\""
                                    : "Outcome: yours \"\(traineeOutcomeTitle ?? "none")\"; the reference \"\(referenceOutcomeTitle ?? "none")\"",
                                    indent: "  ", firstIndent: "") + "\n"
        if !missedIndicators.isEmpty {
            out += "\nIndicators the reference finds and your answers did not:\n"
            for m in missedIndicators {
                out += TextWrap.wrap("\(m.title.terminalSafe) (\(m.strength.rawValue))", indent: "    ", firstIndent: "  - ") + "\n"
                for c in m.caughtBy {
                    out += TextWrap.wrap("caught by: \(c.prompt.terminalSafe) \"\(c.answer.singleLineSafe)\"", indent: "      ", firstIndent: "    ") + "\n"
                }
                for source in m.sources { out += TextWrap.wrap("why it applies: " + source.terminalSafe, indent: "      ", firstIndent: "    ") + "\n" }
            }
        }
        if !extraIndicatorTitles.isEmpty { out += "\nIndicators your answers found that the reference does not: \(extraIndicatorTitles.joined(separator: "; "))\n" }
        if !missedServices.isEmpty { out += "Referrals missed: \(missedServices.joined(separator: "; "))\n" }
        if !extraServices.isEmpty { out += "Referrals not in the reference: \(extraServices.joined(separator: "; "))\n" }
        if !topMisses.isEmpty {
            out += "\nMost important to look at again:\n" + topMisses.enumerated().map { "  \($0.offset + 1). \($0.element.terminalSafe)\n" }.joined()
        }
        return out
    }
}
