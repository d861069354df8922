/// Everything the engine concluded from one set of answers.
public struct Evaluation: Sendable {
    public var answers: AnswerSet
    public var questionStatus: [QuestionStatus]
    public var indicatorStates: [ItemState]
    public var derivedStates: [ItemState]
    /// Index of the first outcome whose condition is true, if any.
    public var outcome: Int?
    public var outcomeValues: [TruthValue]
    public var referralStates: [ItemState]
    public var noticeStates: [ItemState]
    /// For each undetermined rule, the unresolved questions whose answers could decide it.
    public var followUps: [RuleKey: [Int]]

    /// True when the question was asked and answered unknown, declined, or not at all.
    public func isUnresolved(_ q: Int) -> Bool {
        guard questionStatus[q] == .asked else { return false }
        if case .value = answers[q] { return false }
        return true
    }

    public func state(of item: ItemReference) -> ItemState {
        switch item {
        case .indicator(let i): return indicatorStates[i]
        case .derived(let d): return derivedStates[d]
        }
    }
}
