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

    /// The state of an indicator or derived indicator.
    public func state(of item: ItemReference) -> ItemState {
        switch item {
        case .indicator(let i): return indicatorStates[i]
        case .derived(let d): return derivedStates[d]
        }
    }

    /// The state of any rule. An outcome is present when it is the one chosen, absent when its condition is false
    /// or an earlier outcome came first, and undetermined when its condition is unknown.
    public func state(of key: RuleKey) -> ItemState {
        switch key {
        case .indicator(let i): return indicatorStates[i]
        case .derived(let d): return derivedStates[d]
        case .referral(let r): return referralStates[r]
        case .notice(let n): return noticeStates[n]
        case .outcome(let o): return outcome == o ? .present : outcomeValues[o] == .false ? .absent : .undetermined
        }
    }

    /// Whether the rule fired: the answer to "did this scenario reach it".
    public func fired(_ key: RuleKey) -> Bool { state(of: key) == .present }

    /// The rules of one kind that are present, in pack order.
    public func present(_ kind: RuleKind) -> [Int] {
        let states: [ItemState]
        switch kind {
        case .indicator: states = indicatorStates
        case .derived: states = derivedStates
        case .referral: states = referralStates
        case .notice: states = noticeStates
        case .outcome: return outcome.map { [$0] } ?? []
        }
        return states.indices.filter { states[$0] == .present }
    }
}
