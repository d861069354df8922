import WaymarkCore
import WaymarkRecords

/// What the caseworker decided about one suggested referral.
public struct ReferralDecision: Sendable, Hashable {
    /// Made, declined by the person, or not made; raw values are as the record stores them.
    public enum Decision: String, Sendable, Hashable {
        case made
        case declined = "declined_by_person"
        case notMade = "not_made"
    }

    public var referral: String
    public var decision: Decision
    /// Why a referral was not made; nil otherwise.
    public var reason: String?

    /// A decision on the referral with this id, with the reason when it was not made.
    public init(referral: String, decision: Decision, reason: String? = nil) {
        self.referral = referral
        self.decision = decision
        self.reason = reason
    }
}

/// The saved record of a completed intake.
struct IntakeRecord {
    var header: IntakeJournal.Header
    var pack: Pack
    var answers: AnswerSet
    var unusable: [IntakeSession.UnusableAnswer]
    var report: ResultReport
    var decisions: [ReferralDecision]
    var ended: String
    var answerLanguages: [String: String] = [:]
    var notes: [(question: String, text: String)] = []

    var json: JSONValue {
        return .object([
            ("id", .string(header.id)),
            ("pack", .object([("id", .string(pack.info.id)), ("version", .string(pack.info.version)), ("hash", .string(pack.contentHash))])),
            ("pack_at_start", .object([("id", .string(header.packID)), ("version", .string(header.packVersion)), ("hash", .string(header.packHash))])),
            ("engine", .object([("name", .string(EngineInfo.name)), ("version", .string(EngineInfo.version))])),
            ("started", .string(header.started)),
            ("ended", .string(ended)),
            ("language", header.language.map(JSONValue.string) ?? .null),
            ("answers", answers.json(pack: pack)),
            ("notes", .array(notes.map { .object([("question", .string($0.question)), ("text", .string($0.text))]) })),
            ("answer_languages", .object(pack.questions.compactMap { q in answerLanguages[q.id].map { (q.id, .string($0)) } })),
            ("answers_not_used", .array(unusable.map { .object([("question", .string($0.question)), ("value", .string($0.value)), ("reason", .string($0.reason))]) })),
            ("result", report.json),
            ("referral_decisions", .array(decisions.map { d in
                var fields: [(String, JSONValue)] = [("referral", .string(d.referral)), ("decision", .string(d.decision.rawValue))]
                if let reason = d.reason { fields.append(("reason", .string(reason))) }
                return .object(fields)
            })),
        ])
    }
}
