import Foundation
import WaymarkCore
import WaymarkRecords

/// Where an interview reads answers and writes prompts; the terminal and the tests each provide one.
public protocol InterviewIO: AnyObject {
    /// The next line typed, without its line break; nil at the end of input.
    func readLine() -> String?
    func write(_ text: String)
    /// The width to wrap text to.
    var columns: Int { get }
    /// Whether the caseworker's own text may be dimmed: a colour terminal, without NO_COLOR or TERM=dumb.
    var colour: Bool { get }
}

extension InterviewIO {
    public var columns: Int { 80 }
    public var colour: Bool { false }
}

/// The languages of an interview: what is read to the person, and what the caseworker reads and types.
public struct InterviewLanguages: Sendable {
    /// The language the person is asked in; nil for the pack's default.
    public var person: String?
    /// The caseworker's language for the tool's words, help and guidance; nil for the person's.
    public var caseworker: String?
    /// Loads the tool's words for a language.
    public var catalogs: @Sendable (String) -> Catalog

    /// The person's and the caseworker's languages, nil for their defaults, and where the tool's words are loaded from.
    public init(person: String? = nil, caseworker: String? = nil, catalogs: @escaping @Sendable (String) -> Catalog = { Catalog.load($0) }) {
        self.person = person
        self.caseworker = caseworker
        self.catalogs = catalogs
    }
}

/// The guided interview: asks the pack's questions in order with skip logic, records each answer before the next
/// question, and at the end shows the result and asks what became of each suggested referral.
public final class Interview {
    /// How the interview ended: completed with a record, saved as a draft, or left by quick exit.
    public enum Ending {
        case completed(recordPath: String, report: ResultReport, decisions: [ReferralDecision])
        case savedDraft
        case quickExit
    }

    static let commandsHelp = "? help · u unknown · d declined · b back · r review · s sections · + note · l language · q save and quit · x quick exit"

    private let session: IntakeSession
    private let io: InterviewIO
    /// What is read to the person; `l` changes it.
    private var language: String?
    private let caseworkerLanguage: String?
    private let catalogs: @Sendable (String) -> Catalog
    /// The tool's words in the caseworker's language.
    private let words: Catalog
    private var personWords: Catalog
    private let evaluator: Evaluator
    private let decoder: AnswersDecoder
    private var current: Int?
    private var history: [Int] = []
    private var lastSection: String??
    private var shownCommands = false
    /// How many questions applied when the last prompt was shown, to explain a change in the estimate.
    private var lastAskedCount: Int?
    private let recordsReferrals: Bool
    /// The organisation's contacts, shown with each referral; without it the pack's own contacts, if any.
    public var serviceDirectory: ServiceDirectory?
    /// In practice, the scenario's story: `t` shows it again at any prompt.
    public var story: String?

    /// `recordsReferrals: false` is for practice: the interview ends when the questions do.
    public convenience init(session: IntakeSession, io: InterviewIO, language: String? = nil, recordsReferrals: Bool = true) {
        self.init(session: session, io: io, languages: InterviewLanguages(person: language), recordsReferrals: recordsReferrals)
    }

    /// An interview for `session`, reading and writing through `io`, in the given languages.
    public init(session: IntakeSession, io: InterviewIO, languages: InterviewLanguages, recordsReferrals: Bool = true) {
        self.session = session
        self.io = io
        language = languages.person
        caseworkerLanguage = languages.caseworker ?? languages.person
        catalogs = languages.catalogs
        words = caseworkerLanguage.map(languages.catalogs) ?? .english
        personWords = languages.person.map(languages.catalogs) ?? .english
        self.recordsReferrals = recordsReferrals
        evaluator = Evaluator(pack: session.pack)
        decoder = AnswersDecoder(pack: session.pack)
    }

    private var pack: Pack { session.pack }

    private var packLanguage: String { pack.info.languages.first ?? "en" }
    private var personLanguage: String { language ?? packLanguage }

