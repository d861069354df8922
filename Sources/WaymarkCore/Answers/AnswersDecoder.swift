import Foundation

/// Reads answers documents (YAML or JSON) against a pack, typing each answer by its question.
public struct AnswersDecoder {
    public let pack: Pack

    /// A decoder that types answers by the questions of `pack`.
    public init(pack: Pack) { self.pack = pack }

    /// The keys an answers document may hold.
    public static let documentKeys = ["pack", "id", "answers"]

    /// An answers document: `pack` (checked when present), an optional case `id`, and `answers`.
    public func decodeDocument(_ node: YAMLNode, reader: SchemaReader) -> (id: String?, answers: AnswerSet) {
        if let pairs = node.mapping, pairs.contains(where: { $0.key.scalar?.text == "referral_decisions" }) {
            return decodeRecord(node, reader: reader)
        }
        guard let f = reader.fields(node, of: "an answers file", allowed: Self.documentKeys, required: ["answers"]) else {
            return (nil, AnswerSet(questionCount: pack.questions.count))
        }
        if let packID = f.string("pack"), packID != pack.info.id, let packNode = f["pack"] {
            reader.error(code: "W4001", packNode, "these answers are for pack '\(packID.singleLineSafe)', but the pack loaded is '\(pack.info.id)'",
                         suggestion: "use --pack to choose the pack they were recorded with")
        }
        let answers = f["answers"].map { decodeAnswers($0, reader: reader) } ?? AnswerSet(questionCount: pack.questions.count)
        return (f.string("id"), answers)
    }

    /// The keys of a completed intake's record (`*.record.json`), which `evaluate` accepts to re-screen a past case.
    public static let recordKeys = ["id", "pack", "pack_at_start", "engine", "started", "ended", "language", "answers", "notes",
                                    "answer_languages", "answers_not_used", "result", "referral_decisions", "notices_told"]

    /// An intake record read as answers: its id and answers; the rest (the result then, decisions) is the tool's own.
    func decodeRecord(_ node: YAMLNode, reader: SchemaReader) -> (id: String?, answers: AnswerSet) {
        guard let f = reader.fields(node, of: "an intake record", allowed: Self.recordKeys, required: ["answers"]) else {
            return (nil, AnswerSet(questionCount: pack.questions.count))
        }
        if let packNode = f["pack"], let p = reader.fields(packNode, of: "the record's pack", allowed: ["id", "version", "hash"]),
           let packID = p.string("id"), packID != pack.info.id {
            reader.error(code: "W4006", packNode, "this record is from pack '\(packID.singleLineSafe)', but the pack loaded is '\(pack.info.id)'",
                         suggestion: "use --pack to choose the pack it was recorded with")
        }
        let answers = f["answers"].map { decodeAnswers($0, reader: reader) } ?? AnswerSet(questionCount: pack.questions.count)
        return (f.string("id"), answers)
    }

    /// A mapping of question id to answer.
    public func decodeAnswers(_ node: YAMLNode, reader: SchemaReader) -> AnswerSet {
        var set = AnswerSet(questionCount: pack.questions.count)
        guard let pairs = node.mapping else {
            reader.error(code: "W4002", node, "'answers' must be a mapping of question id to answer, found \(node.kindDescription)")
            return set
        }
        for pair in pairs {
            let id = pair.key.scalar?.text ?? ""
            guard let q = pack.questionIndex[id] else {
                reader.error(code: "W4003", pair.key, "unknown question '\(id.singleLineSafe)'",
                             suggestion: Suggestion.didYouMean(id, in: pack.questionIndex.keys))
                continue
            }
            if let answer = decode(pair.value, for: pack.questions[q], reader: reader) { set[q] = answer }
        }
        return set
    }

    /// One answer; nil for an empty value (not answered) or an invalid one (reported).
    public func decode(_ node: YAMLNode, for question: Question, reader: SchemaReader) -> Answer? {
        if node.isNull { return nil }
        // The two states are written the same way in YAML and JSON, quoted or not, for every type of question,
        // so that records and attempts read back exactly as they were saved.
        if let text = node.scalar?.text {
            if text == "unknown" { return .unknown }
            if text == "declined" { return .declined }
        }
        switch parse(node, for: question) {
        case .success(let value): return .value(value)
        case .failure(let problem):
            reader.error(code: "W4005", node, problem.message, suggestion: problem.suggestion)
            return nil
        }
    }

