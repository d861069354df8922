import Foundation
import WaymarkCore

/// A finished intake as a summary needs it: from the session that just ended, or read back from its record file.
public struct CompletedIntake {
    public var id: String
    public var started: String
    public var ended: String?
    public var pack: Pack
    public var answers: AnswerSet
    public var notes: [(question: String, text: String)]
    public var decisions: [ReferralDecision]
    public var told: [String: NoticeTold]
    /// The content hash of the pack the record was made with, when read from a record.
    public var recordedPack: (id: String, version: String, hash: String)?

    /// The intake that `session` has just completed.
    public init(session: IntakeSession, decisions: [ReferralDecision], ended: String? = nil) {
        (id, started, self.ended, pack) = (session.id, session.header.started, ended, session.pack)
        (answers, notes, self.decisions, told) = (session.answers, session.notes, decisions, session.told)
    }

    /// The result of its answers under `pack` (the pack it was read with), as a summary or letter shows it.
    public func result(language: String? = nil) -> ResultReport {
        ResultReport(Evaluator(pack: pack).evaluate(answers), pack: pack, language: language, caseID: id)
    }

    /// Reads a record written by `waymark intake` (`*.record.json`); its answers are typed by `pack`.
    /// `bytes`, when given, is the record already in memory (a sealed record just opened), named `path` in errors.
    public static func read(_ path: String, bytes: [UInt8]? = nil, pack: Pack, sources: SourceFiles = SourceFiles()) throws(DiagnosticsError) -> CompletedIntake {
        let reader = SchemaReader(sources: sources)
        guard let root = reader.document(path, bytes: bytes),
              let f = reader.fields(root, of: "an intake record", allowed: AnswersDecoder.recordKeys, required: ["id", "started", "answers"]),
              let id = f.string("id"), let started = f.string("started"), let answersNode = f["answers"] else {
            if !reader.bag.hasErrors { reader.bag.error(code: "W8126", at: .file(path), "this is not an intake record") }
            throw DiagnosticsError(reader.bag.sorted)
        }
        var intake = CompletedIntake(id: id, started: started, ended: f.string("ended"), pack: pack,
                                     answers: AnswersDecoder(pack: pack).decodeAnswers(answersNode, reader: reader), notes: [], decisions: [], told: [:])
        if let p = f["pack"].flatMap({ reader.fields($0, of: "the record's pack", allowed: ["id", "version", "hash"]) }) {
            intake.recordedPack = (p.string("id") ?? "", p.string("version") ?? "", p.string("hash") ?? "")
            if let recorded = intake.recordedPack, recorded.id != pack.info.id, let node = f["pack"] {
                reader.error(code: "W8128", node, "this record is from pack '\(recorded.id.singleLineSafe)', but the pack loaded is '\(pack.info.id)'",
                             suggestion: "use --pack to choose the pack it was recorded with")
                throw DiagnosticsError(reader.bag.sorted)
            }
        }
        for item in f.list("notes") ?? [] {
            guard let n = reader.fields(item, of: "a note", allowed: ["question", "text"], required: ["question", "text"]),
                  let question = n.string("question"), let text = n.string("text") else { continue }
            intake.notes.append((question, text))
        }
        for item in f.list("referral_decisions") ?? [] {
            guard let d = reader.fields(item, of: "a referral decision", allowed: ["referral", "decision", "service", "referrals", "reason", "decided", "due", "consent"],
                                        required: ["referral", "decision"]),
                  let referral = d.string("referral"), let decision = d.enum("decision", ReferralDecision.Decision.self) else { continue }
            var value = ReferralDecision(referral: referral, decision: decision, reason: d.string("reason"))
            value.service = d.string("service")
            value.referrals = d.stringList("referrals")?.map(\.0) ?? []
            (value.decided, value.due, value.consent) = (d.string("decided"), d.string("due"), d.bool("consent"))
            intake.decisions.append(value)
        }
        for item in f.list("notices_told") ?? [] {
            guard let t = reader.fields(item, of: "a notice told", allowed: ["notice", "told", "reason"], required: ["notice", "told"]),
                  let notice = t.string("notice"), let told = t.bool("told") else { continue }
            intake.told[notice] = NoticeTold(notice: notice, told: told, reason: t.string("reason"))
        }
        if reader.bag.hasErrors { throw DiagnosticsError(reader.bag.sorted) }
        return intake
    }

    private init(id: String, started: String, ended: String?, pack: Pack, answers: AnswerSet, notes: [(question: String, text: String)],
                 decisions: [ReferralDecision], told: [String: NoticeTold]) {
        (self.id, self.started, self.ended, self.pack, self.answers) = (id, started, ended, pack, answers)
        (self.notes, self.decisions, self.told) = (notes, decisions, told)
    }
}
