/// What a person or a script is told about one evaluation: the result shape of the contract (§4).
public struct ResultReport: Sendable {
    public struct Evidence: Sendable, Hashable {
        public var question: String
        public var answer: String
    }

    public struct IndicatorEntry: Sendable {
        public var id: String
        public var title: String
        public var state: ItemState
        public var strength: Strength
        public var category: String
        public var evidence: [Evidence]
    }

    public struct ReferralEntry: Sendable {
        public var id: String
        public var service: String
        public var serviceTitle: String
        public var contact: String?
        public var urgency: Urgency
        public var state: ItemState
        public var because: String?
        public var triggeredBy: [String]
    }

    public struct NoticeEntry: Sendable {
        public var id: String
        public var title: String?
        public var text: String
    }

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
            return ReferralEntry(id: referral.id, service: referral.service, serviceTitle: service?.title.text(language) ?? referral.service,
                                 contact: service?.contact, urgency: referral.urgency, state: state,
                                 because: referral.because?.text(language),
                                 triggeredBy: support.indicators(for: referral.when).map { pack.indicators[$0].id })
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
    public var json: JSONValue {
        var tree = JSONTree()
        encode(into: &tree)
        return tree.value
    }

    /// The result as one line of compact JSON, written without building a tree; `line` is added first when given.
    public func compactJSON(line: Int? = nil) -> [UInt8] {
        var bytes = JSONBytes()
        encode(into: &bytes, line: line)
        return bytes.bytes
    }

    /// Writes the result object: the one place its shape is defined.
    public func encode<Sink: JSONSink>(into sink: inout Sink, line: Int? = nil) {
        sink.object { s in
            if let line { s.field("line", line) }
            if let caseID { s.field("id", caseID) }
            s.object("pack") { s in
                s.field("id", packID)
                s.field("version", packVersion)
                s.field("hash", packHash)
            }
            s.object("engine") { s in
                s.field("name", EngineInfo.name)
                s.field("version", EngineInfo.version)
            }
            if let outcome {
                s.object("outcome") { s in
                    s.field("id", outcome.id)
                    s.field("title", outcome.title)
                }
            } else {
                s.key("outcome")
                s.null()
            }
            s.array("indicators", indicators) { s, i in
                s.object { s in
                    s.field("id", i.id)
                    s.field("state", i.state.rawValue)
                    s.field("strength", i.strength.rawValue)
                    s.field("category", i.category)
                    s.array("evidence", i.evidence) { s, e in
                        s.object { s in
                            s.field("question", e.question)
                            s.field("answer", e.answer)
                        }
                    }
                }
            }
            s.array("referrals", referrals) { s, r in
                s.object { s in
                    s.field("id", r.id)
                    s.field("service", r.service)
                    s.field("urgency", r.urgency.rawValue)
                    s.field("state", r.state.rawValue)
                    if let because = r.because { s.field("because", because) }
                    s.array("triggered_by", r.triggeredBy) { s, id in s.string(id) }
                }
            }
            s.array("notices", notices) { s, n in
                s.object { s in
                    s.field("id", n.id)
                    s.field("text", n.text)
                }
            }
            s.array("follow_up", followUps) { s, f in
                s.object { s in
                    s.field("question", f.question)
                    s.array("decides", f.decides) { s, id in s.string(id) }
                }
            }
            s.object("questions") { s in
                s.field("asked", counts.asked)
                s.field("answered", counts.answered)
                s.field("unknown", counts.unknown)
                s.field("declined", counts.declined)
                s.field("not_asked", counts.notAsked)
            }
        }
    }
}

/// Traces which answers and indicators stand behind a condition.
struct Support {
    let pack: Pack
    let evaluation: Evaluation
    private let run: EvaluationRun

    init(pack: Pack, evaluation: Evaluation) {
        self.pack = pack
        self.evaluation = evaluation
        run = EvaluationRun(pack: pack, state: evaluation)
    }

    /// The asked questions an indicator reads, directly or through the rules it names, with their answers.
    func evidence(indicator i: Int) -> [ResultReport.Evidence] {
        evidence(questions: pack.compiled?.indicatorEvidence[i] ?? pack.transitiveQuestions(of: pack.indicators[i].when))
    }

    /// The asked questions a condition reads, directly or through the rules it names, with their answers.
    func evidence(for condition: Condition) -> [ResultReport.Evidence] {
        evidence(questions: pack.transitiveQuestions(of: condition))
    }

    private func evidence(questions: [Int]) -> [ResultReport.Evidence] {
        questions.compactMap { q in
            guard evaluation.questionStatus[q] == .asked else { return nil }
            let question = pack.questions[q]
            let answer: String
            switch evaluation.answers[q] {
            case .value(.text):
                answer = AnswerValue.hiddenText
            case .some(let a): answer = a.fileForm(for: question)
            case nil: answer = "unknown"
            }
            return ResultReport.Evidence(question: question.id, answer: answer)
        }
    }

    /// The present indicators a condition rests on, through derived conditions, `count()` and the outcome.
    func indicators(for condition: Condition) -> [Int] {
        run.supportingIndicators(of: condition)
    }
}
