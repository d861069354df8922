import Foundation

/// Where an interview reads answers and writes prompts; the terminal and the tests each provide one.
public protocol InterviewIO: AnyObject {
    /// The next line typed, without its line break; nil at the end of input.
    func readLine() -> String?
    func write(_ text: String)
}

/// The guided interview: asks the pack's questions in order with skip logic, records each answer before the next
/// question, and at the end shows the result and asks what became of each suggested referral.
public final class Interview {
    public enum Ending {
        case completed(recordPath: String, report: ResultReport, decisions: [ReferralDecision])
        case savedDraft
        case quickExit
    }

    static let commandsHelp = "? help · u unknown · d declined · b back · r review · q save and quit · x quick exit"

    private let session: IntakeSession
    private let io: InterviewIO
    private let language: String?
    private let evaluator: Evaluator
    private let decoder: AnswersDecoder
    private var current: Int?
    private var history: [Int] = []
    private var lastSection: String??
    private var shownCommands = false
    private let recordsReferrals: Bool

    /// `recordsReferrals: false` is for practice: the interview ends when the questions do.
    public init(session: IntakeSession, io: InterviewIO, language: String? = nil, recordsReferrals: Bool = true) {
        self.session = session
        self.io = io
        self.language = language
        self.recordsReferrals = recordsReferrals
        evaluator = Evaluator(pack: session.pack)
        decoder = AnswersDecoder(pack: session.pack)
    }

    private var pack: Pack { session.pack }

    public func run() throws(FatalError) -> Ending {
        showResumeNotes()
        while true {
            let evaluation = evaluator.evaluate(session.answers)
            let asked = pack.questions.indices.filter { evaluation.questionStatus[$0] == .asked }
            if let q = current, evaluation.questionStatus[q] == .notAsked { current = nil }
            guard let q = current ?? asked.first(where: { session.answers[$0] == nil }) else {
                return try finish(evaluation)
            }
            prompt(q, position: (asked.firstIndex(of: q) ?? 0) + 1, total: asked.count, evaluation: evaluation)
            guard let line = io.readLine() else { return .savedDraft }
            let input = line.trimmingCharacters(in: .whitespaces)
            switch input.lowercased() {
            case "?", "h", "help": showHelp(q)
            case "u", "unknown": try answer(.unknown, q)
            case "d", "declined": try answer(.declined, q)
            case "b": goBack(from: q, asked: asked)
            case "r": review(evaluation)
            case "q": return .savedDraft
            case "x": return .quickExit
            case "":
                io.write("Please answer, or type u if it is not known, d if the person prefers not to say.\n")
            default:
                switch parse(input, for: pack.questions[q]) {
                case .success(let value): try answer(.value(value), q)
                case .failure(let problem):
                    io.write(TextWrap.wrap("That answer does not fit: \(problem.message.terminalSafe). Please try again.") + "\n")
                    io.write("(\(Self.commandsHelp))\n")
                }
            }
        }
    }

    private func answer(_ answer: Answer, _ q: Int) throws(FatalError) {
        try session.record(answer, question: q)
        history.append(q)
        current = nil
    }

    private func goBack(from q: Int, asked: [Int]) {
        while let previous = history.popLast() {
            if previous != q, asked.contains(previous) { current = previous; return }
        }
        if let index = asked.firstIndex(of: q), index > 0 {
            current = asked[index - 1]
        } else {
            io.write("This is the first question.\n")
        }
    }

    private func showResumeNotes() {
        for warning in session.warnings { io.write("Note: \(warning.message)\n") }
        if session.packChanged {
            io.write("The rule pack has changed since this intake began (\(session.header.packID) \(session.header.packVersion) then, "
                     + "\(pack.info.id) \(pack.info.version) now). Answers were checked again.\n")
        }
        if !session.unusable.isEmpty {
            io.write("These answers no longer fit the pack and are not used (they stay in the journal):\n")
            for u in session.unusable { io.write("  - \(u.question): \(u.value.singleLineSafe) — \(u.reason.singleLineSafe)\n") }
        }
    }

    private func prompt(_ q: Int, position: Int, total: Int, evaluation: Evaluation) {
        let question = pack.questions[q]
        if lastSection != .some(question.section) {
            lastSection = .some(question.section)
            if let id = question.section, let section = pack.sections.first(where: { $0.id == id }) {
                io.write("\n== \(section.title.text(language).singleLineSafe) ==\n")
                if let description = section.description { io.write(TextWrap.wrap(description.text(language).terminalSafe) + "\n") }
            }
        }
        let sectionTitle = question.section.flatMap { id in pack.sections.first { $0.id == id }?.title.text(language) }
        io.write("\n[\(sectionTitle.map { $0.singleLineSafe + " · " } ?? "")question \(position) of about \(total)]\n")
        if question.sensitive {
            let guidance = question.guidance?.text(language)
                ?? "This is a sensitive question. Say why you ask it, and that the person does not have to answer."
            io.write(TextWrap.wrap("Interviewer: " + guidance.terminalSafe) + "\n")
        }
        var text = question.prompt.text(language)
        if let childPrompt = question.childPrompt, mayBeChild(evaluation) { text = childPrompt.text(language) }
        io.write(TextWrap.wrap(text.terminalSafe) + "\n")
        switch question.type {
        case .single, .multi:
            for (i, choice) in question.choices.enumerated() {
                io.write(TextWrap.wrap(choice.label.text(language).terminalSafe, indent: "     ", firstIndent: "  \(i + 1)) ") + "\n")
            }
        default: break
        }
        if let answer = session.answers[q] { io.write("(current answer: \(answer.display(for: question, language: language).singleLineSafe))\n") }
        if !shownCommands {
            io.write("(\(Self.commandsHelp))\n")
            shownCommands = true
        }
        io.write(inputHint(question) + "> ")
    }