    private func wrap(_ text: String, indent: String = "", firstIndent: String? = nil) -> String {
        TextWrap.wrap(text, width: max(20, io.columns), indent: indent, firstIndent: firstIndent)
    }

    /// Asks questions until all are answered, input ends or the caseworker quits, saving each answer before the next.
    public func run() throws(FatalError) -> Ending {
        showResumeNotes()
        showTranslationNote()
        while true {
            let evaluation = evaluator.evaluate(session.answers)
            let asked = pack.questions.indices.filter { evaluation.questionStatus[$0] == .asked }
            if let q = current, evaluation.questionStatus[q] == .notAsked { current = nil }
            guard let q = current ?? asked.first(where: { session.answers[$0] == nil }) else {
                return try finish(evaluation)
            }
            noteProgressChange(asked: asked)
            prompt(q, asked: asked, evaluation: evaluation)
            guard let line = io.readLine() else { return .savedDraft }
            let input = line.trimmingCharacters(in: .whitespaces)
            switch input.lowercased() {
            case "?", "h", "help": showHelp(q)
            case "u", "unknown": try answer(.unknown, q)
            case "d", "declined": try answer(.declined, q)
            case "b": goBack(from: q, asked: asked)
            case "r": review(evaluation)
            case "l": chooseLanguage()
            case "s": chooseSection(asked: asked)
            case "+": try addNote(q)
            case "t" where story != nil: io.write("\n" + wrap(words("The story:")) + "\n" + wrap(story?.terminalSafe ?? "", indent: "  ") + "\n")
            case "q": return .savedDraft
            case "x": return .quickExit
            case "" where session.answers[q] != nil:
                // Enter keeps the answer already given: going back to look is not changing it.
                history.append(q)
                current = nil
            case "":
                io.write(wrap(words("Please answer, or type u if it is not known, d if the person prefers not to say.")) + "\n")
            default:
                switch parse(input, for: pack.questions[q]) {
                case .success(let value):
                    try answer(.value(value), q)
                    if value == .yesNo(true), pack.questions[q].offersLanguageChoice { offerLanguageChoice() }
                case .failure:
                    io.write(wrap(words("That answer does not fit.") + " " + typingHint(pack.questions[q])) + "\n")
                    io.write(wrap("(" + words(Self.commandsHelp) + ")") + "\n")
                }
            }
        }
    }

