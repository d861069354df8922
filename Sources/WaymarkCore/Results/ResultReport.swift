/// What a person or a script is told about one evaluation: the result shape of the contract (§4).
public struct ResultReport: Sendable {
    /// One asked question an indicator rests on, with its answer as disclosed.
    public struct Evidence: Sendable, Hashable {
        public var question: String
        public var answer: String
    }

    /// An indicator in the result, with its state and the answers behind it.
    public struct IndicatorEntry: Sendable {
        public var id: String
        public var title: String
        public var state: ItemState
        public var strength: Strength
        public var category: String
        public var evidence: [Evidence]
    }

    /// A referral that applies or may apply, with its service, urgency and the indicators behind it.
    public struct ReferralEntry: Sendable {
        public var id: String
        public var service: String
        public var serviceTitle: String
        public var contact: String?
        public var urgency: Urgency
        public var state: ItemState
        public var because: String?
        public var triggeredBy: [String]
        /// Made only with the person's agreement (not part of the result JSON: it is the pack's, not the answers').
        public var needsConsent = false
    }

    /// A notice that applies, with the text to tell the person.
    public struct NoticeEntry: Sendable {
        public var id: String
        public var title: String?
        public var text: String

        /// The text to read aloud in `language` (the person's), where the pack has it; else the report's.
        public func text(in language: String?, pack: Pack) -> String {
            language.flatMap { lang in pack.noticeIndex[id].map { pack.notices[$0].text.text(lang) } } ?? text
        }
    }

    /// An unresolved question worth asking, with the rules its answer could decide.
    public struct FollowUp: Sendable {
        public var question: String
        public var prompt: String
        public var decides: [String]
    }

    public var packID: String
    public var packVersion: String
    public var packHash: String
    public var outcome: (id: String, title: String)?
    public var indicators: [IndicatorEntry]
    public var referrals: [ReferralEntry]
    public var notices: [NoticeEntry]
    public var followUps: [FollowUp]
    public var counts: (asked: Int, answered: Int, unknown: Int, declined: Int, notAsked: Int)
    /// A case reference from the answers document, if it gave one.
    public var caseID: String?

    /// Builds the report; `all` also lists absent indicators.
    public init(_ evaluation: Evaluation, pack: Pack, all: Bool = false, language: String? = nil, caseID: String? = nil) {
        let support = Support(pack: pack, evaluation: evaluation)
        // Only referrals need the finished run, to trace the indicators behind them: built for the first one.
        var run: EvaluationRun?
        packID = pack.info.id
        packVersion = pack.info.version
        packHash = pack.contentHash
        self.caseID = caseID
        outcome = evaluation.outcome.map { (pack.outcomes[$0].id, pack.outcomes[$0].title.text(language)) }
        indicators = pack.indicators.indices.compactMap { i in
            let state = evaluation.indicatorStates[i]
            guard all || state != .absent else { return nil }
            let indicator = pack.indicators[i]
            return IndicatorEntry(id: indicator.id, title: indicator.title.text(language), state: state, strength: indicator.strength,
                                  category: indicator.category, evidence: support.evidence(indicator: i))
        }
        referrals = pack.referrals.indices.compactMap { r in
            let state = evaluation.referralStates[r]
            guard state != .absent else { return nil }
            let referral = pack.referrals[r]
            let service = pack.service(referral.service)
            let traced = run ?? EvaluationRun(pack: pack, state: evaluation)
            run = traced
            return ReferralEntry(id: referral.id, service: referral.service, serviceTitle: service?.title.text(language) ?? referral.service,
                                 contact: service?.contact, urgency: referral.urgency, state: state,
                                 because: referral.because?.text(language),
                                 triggeredBy: traced.supportingIndicators(of: referral.when).map { pack.indicators[$0].id },
                                 needsConsent: referral.needsConsent)
        }
        notices = pack.notices.indices.compactMap { n in
            guard evaluation.noticeStates[n] == .present else { return nil }
            let notice = pack.notices[n]
            return NoticeEntry(id: notice.id, title: notice.title?.text(language), text: notice.text.text(language))
        }
        var decides: [Int: [String]] = [:]
        for (key, questions) in evaluation.followUps {
            let id: String
            switch key {
            case .indicator(let i): id = pack.indicators[i].id
            case .referral(let r): id = pack.referrals[r].id
            default: continue
            }
            for q in questions { decides[q, default: []].append(id) }
        }
        followUps = decides.keys.sorted().map { q in
            FollowUp(question: pack.questions[q].id, prompt: pack.questions[q].prompt.text(language), decides: decides[q]!.sorted())
        }
        var c = (asked: 0, answered: 0, unknown: 0, declined: 0, notAsked: 0)
        for q in pack.questions.indices {
            guard evaluation.questionStatus[q] == .asked else { c.notAsked += 1; continue }
            c.asked += 1
            switch evaluation.answers[q] {
            case .value: c.answered += 1
            case .declined: c.declined += 1
            case .unknown, nil: c.unknown += 1
            }
        }
        counts = c
    }

