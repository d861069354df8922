/// A loaded, checked rule pack: everything the engine evaluates against. Built once by the loader, with its
/// conditions compiled; nothing outside the engine changes it.
public struct Pack: Sendable {
    public internal(set) var info: PackInfo
    public let sources: [Source]
    public internal(set) var categories: [Category]
    public internal(set) var sections: [Section]
    public internal(set) var questions: [Question]
    public internal(set) var indicators: [Indicator]
    public internal(set) var derived: [DerivedCondition]
    public internal(set) var outcomes: [Outcome]
    public internal(set) var services: [Service]
    public internal(set) var referrals: [Referral]
    public internal(set) var notices: [Notice]
    /// SHA-256 of the pack's files, so a result can be replayed against exactly this pack.
    public let contentHash: String
    /// Indicators and derived conditions in an order where each comes after what it refers to.
    public let evaluationOrder: [ItemReference]
    /// The `examples:` written beside indicators and referrals, as written; the checks layer decodes and runs them.
    public let exampleNodes: [RuleExampleNode]
    /// Texts in the pack's other languages, with their review status, from `lang/*.yaml`.
    public internal(set) var translations: [Translation] = []
    /// The conditions in the evaluator's fast form, compiled when the pack is built.
    public let compiled: CompiledConditions

    public let questionIndex: [String: Int]
    public let indicatorIndex: [String: Int]
    public let derivedIndex: [String: Int]
    public let outcomeIndex: [String: Int]
    public let referralIndex: [String: Int]
    public let noticeIndex: [String: Int]
    public let serviceIndex: [String: Int]

    init(info: PackInfo, sources: [Source], categories: [Category], sections: [Section], questions: [Question], indicators: [Indicator],
         derived: [DerivedCondition], outcomes: [Outcome], services: [Service], referrals: [Referral], notices: [Notice],
         contentHash: String, evaluationOrder: [ItemReference], exampleNodes: [RuleExampleNode]) {
        (self.info, self.sources, self.categories, self.sections, self.questions) = (info, sources, categories, sections, questions)
        (self.indicators, self.derived, self.outcomes, self.services, self.referrals, self.notices) = (indicators, derived, outcomes, services, referrals, notices)
        (self.contentHash, self.evaluationOrder, self.exampleNodes) = (contentHash, evaluationOrder, exampleNodes)
        func index(_ ids: [String]) -> [String: Int] { Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) }
        questionIndex = index(questions.map(\.id))
        indicatorIndex = index(indicators.map(\.id))
        derivedIndex = index(derived.map(\.id))
        outcomeIndex = index(outcomes.map(\.id))
        referralIndex = index(referrals.map(\.id))
        noticeIndex = index(notices.map(\.id))
        serviceIndex = index(services.map(\.id))
        compiled = CompiledConditions(askIfs: questions.map(\.askIf), indicators: indicators.map(\.when), derived: derived.map(\.when),
                                      outcomes: outcomes.map(\.when), referrals: referrals.map(\.when), notices: notices.map(\.when),
                                      indicatorEvidence: indicators.map { Self.transitiveQuestions(of: $0.when, indicators: indicators, derived: derived) })
    }

    /// The questions a condition reads, directly or through the indicators and derived conditions it names, in pack order.
    public func transitiveQuestions(of condition: Condition) -> [Int] {
        Self.transitiveQuestions(of: condition, indicators: indicators, derived: derived)
    }

    static func transitiveQuestions(of condition: Condition, indicators: [Indicator], derived: [DerivedCondition]) -> [Int] {
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

    /// Every condition with a name for reports: "indicator x", "question y (ask_if)", and so on.
    public var namedConditions: [(String, Condition)] {
        var list: [(String, Condition)] = []
        for question in questions { if let askIf = question.askIf { list.append(("question \(question.id) (ask_if)", askIf)) } }
        list += indicators.map { ("indicator \($0.id)", $0.when) }
        list += derived.map { ("derived \($0.id)", $0.when) }
        list += outcomes.map { ("outcome \($0.id)", $0.when) }
        list += referrals.map { ("referral \($0.id)", $0.when) }
        list += notices.map { ("notice \($0.id)", $0.when) }
        return list
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

    /// The service with this id, if the pack defines one.
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
    /// A yes means the person would rather talk in another language: the interview then offers to switch.
    public var offersLanguageChoice: Bool = false
    public var sources: [SourceReference]
    public var location: SourceLocation

    /// The index of the choice with this id, or nil when there is none.
    public func choiceIndex(_ id: String) -> Int? { choices.firstIndex { $0.id == id } }

    /// What conditions need to know about this question.
    public var symbol: QuestionSymbol { QuestionSymbol(id: id, type: type, choiceIDs: choices.map(\.id), min: min, max: max) }
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
    /// Orders strong before medium before weak.
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
    /// Orders the most pressing first: immediate, within 24 hours, routine.
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
    /// Made only with the person's agreement, which the caseworker records when the referral is made.
    public var needsConsent: Bool = false
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


/// A rule's `examples:` node: answer sets that should, or should not, make it fire.
public struct RuleExampleNode: Sendable {
    /// The indicator or referral, by index, that the examples belong to.
    public enum Rule: Sendable, Hashable {
        case indicator(Int), referral(Int)
    }

    public var rule: Rule
    public var node: YAMLNode
}
