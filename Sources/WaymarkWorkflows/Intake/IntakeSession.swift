import Foundation
import WaymarkCore
import WaymarkRecords

/// An intake in progress: its answers, rebuilt from the journal and checked against the current pack.
public final class IntakeSession {
    public let pack: Pack
    public let store: IntakeStore
    public let header: IntakeJournal.Header
    public private(set) var answers: AnswerSet
    /// Referral decisions by service, as journalled: a resumed intake does not ask them again.
    public private(set) var decisions: [String: ReferralDecision] = [:]
    /// Which notices the caseworker confirmed telling the person, by notice id, as journalled.
    public private(set) var told: [String: NoticeTold] = [:]
    /// The caseworker's notes, by question id, in the order written: sensitive free text.
    public private(set) var notes: [(question: String, text: String)] = []
    /// The language each question was put to the person in, by question id, where the interview noted it.
    public private(set) var answerLanguages: [String: String] = [:]
    /// Answers the journal holds that the current pack cannot use: shown, never silently dropped.
    public private(set) var unusable: [UnusableAnswer] = []
    public private(set) var warnings: [Diagnostic] = []
    public private(set) var isComplete = false
    private var journal: IntakeJournal
    private let lock: IntakeStore.Lock

    /// An answer from the journal that no longer fits the pack, and why.
    public struct UnusableAnswer: Sendable {
        public var question: String
        public var value: String
        public var reason: String
    }

    /// The intake's id, as the store names its files (never taken from inside a file).
    public let id: String
    /// Whether the pack differs from the one the intake began with.
    public var packChanged: Bool { header.packHash != pack.contentHash }
    /// A protected draft is sealed to the organisation key it began with, whatever the command line says later.
    public var sealsTo: OrganisationPublicKey? {
        header.protection.flatMap { OrganisationPublicKey(raw: $0.sealTo) }
    }

    private init(id: String, pack: Pack, store: IntakeStore, header: IntakeJournal.Header, lock: IntakeStore.Lock, journal: IntakeJournal) {
        self.id = id
        self.pack = pack
        self.store = store
        self.header = header
        self.lock = lock
        self.journal = journal
        answers = AnswerSet(questionCount: pack.questions.count)
    }

    /// Begins a new intake and writes its first journal line. With `protection`, answers are sealed under a key from
    /// the passphrase, and the completed record can only be written sealed to the organisation key.
    public static func start(pack: Pack, store: IntakeStore, language: String?,
                             protection: (passphrase: String, sealTo: OrganisationPublicKey)? = nil,
                             now: Date = Date()) throws(FatalError) -> IntakeSession {
        try store.prepare()
        let id = store.newID(now: now)
        var header = IntakeJournal.Header(id: id, packID: pack.info.id, packVersion: pack.info.version, packHash: pack.contentHash,
                                          started: Timestamp.string(now), language: language)
        var journal = IntakeJournal(path: store.journalPath(id))
        if let protection {
            let salt = DraftCipher.newSalt()
            let cipher = try DraftCipher(passphrase: protection.passphrase, salt: salt)
            var stored = IntakeJournal.Protection(salt: salt, check: try cipher.seal(DraftCipher.check), sealTo: protection.sealTo.raw)
            stored.headerCheck = try cipher.seal(DraftCipher.check, binding: stored.binding(intake: id))
            header.protection = stored
            journal.cipher = cipher
        }
        let session = IntakeSession(id: id, pack: pack, store: store, header: header, lock: try store.lock(id), journal: journal)
        try session.journal.append(.start(header))
        return session
    }

