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
}