    /// Why a value does not fit its question.
    public struct Problem: Error, Sendable {
        public var message: String
        public var suggestion: String?

        /// A problem with a message and an optional hint.
        public init(message: String, suggestion: String? = nil) {
            self.message = message
            self.suggestion = suggestion
        }
    }

    /// Types a node as an answer to `question`, or says why it cannot be one.
    public func parse(_ node: YAMLNode, for question: Question) -> Result<AnswerValue, Problem> {
        let id = question.id
        if question.type == .multi {
            guard let items = node.sequence else {
                let example = node.scalar.map { "[\($0.text.singleLineSafe)]" } ?? "[\(question.choices.first?.id ?? "choice")]"
                return .failure(Problem(message: "'\(id)' is \(question.type.describe); expected a list of choices", suggestion: "write \(example)"))
            }
            var choices = Set<Int>()
            for item in items {
                guard let text = item.scalar?.text else {
                    return .failure(Problem(message: "expected a choice id in the list for '\(id)'"))
                }
                switch choice(text, of: question) {
                case .success(let c): choices.insert(c)
                case .failure(let p): return .failure(p)
                }
            }
            return .success(.choices(choices.sorted()))
        }
        guard let scalar = node.scalar else {
            return .failure(Problem(message: "'\(id)' is \(question.type.describe); expected a single answer, found \(node.kindDescription)"))
        }
        return parse(text: scalar.text, quoted: scalar.isQuoted, for: question)
    }

    /// Types text typed at a prompt or found in a file as an answer to `question`.
    public func parse(text: String, quoted: Bool = false, for question: Question) -> Result<AnswerValue, Problem> {
        let id = question.id
        switch question.type {
        case .yesNo:
            switch text {
            case "yes": return .success(.yesNo(true))
            case "no": return .success(.yesNo(false))
            default: break
            }
            switch text.lowercased() {
            case "yes", "y", "true": return .success(.yesNo(true))
            case "no", "n", "false": return .success(.yesNo(false))
            default: return .failure(Problem(message: "'\(id)' is a yes/no question; expected yes or no, found '\(text.singleLineSafe)'",
                                             suggestion: "or unknown, or declined"))
            }
        case .single:
            return choice(text, of: question).map(AnswerValue.choice)
        case .multi:
            let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            var choices = Set<Int>()
            for part in parts {
                switch choice(part, of: question) {
                case .success(let c): choices.insert(c)
                case .failure(let p): return .failure(p)
                }
            }
            return .success(.choices(choices.sorted()))
        case .number:
            guard !quoted, let n = SchemaReader.number(text) else {
                return .failure(Problem(message: "'\(id)' is a number question; expected a number, found '\(text.singleLineSafe)'"))
            }
            if let min = question.min, n < min {
                return .failure(Problem(message: "\(n.formatted) is below \(min.formatted), the smallest answer '\(id)' allows"))
            }
            if let max = question.max, n > max {
                return .failure(Problem(message: "\(n.formatted) is above \(max.formatted), the largest answer '\(id)' allows"))
            }
            return .success(.number(n))
        case .text:
            return .success(.text(text))
        case .date:
            guard let day = CalendarDay.parse(text) else {
                return .failure(Problem(message: "'\(id)' is a date question; expected a date, found '\(text.singleLineSafe)'",
                                        suggestion: "write it as YYYY-MM-DD"))
            }
            return .success(.date(day))
        }
    }

    private func choice(_ text: String, of question: Question) -> Result<Int, Problem> {
        if let c = question.choiceIndex(text) { return .success(c) }
        return .failure(Problem(message: "'\(text.singleLineSafe)' is not a choice of '\(question.id)'",
                                suggestion: Suggestion.didYouMean(text, in: question.choices.map(\.id))
                                    ?? "its choices are \(question.choices.map(\.id).joined(separator: ", "))"))
    }
}