    /// The result as the contract's JSON object.
    public var json: JSONValue { json(line: nil) }

    /// The result object, with the input line first when given: the one place its shape is defined.
    public func json(line: Int?) -> JSONValue {
        func strings(_ items: [String]) -> JSONValue { .array(items.map(JSONValue.string)) }
        var fields: [(String, JSONValue)] = []
        if let line { fields.append(("line", .number(Double(line)))) }
        if let caseID { fields.append(("id", .string(caseID))) }
        fields += [
            ("pack", .object([("id", .string(packID)), ("version", .string(packVersion)), ("hash", .string(packHash))])),
            ("engine", .object([("name", .string(EngineInfo.name)), ("version", .string(EngineInfo.version))])),
            ("outcome", outcome.map { .object([("id", .string($0.id)), ("title", .string($0.title))]) } ?? .null),
            ("indicators", .array(indicators.map { i in
                .object([("id", .string(i.id)), ("state", .string(i.state.rawValue)), ("strength", .string(i.strength.rawValue)),
                         ("category", .string(i.category)),
                         ("evidence", .array(i.evidence.map { .object([("question", .string($0.question)), ("answer", .string($0.answer))]) }))])
            })),
            ("referrals", .array(referrals.map { r in
                var referral: [(String, JSONValue)] = [("id", .string(r.id)), ("service", .string(r.service)),
                                                       ("urgency", .string(r.urgency.rawValue)), ("state", .string(r.state.rawValue))]
                if let because = r.because { referral.append(("because", .string(because))) }
                referral.append(("triggered_by", strings(r.triggeredBy)))
                return .object(referral)
            })),
            ("notices", .array(notices.map { .object([("id", .string($0.id)), ("text", .string($0.text))]) })),
            ("follow_up", .array(followUps.map { .object([("question", .string($0.question)), ("decides", strings($0.decides))]) })),
            ("questions", .object([("asked", .number(Double(counts.asked))), ("answered", .number(Double(counts.answered))),
                                   ("unknown", .number(Double(counts.unknown))), ("declined", .number(Double(counts.declined))),
                                   ("not_asked", .number(Double(counts.notAsked)))])),
        ]
        return .object(fields)
    }
}

/// Traces which answers stand behind a condition.
package struct Support {
    let pack: Pack
    let evaluation: Evaluation

    /// Traces support for the answers in `evaluation` of `pack`.
    package init(pack: Pack, evaluation: Evaluation) {
        self.pack = pack
        self.evaluation = evaluation
    }

    /// The asked questions an indicator reads, directly or through the rules it names, with their answers.
    func evidence(indicator i: Int) -> [ResultReport.Evidence] {
        evidence(questions: pack.compiled.indicatorEvidence[i])
    }

    /// The asked questions a condition reads, directly or through the rules it names, with their answers.
    package func evidence(for condition: Condition) -> [ResultReport.Evidence] {
        evidence(questions: pack.transitiveQuestions(of: condition))
    }

    private func evidence(questions: [Int]) -> [ResultReport.Evidence] {
        questions.compactMap { q in
            guard evaluation.questionStatus[q] == .asked else { return nil }
            let question = pack.questions[q]
            let answer = evaluation.answers[q].map { Disclosure.evidence($0, for: question) } ?? "unknown"
            return ResultReport.Evidence(question: question.id, answer: answer)
        }
    }
}
