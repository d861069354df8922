/// A loaded, checked rule pack: everything the engine evaluates against.
public struct Pack: Sendable {
    public var info: PackInfo
    public var sources: [Source]
    public var categories: [Category]
    public var sections: [Section]
    public var questions: [Question]
    public var indicators: [Indicator]
    public var derived: [DerivedCondition]
    public var outcomes: [Outcome]
    public var services: [Service]
    public var referrals: [Referral]
    public var notices: [Notice]
    /// SHA-256 of the pack's files, so a result can be replayed against exactly this pack.
    public var contentHash: String
    /// Indicators and derived conditions in an order where each comes after what it refers to.
    public var evaluationOrder: [ItemReference]
    /// Answer sets written beside indicators and referrals, saying whether the rule fires for them.
    public var examples: [RuleExample] = []
    /// Texts in the pack's other languages, with their review status, from `lang/*.yaml`.
    public var translations: [Translation] = []
    /// The conditions in the evaluator's fast form; built by `compile()` once the pack is complete.
    var compiled: CompiledPack?

    /// Prepares the conditions for fast evaluation; call again after changing any of them.
    public mutating func compile() { compiled = CompiledPack(self) }

    public var questionIndex: [String: Int] = [:]
    public var indicatorIndex: [String: Int] = [:]
    public var derivedIndex: [String: Int] = [:]
    public var outcomeIndex: [String: Int] = [:]
    public var referralIndex: [String: Int] = [:]
    public var noticeIndex: [String: Int] = [:]
    public var serviceIndex: [String: Int] = [:]

    /// The questions a condition reads, directly or through the indicators and derived conditions it names, in pack order.
    public func transitiveQuestions(of condition: Condition) -> [Int] {
        var questions = Set(condition.questions)
        var seen = Set<ItemReference>()
        var pending = condition.tests.compactMap { test -> ItemReference? in if case .item(let item) = test { return item } else { return nil } }
        while let item = pending.popLast() {
            guard seen.insert(item).inserted else { continue }
            let inner: Condition
            switch item {
            case .indicator(let i): inner = indicators[i].when
            case .derived(let d): inner = derived[d].when
            }
            // count() reads indicator states, not their questions: only direct references count as evidence.
            for test in inner.tests { if case .item(let next) = test { pending.append(next) } }
            questions.formUnion(inner.questions)
        }
        return questions.sorted()
    }

    /// Numbers just below, at and just above each constant any condition compares question `q` with, within its range:
    /// the answers worth trying when looking for one that changes a result.
    public func boundaryNumbers(for q: Int) -> [Double] {
        var points = Set<Double>()
        for (_, condition) in namedConditions {
            for case .compare(.question(q), _, .constant(let n)) in condition.tests { points.formUnion([n - 1, n, n + 1]) }
        }
        let question = questions[q]
        return points.sorted().filter { (question.min ?? -.infinity) <= $0 && $0 <= (question.max ?? .infinity) }
    }

    public func service(_ id: String) -> Service? { serviceIndex[id].map { services[$0] } }
}

/// The `pack:` header.
public struct PackInfo: Sendable {
    public var id: String
    public var version: String
    public var title: LocalizedText
    public var description: LocalizedText?
    public var languages: [String]
    public var location: SourceLocation
}

/// A document the rules trace to, such as a report, with its citable items.
public struct Source: Sendable {
    public var id: String
    public var title: LocalizedText
    public var url: String?
    public var items: [SourceItem]
    public var location: SourceLocation
}

/// One citable item of a source, such as a recommendation, paraphrased in one line.
public struct SourceItem: Sendable {
    public var id: String
    public var text: LocalizedText
    public var location: SourceLocation
}

/// An indicator dimension, such as one of the ILO's six.
public struct Category: Sendable {
    public var id: String
    public var title: LocalizedText
    public var description: LocalizedText?
    public var location: SourceLocation
}

/// A titled group of questions in the interview.
public struct Section: Sendable {
    public var id: String
    public var title: LocalizedText
    public var description: LocalizedText?
    public var location: SourceLocation
}

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