    /// Reopens an intake from its journal, re-validating every answer against `pack`; `passphrase` is asked only for a protected draft.
    public static func resume(_ id: String, pack: Pack, store: IntakeStore,
                              passphrase: () -> String? = { nil }, attempts: Int = 3) throws(FatalError) -> IntakeSession {
        if !store.exists(id), FileManager.default.fileExists(atPath: store.sealedRecordPath(id)) {
            throw FatalError(code: "W8117", "intake \(id.singleLineSafe) is complete and sealed to the organisation key; this laptop cannot open it",
                             suggestion: "the organisation opens it with 'waymark records open'")
        }
        guard store.exists(id) else {
            let known = store.list().map(\.id)
            throw FatalError(code: "W8106", "no intake '\(id.singleLineSafe)' in \(store.directory)"
                             + (Suggestion.didYouMean(id, in: known).map { "; \($0)" } ?? "; 'waymark intake --list' shows them"))
        }
        let lock = try store.lock(id)
        var journal = IntakeJournal(path: store.journalPath(id))
        if let firstLine = try journal.readHeader(), let protection = firstLine.protection {
            // A mistyped passphrase is asked again, a few times, before giving up.
            var opened: DraftCipher?
            for _ in 0..<max(1, attempts) {
                guard let typed = passphrase() else { throw FatalError(code: "W8107", "intake \(id) is protected; its passphrase is needed to resume it") }
                let cipher = try DraftCipher(passphrase: typed, salt: protection.salt)
                if cipher.open(protection.check) == DraftCipher.check { opened = cipher; break }
            }
            guard let opened else { throw FatalError(code: "W8108", "that passphrase does not open intake \(id)") }
            // The passphrase is right; now the first line must be the one the draft began with.
            guard let headerCheck = protection.headerCheck, opened.open(headerCheck, binding: protection.binding(intake: firstLine.id)) == DraftCipher.check,
                  OrganisationPublicKey(raw: protection.sealTo) != nil else {
                throw FatalError(code: "W8118", at: SourceLocation(file: store.journalPath(id), line: 1, column: 1),
                                 "the first line of this draft was changed: its organisation key or protection settings are not the ones it began with, "
                                 + "so it is not resumed (its answers could be sealed to someone else)")
            }
            journal.cipher = opened
        }
        let contents = try journal.read()
        guard let header = contents.header else {
            throw FatalError(code: "W8109", at: SourceLocation(file: store.journalPath(id), line: 1, column: 1), "the journal's first line is damaged",
                             suggestion: "'waymark intake --recover \(id)' saves its intact answers into a new draft")
        }
        guard header.id == id else {
            throw FatalError(code: "W8110", at: SourceLocation(file: store.journalPath(id), line: 1, column: 1), "this journal belongs to intake '\(header.id.singleLineSafe)', not '\(id)'; "
                             + "it was copied or renamed, so it is not resumed")
        }
        // A line torn by a crash is cut off, so the next answer starts on a line of its own.
        if contents.intactLength < contents.fileLength {
            try SecureFile.truncateAfterLastNewline(store.journalPath(id), length: contents.intactLength)
        }
        let session = IntakeSession(id: id, pack: pack, store: store, header: header, lock: lock, journal: journal)
        session.warnings = contents.warnings
        session.isComplete = contents.isComplete
        session.replay(contents.entries)
        return session
    }

    /// A new draft holding the intact answers and notes of a journal whose first line is damaged; the damaged journal is
    /// kept beside it as `ID.journal.damaged`, never deleted. A protected draft cannot be recovered: its salt was there.
    public static func recover(_ id: String, pack: Pack, store: IntakeStore) throws(FatalError) -> (session: IntakeSession, recovered: Int) {
        guard store.exists(id) else { throw FatalError(code: "W8120", "no intake '\(id.singleLineSafe)' in \(store.directory)") }
        var journal = IntakeJournal(path: store.journalPath(id))
        if (try? journal.readHeader()) != nil {
            throw FatalError(code: "W8121", "intake \(id) is not damaged; resume it with 'waymark intake --resume \(id)'")
        }
        let contents: IntakeJournal.Contents
        do { contents = try journal.read() } catch {
            throw FatalError(code: "W8122", at: SourceLocation(file: store.journalPath(id), line: 1, column: 1),
                             "this draft was protected with a passphrase and its first line, which held the key's salt, is damaged: its answers cannot be recovered")
        }
        let session = try start(pack: pack, store: store, language: nil)
        var recovered = 0
        for entry in contents.entries {
            switch entry {
            case .answer(let question, let recorded, let language):
                guard let q = pack.questionIndex[question] else { continue }
                let answer: Answer?
                switch recorded {
                case .cleared: answer = nil
                case .unknown: answer = .unknown
                case .declined: answer = .declined
                case .value(let value):
                    guard case .success(let v) = AnswersDecoder(pack: pack).parse(value.node, for: pack.questions[q]) else { continue }
                    answer = .value(v)
                }
                try session.record(answer, question: q, language: language)
                recovered += 1
            case .note(let question, let text):
                guard let q = pack.questionIndex[question] else { continue }
                try session.addNote(text, question: q)
            case .start, .complete, .decision, .told: continue
            }
        }
        let damaged = store.journalPath(id) + ".damaged"
        guard rename(store.journalPath(id), damaged) == 0 else {
            throw FatalError(code: "W8123", at: .file(store.journalPath(id)), "could not set the damaged journal aside")
        }
        return (session, recovered)
    }

