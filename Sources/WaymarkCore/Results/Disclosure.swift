/// What a result may show of the person's answers: the one policy behind result JSON, explanations, summaries and
/// reports, so that no output reveals more than another.
public struct Disclosure: Sendable {
    /// Show answers to sensitive questions, and indicators that rest only on them (summaries and reports, on request).
    public var includeSensitive: Bool

    /// A policy that withholds sensitive answers unless `includeSensitive` is set.
    public init(includeSensitive: Bool = false) { self.includeSensitive = includeSensitive }

    /// Free text may name people and places: no result, explanation or log ever shows it.
    public static let freeTextPlaceholder = "[free text not shown]"
    public static let sensitivePlaceholder = "[sensitive answer left out]"

    /// An answer as evidence in a result or an explanation shows it.
    public static func evidence(_ answer: Answer, for question: Question) -> String {
        if case .value(.text) = answer { return freeTextPlaceholder }
        return answer.fileForm(for: question)
    }

    /// An answer as a summary for a person shows it.
    public func summary(_ answer: Answer, for question: Question, language: String?) -> String {
        if case .value(.text) = answer { return Self.freeTextPlaceholder }
        if question.sensitive, !includeSensitive, case .value = answer { return Self.sensitivePlaceholder }
        return answer.display(for: question, language: language)
    }

    /// Whether a summary may name an indicator: not when every answer its evidence rests on is a withheld sensitive one,
    /// since its title would tell what the person said.
    public func mayName(_ indicator: ResultReport.IndicatorEntry, in pack: Pack) -> Bool {
        if includeSensitive || indicator.evidence.isEmpty { return true }
        return !indicator.evidence.allSatisfy { e in pack.questionIndex[e.question].map { pack.questions[$0].sensitive } ?? false }
    }
}
