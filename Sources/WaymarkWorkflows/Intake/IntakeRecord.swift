import Foundation
import WaymarkCore
import WaymarkRecords

/// What the caseworker decided about one service the result suggested (every referral to it at once).
public struct ReferralDecision: Sendable, Hashable {
    /// Made, declined by the person, not made, or to be done later; raw values are as the record stores them.
    public enum Decision: String, Sendable, Hashable, CaseIterable {
        case made
        case declined = "declined_by_person"
        case notMade = "not_made"
        case pending
    }

    /// The first referral to the service (the pack's rule id), kept for readers of older records.
    public var referral: String
    public var decision: Decision
    /// Why a referral was not made; nil otherwise. Free text: sensitive.
    public var reason: String?
    /// The service decided about, and every referral to it that the decision covers.
    public var service: String?
    public var referrals: [String] = []
    /// When it was decided, and for a pending referral when it is due (ISO 8601).
    public var decided: String?
    public var due: String?
    /// For a referral made only with the person's agreement: that they gave it (recorded when it was made).
    public var consent: Bool?

    /// A decision on the referral with this id, with the reason when it was not made.
    public init(referral: String, decision: Decision, reason: String? = nil) {
        self.referral = referral
        self.decision = decision
        self.reason = reason
    }

    /// A decision about one step of the plan.
    public init(step: ReferralPlan.Step, decision: Decision, reason: String? = nil, decided: Date, start: Date) {
        self.init(referral: step.referrals.first ?? step.service, decision: decision, reason: reason)
        service = step.service
        referrals = step.referrals
        self.decided = Timestamp.string(decided)
        if decision == .pending { due = Timestamp.string(ReferralPlan.due(step.urgency, from: start)) }
    }

    var json: JSONValue {
        var fields: [(String, JSONValue)] = [("referral", .string(referral)), ("decision", .string(decision.rawValue))]
        if let service { fields.append(("service", .string(service))) }
        if !referrals.isEmpty { fields.append(("referrals", .array(referrals.map(JSONValue.string)))) }
        if let reason { fields.append(("reason", .string(reason))) }
        if let decided { fields.append(("decided", .string(decided))) }
        if let due { fields.append(("due", .string(due))) }
        if let consent { fields.append(("consent", .bool(consent))) }
        return .object(fields)
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
    var told: [NoticeTold] = []

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
            ("referral_decisions", .array(decisions.map(\.json))),
            ("notices_told", .array(told.map(\.json))),
        ])
    }
}
