/// The kinds of answer a question takes.
public enum QuestionType: String, Sendable, CaseIterable {
    case yesNo = "yes_no", single, multi, number, text, date

    /// How the type reads in a message: "a yes/no question".
    public var describe: String {
        switch self {
        case .yesNo: return "a yes/no question"
        case .single: return "a single-choice question"
        case .multi: return "a multiple-choice question"
        case .number: return "a number question"
        case .text: return "a free-text question"
        case .date: return "a date question"
        }
    }
}
