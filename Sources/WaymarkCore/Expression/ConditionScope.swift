/// What a condition needs to know about a question to type-check a test on it.
public struct QuestionSymbol: Sendable {
    public var id: String
    public var type: QuestionType
    public var choiceIDs: [String]
    public var min: Double?
    public var max: Double?

    /// A question's id, type, and the choices and bounds its tests are checked against.
    public init(id: String, type: QuestionType, choiceIDs: [String] = [], min: Double? = nil, max: Double? = nil) {
        (self.id, self.type, self.choiceIDs, self.min, self.max) = (id, type, choiceIDs, min, max)
    }

    /// The index of choice `id`, or nil when the question has no such choice.
    public func choiceIndex(_ id: String) -> Int? { choiceIDs.firstIndex(of: id) }
}

/// The names a condition may use, which depend on where in the pack it is written: the expression layer's own
/// symbol table, which the pack loader fills.
public struct ConditionScope: Sendable {
    public var questions: [QuestionSymbol]
    public var questionIndex: [String: Int]
    /// Questions at or after this index are not visible (an `ask_if` sees only earlier questions).
    public var visibleQuestions: Int
    public var indicatorIndex: [String: Int]
    public var derivedIndex: [String: Int]
    public var outcomeIndex: [String: Int]
    /// Tag → indicators carrying it, for `count()` and `undetermined()`.
    public var tagIndex: [String: Set<Int>]
    /// Every tag `count()` accepts, including vocabulary no indicator uses yet.
    public var knownTags: Set<String>
    public var allowsItems: Bool
    public var allowsOutcome: Bool
    /// How the place reads in a message, such as "an ask_if".
    public var place: String

    /// `indicatorTags` holds each indicator's id and tags in pack order; `vocabulary` the tags `count()` accepts beyond those.
    public init(questions: [QuestionSymbol], indicatorTags: [(id: String, tags: Set<String>)] = [], vocabulary: [String] = [],
                derivedIDs: [String] = [], outcomeIDs: [String] = [], visibleQuestions: Int? = nil, allowsItems: Bool = true,
                allowsOutcome: Bool = false, place: String = "a condition") {
        self.questions = questions
        questionIndex = Dictionary(questions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.visibleQuestions = visibleQuestions ?? questions.count
        indicatorIndex = Dictionary(indicatorTags.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        derivedIndex = Dictionary(derivedIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        outcomeIndex = Dictionary(outcomeIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var tags: [String: Set<Int>] = [:]
        for (i, indicator) in indicatorTags.enumerated() {
            for tag in indicator.tags { tags[tag, default: []].insert(i) }
        }
        tagIndex = tags
        knownTags = Set(tags.keys).union(vocabulary)
        self.allowsItems = allowsItems
        self.allowsOutcome = allowsOutcome
        self.place = place
    }
}