/// One answer a single- or multiple-choice question offers.
public struct Choice: Sendable {
    public var id: String
    public var label: LocalizedText
    public var location: SourceLocation
}

/// A question the interview may ask, with its type, wording and skip logic.
public struct Question: Sendable {
    public var id: String
    public var section: String?
    public var type: QuestionType
    public var prompt: LocalizedText
    public var childPrompt: LocalizedText?
    public var help: LocalizedText?
    public var guidance: LocalizedText?
    public var choices: [Choice]
    public var min: Double?
    public var max: Double?
    public var askIf: Condition?
    public var sensitive: Bool
    public var sources: [SourceReference]
    public var location: SourceLocation

    public func choiceIndex(_ id: String) -> Int? { choices.firstIndex { $0.id == id } }
}

/// A citation `source/item` and where it was written.
public struct SourceReference: Sendable, Hashable {
    public var source: String
    public var item: String
    public var location: SourceLocation
    public var description: String { "\(source)/\(item)" }
}

/// How much an indicator weighs, in the ILO's terms.
public enum Strength: String, Sendable, CaseIterable, Comparable {
    case strong, medium, weak

    private var rank: Int { self == .strong ? 0 : self == .medium ? 1 : 2 }
    public static func < (a: Strength, b: Strength) -> Bool { a.rank < b.rank }
}

/// A sign of trafficking or exploitation, with its dimension, weight and condition.
public struct Indicator: Sendable {
    public var id: String
    public var title: LocalizedText
    public var description: LocalizedText?
    public var category: String
    public var strength: Strength
    public var populations: [String]
    public var when: Condition
    public var sources: [SourceReference]
    public var location: SourceLocation

    /// The tags `count()` matches on: id, category, strength and populations.
    public var tags: Set<String> { Set([id, category, strength.rawValue] + populations) }
}

/// A named condition, usable in other conditions as `derived.<id>`.
public struct DerivedCondition: Sendable {
    public var id: String
    public var title: LocalizedText?
    public var description: LocalizedText?
    public var when: Condition
    public var sources: [SourceReference]
    public var location: SourceLocation
}

/// A conclusion; the first outcome whose condition is true is the result.
public struct Outcome: Sendable {
    public var id: String
    public var title: LocalizedText
    public var description: LocalizedText?
    public var when: Condition
    public var sources: [SourceReference]
    public var location: SourceLocation
}

/// A service a person can be referred to; contacts are filled in locally.
public struct Service: Sendable {
    public var id: String
    public var title: LocalizedText
    public var description: LocalizedText?
    public var contact: String?
    public var location: SourceLocation
}

/// How soon a referral should be made.
public enum Urgency: String, Sendable, CaseIterable, Comparable {
    case immediate, within24h = "within_24h", routine

    private var rank: Int { self == .immediate ? 0 : self == .within24h ? 1 : 2 }
    public static func < (a: Urgency, b: Urgency) -> Bool { a.rank < b.rank }

    /// How the urgency reads to a person.
    public var describe: String {
        switch self {
        case .immediate: return "now"
        case .within24h: return "within 24 hours"
        case .routine: return "routine"
        }
    }
}

/// A suggestion to refer the person to a service, with why, when its condition holds.
public struct Referral: Sendable {
    public var id: String
    public var service: String
    public var urgency: Urgency
    public var when: Condition
    public var because: LocalizedText?
    public var sources: [SourceReference]
    public var location: SourceLocation
}

/// A right or piece of information the caseworker must tell the person about.
public struct Notice: Sendable {
    public var id: String
    public var title: LocalizedText?
    public var when: Condition
    public var text: LocalizedText
    public var sources: [SourceReference]
    public var location: SourceLocation
}

/// An indicator or derived condition, the two kinds of item conditions may refer to.
public enum ItemReference: Sendable, Hashable {
    case indicator(Int)
    case derived(Int)
}

/// An inline example on a rule: answers, and whether the rule must fire for them.
public struct RuleExample: Sendable {
    public var rule: RuleKey
    public var fires: Bool
    public var answers: AnswerSet
    public var location: SourceLocation
}
