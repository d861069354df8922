import WaymarkCore
import WaymarkRecords

/// Scores for a group of trainees on one scenario, and what the group missed most often.
public struct GroupScore: Sendable {
    /// One trainee's attempt and its score.
    public struct Row: Sendable {
        public var trainee: String
        public var file: String
        public var score: PracticeScore
    }

    public var scenario: String
    public var scenarioTitle: String
    public var rows: [Row]
    /// Question wording and indicator titles by id: the text and Markdown views speak in words, the JSON in ids.
    private var names: [String: String] = [:]
    /// Question id → how many trainees missed or differed on it, most often first.
    public var missedQuestions: [(String, Int)]
    /// Indicator id → how many trainees missed it, most often first.
    public var missedIndicators: [(String, Int)]
    /// For each question the reference asks, in pack order: how many trainees recorded the reference answer.
    public var questionsRight: [(question: String, right: Int)] = []
    /// For each indicator the reference finds: how many trainees' answers found it too.
    public var indicatorsFound: [(indicator: String, found: Int)] = []

    /// Scores every attempt against the scenario and ranks what the group missed.
    public init(scenario: Scenario, attempts: [PracticeAttempt], pack: Pack) {
        self.scenario = scenario.id
        scenarioTitle = scenario.title.text
        for q in pack.questions { names["q:" + q.id] = PracticeScore.short(q.prompt.text) }
        for i in pack.indicators { names["i:" + i.id] = i.title.text }
        rows = attempts.map { a in
            Row(trainee: a.trainee ?? "(no name)", file: a.file ?? "", score: PracticeScore(scenario: scenario, attempt: a.answers, pack: pack))
        }
        var questions: [String: Int] = [:], indicators: [String: Int] = [:]
        for row in rows {
            for q in row.score.questions where q.agreement == .missed || q.agreement == .differ { questions[q.question, default: 0] += 1 }
            for i in row.score.missedIndicators { indicators[i.id, default: 0] += 1 }
        }
        func ranked(_ counts: [String: Int]) -> [(String, Int)] { counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) } }
        missedQuestions = ranked(questions)
        missedIndicators = ranked(indicators)
        if let first = rows.first {
            questionsRight = first.score.questions.map { q in
                (q.question, rows.filter { $0.score.questions.first { $0.question == q.question }?.agreement == .agree }.count)
            }
            indicatorsFound = first.score.referenceIndicators.map { id in (id, rows.count - rows.filter { $0.score.missedIndicators.contains { $0.id == id } }.count) }
        }
    }

    /// A score table and the ten most missed questions and indicators, for a terminal.
    public func text() -> String {
        var out = "Scenario \"\(scenarioTitle.singleLineSafe)\" (\(scenario)): \(rows.count) attempt\(rows.count == 1 ? "" : "s")\n\n"
        out += "TRAINEE".padding(toLength: 24, withPad: " ", startingAt: 0) + "SCORE  OUTCOME\n"
        for row in rows {
            out += row.trainee.singleLineSafe.padding(toLength: 24, withPad: " ", startingAt: 0)
                + "\(Int(row.score.percent.rounded()))%".padding(toLength: 7, withPad: " ", startingAt: 0)
                + (row.score.traineeOutcome == row.score.referenceOutcome ? "right" : "wrong (\(row.score.traineeOutcomeTitle ?? "none"))") + "\n"
        }
        out += "\nQuestions missed or answered differently most often:\n"
        out += missedQuestions.isEmpty ? "  none\n" : missedQuestions.prefix(10).map { "  \($0.1) × \(name("q:", $0.0))\n" }.joined()
        out += "\nIndicators missed most often:\n"
        out += missedIndicators.isEmpty ? "  none\n" : missedIndicators.prefix(10).map { "  \($0.1) × \(name("i:", $0.0))\n" }.joined()
        if !pointsToGoOver.isEmpty {
            out += "\nPoints to go over with the group:\n" + pointsToGoOver.enumerated().map { "  \($0.offset + 1). \($0.element.terminalSafe)\n" }.joined()
        }
        return out
    }

    private func name(_ kind: String, _ id: String) -> String { (names[kind + id] ?? id).singleLineSafe }

    /// The three things most worth going over with the group: a wrong outcome, then what most trainees missed.
    public var pointsToGoOver: [String] {
        var points: [(count: Int, text: String)] = []
        let wrongOutcome = rows.filter { $0.score.traineeOutcome != $0.score.referenceOutcome }.count
        if wrongOutcome > 0, let reference = rows.first?.score.referenceOutcomeTitle {
            points.append((wrongOutcome, "\(wrongOutcome) of \(rows.count) reached another outcome than \"\(reference)\""))
        }
        points += missedIndicators.map { ($0.1, "\($0.1) of \(rows.count) missed the indicator \"\(name("i:", $0.0))\"") }
        points += missedQuestions.map { ($0.1, "\($0.1) of \(rows.count) recorded another answer to \"\(name("q:", $0.0))\"") }
        return points.enumerated().sorted { ($1.element.count, $0.offset) < ($0.element.count, $1.offset) }.prefix(3).map(\.element.text)
    }

    /// A bar of `value` out of `total` in ten characters, readable in any Markdown viewer or terminal.
    static func bar(_ value: Int, of total: Int) -> String {
        let filled = total == 0 ? 0 : Int((Double(value) / Double(total) * 10).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
    }

    /// The score table and the most missed questions and indicators, as Markdown.
    public func markdown() -> String {
        var out = "# Drill results: \(TextEscaping.markdownCell(scenarioTitle))\n\n| Trainee | Score | Outcome |\n|---|---|---|\n"
        for row in rows {
            out += "| \(TextEscaping.markdownCell(row.trainee)) | \(Int(row.score.percent.rounded()))% | "
                + (row.score.traineeOutcome == row.score.referenceOutcome ? "right" : "wrong (\(TextEscaping.markdownCell(row.score.traineeOutcomeTitle ?? "none")))") + " |\n"
        }
        out += "\n## Questions missed most often\n\n" + (missedQuestions.isEmpty ? "None.\n" : missedQuestions.prefix(10).map { "- \(TextEscaping.markdownCell(name("q:", $0.0))): \($0.1)\n" }.joined())
        out += "\n## Indicators missed most often\n\n" + (missedIndicators.isEmpty ? "None.\n" : missedIndicators.prefix(10).map { "- \(TextEscaping.markdownCell(name("i:", $0.0))): \($0.1)\n" }.joined())
        out += "\n## Points to go over with the group\n\n" + (pointsToGoOver.isEmpty ? "None: everyone matched the reference.\n"
            : pointsToGoOver.enumerated().map { "\($0.offset + 1). \(TextEscaping.markdownCell($0.element))\n" }.joined())
        out += "\n## Each question: trainees who recorded the reference answer\n\n| Question | Right | |\n|---|---|---|\n"
        out += questionsRight.map { "| \(TextEscaping.markdownCell(name("q:", $0.question))) | \($0.right) of \(rows.count) | \(Self.bar($0.right, of: rows.count)) |\n" }.joined()
        out += "\n## Each indicator the reference finds: trainees who found it\n\n| Indicator | Found | |\n|---|---|---|\n"
        out += indicatorsFound.map { "| \(TextEscaping.markdownCell(name("i:", $0.indicator))) | \($0.found) of \(rows.count) | \(Self.bar($0.found, of: rows.count)) |\n" }.joined()
        return out
    }

    public var json: JSONValue {
        .object([
            ("scenario", .string(scenario)),
            ("attempts", .array(rows.map { .object([("trainee", .string($0.trainee)), ("file", .string($0.file)),
                                                    ("score", .number(($0.score.percent * 10).rounded() / 10)),
                                                    ("outcome_right", .bool($0.score.traineeOutcome == $0.score.referenceOutcome))]) })),
            ("missed_questions", .array(missedQuestions.map { .object([("question", .string($0.0)), ("count", .number(Double($0.1)))]) })),
            ("missed_indicators", .array(missedIndicators.map { .object([("indicator", .string($0.0)), ("count", .number(Double($0.1)))]) })),
        ])
    }
}
