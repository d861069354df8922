/// What was recorded for one question.
public enum Answer: Sendable, Hashable {
    case value(AnswerValue)
    /// The person does not know, or the interviewer could not tell.
    case unknown
    /// The person chose not to say.
    case declined
}

/// A definite answer, typed by its question.
public enum AnswerValue: Sendable, Hashable {
    case yesNo(Bool)
    /// Index into the question's choices.
    case choice(Int)
    /// Indexes into the question's choices, sorted.
    case choices([Int])
    case number(Double)
    case text(String)
    /// Days since 1970-01-01.
    case date(Int)
}

/// The answers for one person, indexed like the pack's questions; nil means not answered.
public struct AnswerSet: Sendable, Hashable {
    public var answers: [Answer?]

    /// An empty set with every question unanswered.
    public init(questionCount: Int) { answers = Array(repeating: nil, count: questionCount) }

    public subscript(question: Int) -> Answer? {
        get { answers[question] }
        set { answers[question] = newValue }
    }
}

extension Answer {
    /// The answer as a person reads it, with choice labels resolved against `question`.
    public func display(for question: Question, language: String? = nil) -> String {
        switch self {
        case .unknown: return "unknown"
        case .declined: return "declined"
        case .value(let v): return v.display(for: question, language: language)
        }
    }

    /// The answer as written in an answers file (choice ids, yes/no, YYYY-MM-DD).
    public func fileForm(for question: Question) -> String {
        switch self {
        case .unknown: return "unknown"
        case .declined: return "declined"
        case .value(let v): return v.fileForm(for: question)
        }
    }
}

extension AnswerValue {
    /// The value as a person reads it: choice labels in `language`, other values as in a file.
    public func display(for question: Question, language: String? = nil) -> String {
        switch self {
        case .choice(let c): return question.choices[c].label.text(language)
        case .choices(let cs): return cs.isEmpty ? "none of these" : cs.map { question.choices[$0].label.text(language) }.joined(separator: ", ")
        default: return fileForm(for: question)
        }
    }

    /// The value as written in an answers file: choice ids, yes/no, numbers, YYYY-MM-DD dates.
    public func fileForm(for question: Question) -> String {
        switch self {
        case .yesNo(let b): return b ? "yes" : "no"
        case .choice(let c): return question.choices[c].id
        case .choices(let cs): return "[" + cs.map { question.choices[$0].id }.joined(separator: ", ") + "]"
        case .number(let n): return n.formatted
        case .text(let t): return t
        case .date(let d): return CalendarDay.format(d)
        }
    }
}