    private func replay(_ entries: [IntakeJournal.Entry]) {
        let decoder = AnswersDecoder(pack: pack)
        var unusableByQuestion: [String: UnusableAnswer] = [:]
        var order: [String] = []
        for case .note(let question, let text) in entries { notes.append((question, text)) }
        for case .decision(let d) in entries { decisions[d.service ?? d.referral] = d }
        for case .told(let t) in entries { told[t.notice] = t }
        for case .answer(let id, let recorded, let language) in entries {
            if !order.contains(id) { order.append(id) }
            answerLanguages[id] = recorded == .cleared ? nil : language
            unusableByQuestion[id] = nil
            guard let q = pack.questionIndex[id] else {
                if recorded != .cleared {
                    unusableByQuestion[id] = UnusableAnswer(question: id, value: Self.describe(recorded), reason: "the question is no longer in the pack")
                }
                continue
            }
            switch recorded {
            case .cleared: answers[q] = nil
            case .unknown: answers[q] = .unknown
            case .declined: answers[q] = .declined
            case .value(let value):
                switch decoder.parse(value.node, for: pack.questions[q]) {
                case .success(let v): answers[q] = .value(v)
                case .failure(let problem):
                    answers[q] = nil
                    unusableByQuestion[id] = UnusableAnswer(question: id, value: Self.describe(recorded), reason: problem.message)
                }
            }
        }
        unusable = order.compactMap { unusableByQuestion[$0] }
    }

    /// A recorded answer as a person reads it, for the list of answers that no longer fit.
    static func describe(_ recorded: IntakeJournal.JournalAnswer) -> String {
        switch recorded {
        case .unknown: return "unknown"
        case .declined: return "declined"
        case .cleared: return "(cleared)"
        case .value(let value): return describe(value)
        }
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): return s
        case .number(let n): return n.formatted
        case .array(let items): return "[" + items.map(describe).joined(separator: ", ") + "]"
        default: return value.compact
        }
    }

    /// Records an answer (nil withdraws it) and returns once it is on disk.
    public func record(_ answer: Answer?, question q: Int, language: String? = nil) throws(FatalError) {
        let question = pack.questions[q]
        try journal.append(.answer(question: question.id, answer: answer?.journalForm(for: question) ?? .cleared, language: language))
        answerLanguages[question.id] = answer == nil ? nil : language
        answers[q] = answer
        unusable.removeAll { $0.question == question.id }
    }

    /// Records what became of one service's referrals and returns once it is on disk; a later decision replaces it.
    public func record(decision: ReferralDecision) throws(FatalError) {
        try journal.append(.decision(decision))
        decisions[decision.service ?? decision.referral] = decision
    }

    /// Records whether one notice was explained to the person and returns once it is on disk.
    public func record(told notice: NoticeTold) throws(FatalError) {
        try journal.append(.told(notice))
        told[notice.notice] = notice
    }

    /// Adds the caseworker's note to question `q` and returns once it is on disk.
    public func addNote(_ text: String, question q: Int) throws(FatalError) {
        let id = pack.questions[q].id
        try journal.append(.note(question: id, text: text))
        notes.append((id, text))
    }

    /// Writes the completed record (answers, result, referral decisions, pack identity, times) and closes the journal.
    /// A protected draft's record is sealed to its organisation key and the draft removed: this laptop cannot read it back.
    public func complete(report: ResultReport, decisions: [ReferralDecision], now: Date = Date()) throws(FatalError) -> String {
        if header.protection != nil, sealsTo == nil {
            throw FatalError(code: "W8111", "the organisation key stored with intake \(id) is damaged; the record is not written unsealed")
        }
        let sealTo = sealsTo
        let ended = Timestamp.string(now)
        let record = IntakeRecord(header: header, pack: pack, answers: answers, unusable: unusable, report: report, decisions: decisions, ended: ended,
                                  answerLanguages: answerLanguages, notes: notes,
                                  told: report.notices.compactMap { told[$0.id] })
        let plaintext = Array((record.json.pretty + "\n").utf8)
        isComplete = true
        guard let sealTo else {
            let path = store.recordPath(id)
            try SecureFile.writeAtomically(plaintext, to: path)
            try journal.append(.complete(ended: ended))
            return path
        }
        let path = store.sealedRecordPath(id)
        try SecureFile.writeAtomically(Array(try SealedRecord.seal(plaintext, to: sealTo).utf8), to: path)
        unlink(store.journalPath(id))
        return path
    }
}

/// Timestamps as ISO 8601 in UTC.
public enum Timestamp {
    /// The date to the second, such as "2024-05-01T09:30:00Z".
    public static func string(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