    private func answer(_ answer: Answer, _ q: Int) throws(FatalError) {
        try session.record(answer, question: q, language: personLanguage)
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
            io.write(words("This is the first question.") + "\n")
        }
    }

    private func showResumeNotes() {
        for warning in session.warnings { io.write(words("Note:") + " \(warning.message)\n") }
        if session.packChanged {
            io.write(wrap(words("The rule pack has changed since this intake began ({1} then, {2} now). Answers were checked again.",
                                "\(session.header.packID) \(session.header.packVersion)".singleLineSafe, "\(pack.info.id) \(pack.info.version)".singleLineSafe)) + "\n")
        }
        if !session.unusable.isEmpty {
            io.write(words("These answers no longer fit the pack and are not used (they stay in the journal):") + "\n")
            for u in session.unusable { io.write("  - \(u.question.singleLineSafe): \(u.value.singleLineSafe) — \(u.reason.singleLineSafe)\n") }
        }
    }

    /// Says, once, when the last answer changed how many questions are ahead, so the estimate never jumps unexplained.
    private func noteProgressChange(asked: [Int]) {
        defer { lastAskedCount = asked.count }
        guard let before = lastAskedCount, before != asked.count, let last = history.last else { return }
        let question = pack.questions[last].id
        let change = asked.count - before
        io.write(wrap(words("(the last answer, {1}, changed the questions ahead: {2})", question, change > 0 ? "+\(change)" : "\(change)")) + "\n")
    }

    private func prompt(_ q: Int, asked: [Int], evaluation: Evaluation) {
        let position = (asked.firstIndex(of: q) ?? 0) + 1, total = asked.count
        let question = pack.questions[q]
        if lastSection != .some(question.section) {
            lastSection = .some(question.section)
            if let id = question.section, let section = pack.sections.first(where: { $0.id == id }) {
                io.write("\n== \(section.title.text(caseworkerLanguage).singleLineSafe) ==\n")
                if let description = section.description { io.write(wrap(description.text(caseworkerLanguage).terminalSafe) + "\n") }
            }
        }
        let sectionTitle = question.section.flatMap { id in pack.sections.first { $0.id == id }?.title.text(caseworkerLanguage) }
        let inSection = asked.filter { pack.questions[$0].section == question.section }
        let sectionPart = sectionTitle.map { $0.singleLineSafe + " \((inSection.firstIndex(of: q) ?? 0) + 1)/\(inSection.count) · " } ?? ""
        io.write("\n[" + sectionPart + words("question {1} of about {2}", position, total) + "]\n")
        if question.sensitive {
            let guidance = question.guidance?.text(caseworkerLanguage)
                ?? words("This is a sensitive question. Say why you ask it, and that the person does not have to answer.")
            io.write(caseworkerText(wrap(words("Interviewer, not to read aloud:") + " " + guidance.terminalSafe, indent: "  ")) + "\n")
        }
        var prompt = question.prompt
        if let childPrompt = question.childPrompt, mayBeChild(evaluation) { prompt = childPrompt }
        // A prompt that is the interviewer's own observation is for the caseworker, in their language.
        let isObservation = prompt.text(packLanguage).hasPrefix("Interviewer:")
        let shown = wrap(prompt.text(isObservation ? caseworkerLanguage : language).terminalSafe)
        io.write((isObservation ? caseworkerText(shown) : shown) + "\n")
        switch question.type {
        case .single, .multi:
            for (i, choice) in question.choices.enumerated() {
                io.write(wrap(choice.label.text(isObservation ? caseworkerLanguage : language).terminalSafe, indent: "     ", firstIndent: "  \(i + 1)) ") + "\n")
            }
        default: break
        }
        if let answer = session.answers[q] {
            io.write(wrap(words("(current answer: {1}; press Enter to keep it)", display(answer, question).singleLineSafe)) + "\n")
        }
        if !shownCommands {
            io.write(wrap("(" + words(Self.commandsHelp) + ")") + "\n")
            shownCommands = true
        }
        io.write(inputHint(question) + "> ")
    }

    private func inputHint(_ question: Question) -> String {
        switch question.type {
        case .yesNo: return words("y/n") + " "
        case .single: return words("number") + " "
        case .multi: return words("numbers, e.g. 1,3") + " "
        case .number:
            if let min = question.min, let max = question.max { return words("number") + " \(min.formatted)-\(max.formatted) " }
            return words("number") + " "
        case .date: return words("YYYY-MM-DD") + " "
        case .text: return ""
        }
    }

    /// What to type, said when an answer does not fit.
    private func typingHint(_ question: Question) -> String {
        switch question.type {
        case .yesNo: return words("Type y for yes or n for no.")
        case .single: return words("Type one of the numbers 1 to {1}.", question.choices.count)
        case .multi: return words("Type one or more of the numbers 1 to {1}, separated by commas.", question.choices.count)
        case .number:
            if let min = question.min, let max = question.max { return words("Type a number from {1} to {2}.", min.formatted, max.formatted) }
            return words("Type a number.")
        case .date: return words("Type a date as YYYY-MM-DD.")
        case .text: return words("Type the answer, at most {1} characters.", Self.maxTypedText)
        }
    }

    /// An answer as the caseworker reads it: choice labels and yes/no in their language.
    private func display(_ answer: Answer, _ question: Question) -> String {
        switch answer {
        case .unknown: return words("unknown")
        case .declined: return words("declined")
        case .value(.yesNo(let b)): return b ? words("yes") : words("no")
        case .value(.choices(let cs)) where cs.isEmpty: return words("none of these")
        case .value(let v): return v.display(for: question, language: caseworkerLanguage)
        }
    }

    /// Tells the caseworker, and only them, when what the person hears is a draft translation or falls back to English.
    private func showTranslationNote() {
        guard personLanguage != packLanguage else { return }
        guard pack.info.languages.contains(personLanguage) else {
            io.write(wrap(words("Note for you, not to read aloud: the pack has no '{1}' texts, so the person will hear them in {2}.",
                                personLanguage.singleLineSafe, packLanguage)) + "\n")
            return
        }
        let c = pack.completeness(personLanguage)
        if c.draft > 0 {
            io.write(wrap(words("Note for you, not to read aloud: the {1} texts are a draft translation that a native speaker has not yet checked. Rephrase anything unclear.",
                                Self.languageName(personLanguage))) + "\n")
        }
        if c.personFacingFallbacks > 0 {
            io.write(wrap(words("Note for you: {1} texts the person hears have no current {2} translation and will show in English.",
                                c.personFacingFallbacks, Self.languageName(personLanguage))) + "\n")
        }
    }

    static func languageName(_ code: String) -> String { LanguageNames.own[code] ?? code }

    /// A decision in the caseworker's words.
    static func describe(_ decision: ReferralDecision.Decision, _ words: Catalog) -> String {
        switch decision {
        case .made: return words("made")
        case .declined: return words("declined by the person")
        case .notMade: return words("not made")
        case .pending: return words("to be done later")
        }
    }

    /// The intake's start time, from its journal, for due dates.
    static func startDate(_ started: String) -> Date { ISO8601DateFormatter().date(from: started) ?? Date() }

    /// `+`: a note the caseworker keeps with the question: journalled like an answer, treated as sensitive.
    private func addNote(_ q: Int) throws(FatalError) {
        io.write(wrap(words("Note for this question (kept with the record, left out of reports unless asked for); Enter alone adds nothing:")) + "\n> ")
        guard let text = io.readLine()?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return }
        guard text.count <= Self.maxTypedText else {
            io.write(wrap(words("Type the answer, at most {1} characters.", Self.maxTypedText)) + "\n")
            return
        }
        try session.addNote(text, question: q)
        io.write(words("Note saved.") + "\n")
    }

    /// The caseworker's silent reading, dimmed on a colour terminal; plain in a pipe and for a screen reader, where
    /// the "Interviewer" label and the indent already set it apart.
    private func caseworkerText(_ text: String) -> String {
        io.colour ? text.split(separator: "\n", omittingEmptySubsequences: false).map { "\u{1B}[2m\($0)\u{1B}[0m" }.joined(separator: "\n") : text
    }

    /// `s`: the sections with how far each has got; choosing one goes to its first open question.
    private func chooseSection(asked: [Int]) {
        let sections = pack.sections.filter { section in asked.contains { pack.questions[$0].section == section.id } }
        io.write(words("Sections (answered / asked):") + "\n")
        for (n, section) in sections.enumerated() {
            let questions = asked.filter { pack.questions[$0].section == section.id }
            let done = questions.filter { session.answers[$0] != nil }.count
            io.write("  \(n + 1)) \(section.title.text(caseworkerLanguage).singleLineSafe)  \(done)/\(questions.count)\n")
        }
        io.write("> ")
        guard let line = io.readLine()?.trimmingCharacters(in: .whitespaces), let n = Int(line), (1...max(1, sections.count)).contains(n),
              !sections.isEmpty else {
            io.write(words("Staying at this question.") + "\n")
            return
        }
        let questions = asked.filter { pack.questions[$0].section == sections[n - 1].id }
        current = questions.first { session.answers[$0] == nil } ?? questions.first
    }

    /// After the person asks for another language: what to do, and the languages the questions can be shown in.
    private func offerLanguageChoice() {
        io.write(wrap(words("The person would rather talk in another language. Arrange a professional interpreter if needed: never a companion, employer, relative or child. The questions can also be shown in another language now.")) + "\n")
        chooseLanguage()
    }

    /// `l`: choose the language read to the person; the caseworker's own words stay as they are.
    private func chooseLanguage() {
        io.write(words("Language for the person:") + "\n")
        let languages = pack.info.languages
        for (i, code) in languages.enumerated() {
            io.write("  \(i + 1)) \(Self.languageName(code)) (\(code))" + (code == personLanguage ? " *" : "") + "\n")
        }
        io.write("> ")
        guard let line = io.readLine()?.trimmingCharacters(in: .whitespaces), let n = Int(line), (1...languages.count).contains(n) else {
            io.write(words("The language stays as it was.") + "\n")
            return
        }
        language = languages[n - 1]
        personWords = catalogs(languages[n - 1])
        showTranslationNote()
    }

    /// The pack's `possible_child` derived condition, where it has one, switches to child wording.
    private func mayBeChild(_ evaluation: Evaluation) -> Bool {
        guard let d = pack.derivedIndex["possible_child"] else { return false }
        return evaluation.derivedStates[d] != .absent
    }

    private func showHelp(_ q: Int) {
        let question = pack.questions[q]
        if let help = question.help { io.write(wrap(help.text(caseworkerLanguage).terminalSafe) + "\n") }
        else { io.write(words("There is no extra help for this question.") + "\n") }
        io.write(wrap("(" + words(Self.commandsHelp) + ")") + "\n")
    }

    /// Yes or no typed in one of these catalogs' languages (y/n in any), folded the language's way; nil otherwise.
    static func yesOrNo(_ input: String, in catalogs: [Catalog]) -> Bool? {
        for catalog in catalogs {
            let folded = CaseFolding.lowercased(input, language: catalog.language)
            if catalog.yesWords.contains(folded) { return true }
            if catalog.noWords.contains(folded) { return false }
        }
        return nil
    }

    /// Reads typed input: y/n, choice numbers (or ids), numbers in range, text, dates.
    /// Free text typed at a prompt or as a note: longer than this is refused where it is typed, not dropped on resume.
    static let maxTypedText = 10_000

    func parse(_ input: String, for question: Question) -> Result<AnswerValue, AnswersDecoder.Problem> {
        if input.count > Self.maxTypedText { return .failure(.init(message: "longer than \(Self.maxTypedText) characters")) }
        switch question.type {
        case .yesNo:
            // Yes and no in the person's and the caseworker's language, besides y/n.
            if let yes = Self.yesOrNo(input, in: [personWords, words]) { return .success(.yesNo(yes)) }
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
            io.write(words("No answers yet.") + "\n")
            return
        }
        io.write("\n" + words("Answers so far:") + "\n")
        for (n, q) in answered.enumerated() {
            let question = pack.questions[q]
            var line = "\(question.prompt.text(caseworkerLanguage).singleLineSafe) — \(display(session.answers[q]!, question).singleLineSafe)"
            if evaluation.questionStatus[q] == .notAsked { line += " " + words("(kept, not used: this question no longer applies)") }
            for note in session.notes where note.question == question.id { line += "\n" + words("note:") + " " + note.text.singleLineSafe }
            io.write(wrap(line, indent: "      ", firstIndent: String(repeating: " ", count: max(0, 3 - String(n + 1).count)) + "\(n + 1)) ") + "\n")
        }
        io.write(words("Type a number to change that answer, or press Enter to go on.") + "\n> ")
        guard let line = io.readLine()?.trimmingCharacters(in: .whitespaces), !line.isEmpty else { return }
        guard let n = Int(line), (1...answered.count).contains(n) else {
            io.write(words("There is no answer {1}; going on.", line.singleLineSafe) + "\n")
            return
        }
        current = answered[n - 1]
    }

    /// Whether agreement to a referral was given; nil at the end of input. For a child, the child protection body
    /// decides with the caseworker after hearing the child, so its answer is asked, not the child's.
    private func askConsent(to service: String, child: Bool, untold: [String]) -> Bool? {
        if !untold.isEmpty {
            io.write(wrap(words("Not yet explained to the person: {1}. Explain them before asking for agreement.", untold.joined(separator: "; "))) + "\n")
        }
        let question = child
            ? words("For a child, the child protection body decides with you after hearing the child. Has it been told, and does it agree to this referral to {1}?", service)
            : words("Did the person agree to this referral to {1}, after you explained what will be shared?", service)
        while true {
            io.write(wrap(question) + "\n" + words("y/n") + " > ")
            guard let reply = io.readLine() else { return nil }
            if let agreed = Self.yesOrNo(reply.trimmingCharacters(in: .whitespaces), in: [words]) { return agreed }
            io.write(wrap(words("Please type y or n.")) + "\n")
        }
    }

    /// The caseworker confirms which rights were explained; the record then says only what was. Nil when done.
    private func confirmNoticesTold(_ notices: [String]) throws(FatalError) -> Ending? {
        guard !notices.isEmpty, notices.contains(where: { session.told[$0] == nil }) else { return nil }
        while true {
            // Enter alone is not an answer: a right counts as told only when the caseworker says so.
            io.write("\n" + wrap(words("Which of these did you explain, in a language the person understands? Type their numbers (for example 1 2 3), a for all, or 0 for none.")) + "\n> ")
            guard let line = io.readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else { return .savedDraft }
            if line == "x" { return .quickExit }
            if line == "q" { return .savedDraft }
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "," })
            let numbers = parts.compactMap { Int($0) }
            let explained: Set<Int>
            if line == "a" {
                explained = Set(1...notices.count)
            } else if line == "0" {
                explained = []
            } else if !parts.isEmpty, numbers.count == parts.count, numbers.allSatisfy({ (1...notices.count).contains($0) }) {
                explained = Set(numbers)
            } else {
                io.write(wrap(words("Type numbers from 1 to {1}, a for all, or 0 for none.", notices.count)) + "\n")
                continue
            }
            var reason: String?
            if explained.count < notices.count {
                io.write(wrap(words("Why not, or when will they be? (for example: the person was tired; at the next meeting)")) + "\n> ")
                guard let typed = io.readLine() else { return .savedDraft }
                reason = String(typed.trimmingCharacters(in: .whitespaces).prefix(Self.maxTypedText))
            }
            for (i, id) in notices.enumerated() {
                let told = explained.contains(i + 1)
                try session.record(told: NoticeTold(notice: id, told: told, reason: told ? nil : reason))
            }
            return nil
        }
    }

    private func finish(_ evaluation: Evaluation) throws(FatalError) -> Ending {
        let report = ResultReport(evaluation, pack: pack, language: caseworkerLanguage, caseID: session.id)
            .withContacts(from: serviceDirectory, pack: pack)
        io.write("\n" + words("All questions are answered.") + "\n\n")
        guard recordsReferrals else {
            let path = try session.complete(report: report, decisions: [])
            return .completed(recordPath: path, report: report, decisions: [])
        }
        let plan = ReferralPlan(report)
        let screen = ResultScreen(words: words, width: io.columns)
        io.write(screen.render(report, plan: plan, pack: pack, language: caseworkerLanguage))
        io.write("\n" + wrap(words("Type i for the indicators, evidence and follow-up questions, or press Enter to go on.")) + "\n> ")
        guard let choice = io.readLine() else { return .savedDraft }
        if choice.trimmingCharacters(in: .whitespaces).lowercased() == "i" {
            var details = report
            details.notices = []  // read out in full just below
            // What the person declined to answer is not suggested again: asking is theirs to offer.
            details.followUps.removeAll { f in pack.questionIndex[f.question].map { session.answers[$0] == .declined } ?? false }
            io.write(TextReport(words: words, width: io.columns, showIDs: false).render(details, pack: pack, language: caseworkerLanguage,
                                                                                      personLanguage: language))
        }
        io.write(screen.notices(report, pack: pack, personLanguage: language))
        if let stop = try confirmNoticesTold(report.notices.map(\.id)) { return stop }
        if !plan.steps.isEmpty { io.write("\n" + words("For each service, record what happened.") + "\n") }
        if let stop = try recordDecisions(plan, report: report, child: mayBeChild(evaluation)) { return stop }
        let decisions = plan.steps.compactMap { session.decisions[$0.service] }
        let path = try session.complete(report: report, decisions: decisions)
        io.write("\n" + words("The intake is complete and saved ({1}).", session.id) + "\n")
        return .completed(recordPath: path, report: report, decisions: decisions)
    }

    /// One decision per service, most urgent first, each journalled as it is made; `b` goes back to change one.
    /// Nil once every service is decided; otherwise how the interview ended.
    private func recordDecisions(_ plan: ReferralPlan, report: ResultReport, child: Bool) throws(FatalError) -> Ending? {
        var step = plan.steps.indices.first { session.decisions[plan.steps[$0].service] == nil } ?? plan.steps.count
        while step < plan.steps.count {
            let current = plan.steps[step]
            io.write("\n" + wrap(words("Referral {1} of {2}: {3} ({4})", step + 1, plan.steps.count, current.title.singleLineSafe,
                                        words(current.urgency.describe))) + "\n")
            io.write(wrap(words("Contact: {1}", (current.contact ?? words("none in the service directory")).singleLineSafe), indent: "  ", firstIndent: "  ") + "\n")
            if let earlier = session.decisions[current.service] { io.write(words("(recorded: {1})", Self.describe(earlier.decision, words)) + "\n") }
            let childProtection = child && current.service == "child_protection"
            io.write(words(childProtection ? "m) made  n) not made  p) later" : "m) made  d) declined by the person  n) not made  p) later") + "\n> ")
            guard let line = io.readLine() else { return .savedDraft }
            let decision: ReferralDecision.Decision
            var reason: String?
            var consent: Bool?
            switch line.trimmingCharacters(in: .whitespaces).lowercased() {
            case "m", "made":
                guard current.needsConsent else { decision = .made; break }
                let untold = report.notices.filter { session.told[$0.id]?.told == false }.map { ($0.title ?? $0.id).singleLineSafe }
                guard let agreed = askConsent(to: current.title.singleLineSafe, child: child, untold: untold) else { return .savedDraft }
                if agreed {
                    decision = .made
                } else if child {
                    // A child's objection or an undecided body keeps the referral open; it is never "declined".
                    io.write(wrap(words("Kept open, to be decided with the child protection body.")) + "\n")
                    decision = .pending
                    reason = words("to be decided with the child protection body")
                } else {
                    io.write(wrap(words("Then it is not made: recorded as declined by the person.")) + "\n")
                    decision = .declined
                }
                consent = agreed
            case "d" where childProtection, "declined" where childProtection:
                io.write(wrap(words("A child's referral to child protection is not declined: record it as made, not made (with why), or later.")) + "\n")
                continue
            case "d", "declined": decision = .declined
            case "p", "later", "pending": decision = .pending
            case "n", "not made":
                io.write(words("Why was it not made?") + "\n> ")
                guard let typed = io.readLine() else { return .savedDraft }
                decision = .notMade
                reason = String(typed.trimmingCharacters(in: .whitespaces).prefix(Self.maxTypedText))
            case "b":
                if step > 0 { step -= 1 } else { io.write(words("This is the first referral.") + "\n") }
                continue
            case "?", "h", "help":
                io.write(wrap(words("m: the referral was made. d: the person did not want it. n: it was not made (you will be asked why). p: to be done later; it is due by its urgency. b: back to the previous service, to change what was recorded.")) + "\n")
                continue
            case "x": return .quickExit
            case "q": return .savedDraft
            default:
                io.write(words("Please type m, d, n or p (? explains them, b goes back).") + "\n")
                continue
            }
            // Saved at once, like an answer: a quick exit or a crash after this keeps it.
            var decided = ReferralDecision(step: current, decision: decision, reason: reason, decided: Date(), start: Self.startDate(session.header.started))
            decided.consent = consent
            try session.record(decision: decided)
            step += 1
        }
        return nil
    }
}