    private func inputHint(_ question: Question) -> String {
        switch question.type {
        case .yesNo: return "y/n "
        case .single: return "number "
        case .multi: return "numbers, e.g. 1,3 "
        case .number:
            if let min = question.min, let max = question.max { return "number \(min.formatted)-\(max.formatted) " }
            return "number "
        case .date: return "YYYY-MM-DD "
        case .text: return ""
        }
    }

    /// The pack's `possible_child` derived condition, where it has one, switches to child wording.
    private func mayBeChild(_ evaluation: Evaluation) -> Bool {
        guard let d = pack.derivedIndex["possible_child"] else { return false }
        return evaluation.derivedStates[d] != .absent
    }

    private func showHelp(_ q: Int) {
        let question = pack.questions[q]
        if let help = question.help { io.write(TextWrap.wrap(help.text(language).terminalSafe) + "\n") }
        else { io.write("There is no extra help for this question.\n") }
        io.write("(\(Self.commandsHelp))\n")
    }

    /// Reads typed input: y/n, choice numbers (or ids), numbers in range, text, dates.
    func parse(_ input: String, for question: Question) -> Result<AnswerValue, AnswersDecoder.Problem> {
        switch question.type {
        case .single:
            if let n = Int(input) {
                guard (1...question.choices.count).contains(n) else {
                    return .failure(.init(message: "choose a number from 1 to \(question.choices.count)"))
                }
                return .success(.choice(n - 1))
            }
        case .multi:
            let parts = input.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
            if !parts.isEmpty, parts.allSatisfy({ Int($0) != nil }) {
                var choices = Set<Int>()
                for part in parts {
                    let n = Int(part)!
                    guard (1...question.choices.count).contains(n) else {
                        return .failure(.init(message: "\(n) is not one of the numbers 1 to \(question.choices.count)"))
                    }
                    choices.insert(n - 1)
                }
                return .success(.choices(choices.sorted()))
            }
        default: break
        }
        return decoder.parse(text: input, for: question)
    }

    private func review(_ evaluation: Evaluation) {
        let answered = pack.questions.indices.filter { session.answers[$0] != nil }
        guard !answered.isEmpty else {
            io.write("No answers yet.\n")
            return
        }
        io.write("\nAnswers so far:\n")
        for (n, q) in answered.enumerated() {
            let question = pack.questions[q]
            var line = "\(question.prompt.text(language).singleLineSafe) — \(session.answers[q]!.display(for: question, language: language).singleLineSafe)"
            if evaluation.questionStatus[q] == .notAsked { line += " (kept, not used: this question no longer applies)" }
            io.write(TextWrap.wrap(line, indent: "      ", firstIndent: String(repeating: " ", count: max(0, 3 - String(n + 1).count)) + "\(n + 1)) ") + "\n")
        }
        io.write("Type a number to change that answer, or press Enter to go on.\n> ")
        guard let line = io.readLine()?.trimmingCharacters(in: .whitespaces), !line.isEmpty else { return }
        guard let n = Int(line), (1...answered.count).contains(n) else {
            io.write("There is no answer \(line.singleLineSafe); going on.\n")
            return
        }
        current = answered[n - 1]
    }

    private func finish(_ evaluation: Evaluation) throws(FatalError) -> Ending {
        let report = ResultReport(evaluation, pack: pack, language: language, caseID: session.id)
        io.write("\nAll questions are answered.\n\n")
        guard recordsReferrals else {
            let path = try session.complete(report: report, decisions: [])
            return .completed(recordPath: path, report: report, decisions: [])
        }
        io.write(TextReport().render(report, pack: pack, language: language))
        var decisions: [ReferralDecision] = []
        let suggested = report.referrals.filter { $0.state == .present }
        if !suggested.isEmpty { io.write("\nFor each referral, record what happened.\n") }
        for (i, referral) in suggested.enumerated() {
            io.write("\nReferral \(i + 1) of \(suggested.count): \(referral.serviceTitle.singleLineSafe) (\(referral.urgency.describe))\n")
            while true {
                io.write("m) made  d) declined by the person  n) not made\n> ")
                guard let line = io.readLine() else { return .savedDraft }
                switch line.trimmingCharacters(in: .whitespaces).lowercased() {
                case "m": decisions.append(ReferralDecision(referral: referral.id, decision: .made))
                case "d": decisions.append(ReferralDecision(referral: referral.id, decision: .declined))
                case "n":
                    io.write("Why was it not made?\n> ")
                    guard let reason = io.readLine() else { return .savedDraft }
                    decisions.append(ReferralDecision(referral: referral.id, decision: .notMade, reason: reason.trimmingCharacters(in: .whitespaces)))
                case "x": return .quickExit
                case "q": return .savedDraft
                default:
                    io.write("Please type m, d or n.\n")
                    continue
                }
                break
            }
        }
        let path = try session.complete(report: report, decisions: decisions)
        io.write("\nThe intake is complete and saved (\(session.id)).\n")
        return .completed(recordPath: path, report: report, decisions: decisions)
    }
}
