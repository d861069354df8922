/// Whether a rule applies: present (true), absent (false) or undetermined (a follow-up could decide it).
public enum ItemState: String, Sendable, Hashable, Codable {
    case present, absent, undetermined
}

/// Whether skip logic put a question to the person.
public enum QuestionStatus: String, Sendable, Hashable {
    case asked
    case notAsked = "not_asked"
}

/// A rule of any kind, as follow-ups and explanations name them.
public enum RuleKey: Sendable, Hashable {
    case indicator(Int), derived(Int), outcome(Int), referral(Int), notice(Int)

    public var kind: RuleKind {
        switch self {
        case .indicator: return .indicator
        case .derived: return .derived
        case .outcome: return .outcome
        case .referral: return .referral
        case .notice: return .notice
        }
    }
}

/// The kinds of rule a pack has.
public enum RuleKind: Sendable, Hashable, CaseIterable {
    case indicator, derived, outcome, referral, notice

    /// The key of the rule at `index` of this kind.
    public func key(_ index: Int) -> RuleKey {
        switch self {
        case .indicator: return .indicator(index)
        case .derived: return .derived(index)
        case .outcome: return .outcome(index)
        case .referral: return .referral(index)
        case .notice: return .notice(index)
        }
    }
}
