import Foundation
import WaymarkCore
import WaymarkRecords

/// The append-only log of an intake: one checksummed JSON line per event, flushed to disk before the next question.
public struct IntakeJournal {
    public let path: String
    /// Set for a passphrase-protected draft: answer lines are then sealed.
    public var cipher: DraftCipher?
    /// The number the next sealed line gets; sealed lines count up, so none can be moved, replayed or swapped in.
    private var nextSealed = 1
    /// The intake id that sealed lines are bound to (from the journal's first line).
    private var sealedID = ""

    /// The journal at `path`; with `cipher`, answer lines are sealed.
    public init(path: String, cipher: DraftCipher? = nil) {
        self.path = path
        self.cipher = cipher
    }

    /// One event in the journal.
    public enum Entry: Sendable {
        case start(Header)
        /// `language` is the language the question was put to the person in.
        case answer(question: String, answer: JournalAnswer, language: String? = nil)
        /// A free-text note the caseworker added at a question: sensitive, sealed like an answer in a protected draft.
        case note(question: String, text: String)
        /// What became of one service's referrals, saved as it is made so that nothing decided is asked again.
        case decision(ReferralDecision)
        /// Whether the caseworker explained one right (notice) to the person, and why not.
        case told(NoticeTold)
        case complete(ended: String)
    }

    /// What the journal knows about the intake from its first line.
    public struct Header: Sendable {
        public var id: String
        public var packID: String
        public var packVersion: String
        public var packHash: String
        public var started: String
        public var language: String?
        /// For a protected draft: the scrypt salt and a known text sealed with the derived key.
        public var protection: Protection?
    }

    /// How a protected draft's key is derived and checked, and the organisation key its record must be sealed to.
    /// Holds nothing about the person.
    public struct Protection: Sendable {
        public var salt: [UInt8]
        public var check: String
        /// The raw organisation public key; a protected draft can only be completed sealed to it.
        public var sealTo: [UInt8]
        /// The known text sealed with the passphrase's key and bound to the whole header (intake id, key derivation,
        /// salt, organisation key), so that a first line edited on disk (say, to seal to another key) is refused.
        public var headerCheck: String?

        /// The header fields the passphrase's key authenticates.
        public func binding(intake id: String) -> String {
            "waymark draft header v1|\(id)|\(IntakeJournal.kdf)|\(Data(salt).base64EncodedString())|\(Data(sealTo).base64EncodedString())"
        }
    }

    /// The key derivation a protected draft uses, as its first line names it.
    static let kdf = "scrypt-32768-8-1"

    /// An answer as the journal keeps it, independent of any pack version.
    public enum JournalAnswer: Sendable, Equatable {
        case unknown, declined
        case value(JSONValue)
        /// The answer was withdrawn (changed back to unanswered).
        case cleared
    }

    /// Appends one entry and returns once it is on disk.
    public mutating func append(_ entry: Entry) throws(FatalError) {
        var json = Self.json(entry).compact
        if case .start(let header) = entry { sealedID = header.id }
        if let cipher, entry.isSealedWhenProtected {
            let sealed = try cipher.seal(json, binding: "\(sealedID) \(nextSealed)")
            json = JSONValue.object([("n", .number(Double(nextSealed))), ("sealed", .string(sealed))]).compact
            nextSealed += 1
        }
        let line = CRC32.hex(Array(json.utf8)) + " " + json + "\n"
        try SecureFile.append(Array(line.utf8), to: path)
    }

    /// What reading the journal found: its entries, and any warning about a torn or damaged line.
    public struct Contents: Sendable {
        public var entries: [Entry] = []
        public var warnings: [Diagnostic] = []
        public var header: Header? {
            if case .start(let h) = entries.first { return h }
            return nil
        }
        public var isComplete: Bool { entries.contains { if case .complete = $0 { return true } else { return false } } }
        /// Bytes up to the end of the last complete line; less than the file's size when its last line was torn.
        public var intactLength = 0
        public var fileLength = 0
    }

    /// The first line alone: enough to know whether the draft needs a passphrase.
    public func readHeader() throws(FatalError) -> Header? {
        let bytes = try TextFile.read(path, limit: 64 << 20)
        var sequence = 1, missing = 0
        let first = bytes.prefix { $0 != 0x0A }
        guard first.count > 9,
              case .start(let header)? = try entry(Array(first.dropFirst(9)), at: SourceLocation(file: path, line: 1, column: 1), sequence: &sequence, missing: &missing)
        else { return nil }
        return header
    }

    /// Reads every entry; for a protected draft, also readies the journal to append sealed lines after the last one.
    public mutating func read() throws(FatalError) -> Contents {
        let bytes = try TextFile.read(path, limit: 64 << 20)
        var contents = Contents()
        contents.fileLength = bytes.count
        contents.intactLength = (bytes.lastIndex(of: 0x0A) ?? -1) + 1
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (n, line) in lines.enumerated() where !line.isEmpty {
            let location = SourceLocation(file: path, line: n + 1, column: 1)
            var missing = 0
            defer {
                if missing > 0 {
                    contents.warnings.append(Diagnostic(code: "W8119", .warning, at: location,
                        "\(missing) sealed journal line\(missing == 1 ? " is" : "s are") missing before this one: the draft was changed outside waymark, so an answer may be older than the one last given"))
                }
            }
            let isLast = n == lines.count - 1
            guard line.count > 9, line[line.startIndex + 8] == 0x20,
                  String(decoding: line.prefix(8), as: UTF8.self) == CRC32.hex(line.dropFirst(9)),
                  let entry = try self.entry(Array(line.dropFirst(9)), at: location, sequence: &nextSealed, missing: &missing) else {
                // A crash mid-write leaves a last line without its newline: drop it. Anything else is damage.
                contents.warnings.append(Diagnostic(code: "W8101", .warning, at: location, isLast
                    ? "the last journal line was cut off (the program stopped while saving it) and was dropped"
                    : "journal line is damaged and was skipped"))
                continue
            }
            if case .start(let header) = entry { sealedID = header.id }
            contents.entries.append(entry)
        }
        return contents
    }

    static func json(_ entry: Entry) -> JSONValue {
        switch entry {
        case .start(let h):
            var fields: [(String, JSONValue)] = [("event", .string("start")), ("id", .string(h.id)),
                                                 ("pack", .object([("id", .string(h.packID)), ("version", .string(h.packVersion)), ("hash", .string(h.packHash))])),
                                                 ("started", .string(h.started))]
            if let language = h.language { fields.append(("language", .string(language))) }
            if let p = h.protection {
                var protection: [(String, JSONValue)] = [("kdf", .string(Self.kdf)), ("salt", .string(Data(p.salt).base64EncodedString())),
                                                         ("check", .string(p.check)), ("seal_to", .string(Data(p.sealTo).base64EncodedString()))]
                if let headerCheck = p.headerCheck { protection.append(("header", .string(headerCheck))) }
                fields.append(("protection", .object(protection)))
            }
            return .object(fields)
        case .answer(let question, let answer, let language):
            var fields: [(String, JSONValue)] = [("event", .string("answer")), ("question", .string(question))]
            if let language { fields.append(("lang", .string(language))) }
            switch answer {
            case .unknown: fields.append(("state", .string("unknown")))
            case .declined: fields.append(("state", .string("declined")))
            case .cleared: fields.append(("state", .string("cleared")))
            case .value(let v): fields.append(("value", v))
            }
            return .object(fields)
        case .note(let question, let text):
            return .object([("event", .string("note")), ("question", .string(question)), ("text", .string(text))])
        case .decision(let d):
            return .object([("event", .string("decision"))] + (d.json.objectFields ?? []))
        case .told(let t):
            return .object([("event", .string("told"))] + (t.json.objectFields ?? []))
        case .complete(let ended):
            return .object([("event", .string("complete")), ("ended", .string(ended))])
        }
    }

    /// One line's entry. In a protected draft answers must be sealed, in order, and bound to this intake;
    /// anything else is treated as damage. A sealed line without a cipher stops the read.
    func entry(_ bytes: [UInt8], at location: SourceLocation, sequence: inout Int, missing: inout Int, opened: Bool = false) throws(FatalError) -> Entry? {
        guard let node = try? YAMLLoader.document(bytes, file: "journal"), let pairs = node.mapping else { return nil }
        var fields: [String: YAMLNode] = [:]
        for pair in pairs { if let key = pair.key.scalar?.text { fields[key] = pair.value } }
        if let sealed = fields["sealed"]?.scalar?.text {
            guard let cipher else { throw FatalError(code: "W8102", at: location, "this draft is protected with a passphrase") }
            guard let n = fields["n"]?.scalar.flatMap({ Int($0.text) }), n >= sequence,
                  let plain = cipher.open(sealed, binding: "\(sealedID) \(n)") else { return nil }
            // Sealed lines count up one by one: a gap means lines were taken out.
            missing = n - sequence
            sequence = n + 1
            var inner = sequence, none = 0
            return try entry(Array(plain.utf8), at: location, sequence: &inner, missing: &none, opened: true)
        }
        if cipher != nil, !opened, fields["event"]?.scalar?.text != "start" { return nil }
        func text(_ key: String, in f: [String: YAMLNode]? = nil) -> String? { (f ?? fields)[key]?.scalar?.text }
        switch text("event") {
        case "start":
            var pack: [String: YAMLNode] = [:]
            for pair in fields["pack"]?.mapping ?? [] { if let key = pair.key.scalar?.text { pack[key] = pair.value } }
            guard let id = text("id"), let packID = text("id", in: pack), let started = text("started") else { return nil }
            var protection: Protection?
            if let p = fields["protection"]?.mapping {
                var f: [String: YAMLNode] = [:]
                for pair in p { if let key = pair.key.scalar?.text { f[key] = pair.value } }
                guard let salt = text("salt", in: f).flatMap({ Data(base64Encoded: $0) }), let check = text("check", in: f),
                      let sealTo = text("seal_to", in: f).flatMap({ Data(base64Encoded: $0) }) else { return nil }
                guard text("kdf", in: f) == Self.kdf else { return nil }
                protection = Protection(salt: Array(salt), check: check, sealTo: Array(sealTo), headerCheck: text("header", in: f))
            }
            return .start(Header(id: id, packID: packID, packVersion: text("version", in: pack) ?? "", packHash: text("hash", in: pack) ?? "",
                                 started: started, language: text("language"), protection: protection))
        case "answer":
            guard let question = text("question") else { return nil }
            switch text("state") {
            case "unknown": return .answer(question: question, answer: .unknown, language: text("lang"))
            case "declined": return .answer(question: question, answer: .declined, language: text("lang"))
            case "cleared": return .answer(question: question, answer: .cleared, language: text("lang"))
            default:
                guard let value = fields["value"] else { return nil }
                return .answer(question: question, answer: .value(JSONValue(node: value)), language: text("lang"))
            }
        case "note":
            guard let question = text("question"), let note = text("text") else { return nil }
            return .note(question: question, text: note)
        case "decision":
            guard let referral = text("referral"), let kind = text("decision").flatMap(ReferralDecision.Decision.init(rawValue:)) else { return nil }
            var d = ReferralDecision(referral: referral, decision: kind, reason: text("reason"))
            d.service = text("service")
            d.referrals = fields["referrals"]?.sequence?.compactMap { $0.scalar?.text } ?? []
            d.decided = text("decided")
            d.due = text("due")
            d.consent = text("consent").map { $0 == "true" }
            return .decision(d)
        case "told":
            guard let notice = text("notice"), let told = text("told") else { return nil }
            return .told(NoticeTold(notice: notice, told: told == "true", reason: text("reason")))
        case "complete":
            return .complete(ended: text("ended") ?? "")
        default:
            return nil
        }
    }
}

extension JSONValue {
    /// JSON read back through the YAML layer: quoted scalars are strings, plain ones numbers where they look like one.
    init(node: YAMLNode) {
        switch node.content {
        case .scalar(let s):
            if !s.isQuoted, let n = SchemaReader.number(s.text) { self = .number(n) } else { self = .string(s.text) }
        case .sequence(let items): self = .array(items.map(JSONValue.init(node:)))
        case .mapping(let pairs): self = .object(pairs.map { ($0.key.scalar?.text ?? "", JSONValue(node: $0.value)) })
        }
    }

    /// The value as a YAML node, so answers decoders can read it like a file.
    var node: YAMLNode {
        let here = SourceLocation(file: "journal", line: 1, column: 1)
        switch self {
        case .string(let s): return YAMLNode(.scalar(YAMLScalar(s, style: .doubleQuoted)), at: here)
        case .number(let n): return YAMLNode(.scalar(YAMLScalar(n.formatted)), at: here)
        case .bool(let b): return YAMLNode(.scalar(YAMLScalar(b ? "yes" : "no")), at: here)
        case .null: return YAMLNode(.scalar(YAMLScalar("")), at: here)
        case .array(let items): return YAMLNode(.sequence(items.map(\.node)), at: here)
        case .object(let pairs): return YAMLNode(.mapping(pairs.map { YAMLPair(key: YAMLNode(.scalar(YAMLScalar($0.0)), at: here), value: $0.1.node) }), at: here)
        }
    }
}

extension AnswerSet {
    /// The answers as a JSON object of question id to answer, as answers files write them.
    public func json(pack: Pack) -> JSONValue {
        var fields: [(String, JSONValue)] = []
        for (q, question) in pack.questions.enumerated() {
            guard let answer = self[q] else { continue }
            switch answer.journalForm(for: question) {
            case .value(let v): fields.append((question.id, v))
            case .unknown: fields.append((question.id, .string("unknown")))
            case .declined: fields.append((question.id, .string("declined")))
            case .cleared: break
            }
        }
        return .object(fields)
    }
}

extension Answer {
    /// The answer in the journal's pack-independent form.
    public func journalForm(for question: Question) -> IntakeJournal.JournalAnswer {
        switch self {
        case .unknown: return .unknown
        case .declined: return .declined
        case .value(let v):
            switch v {
            case .number(let n): return .value(.number(n))
            case .choices(let cs): return .value(.array(cs.map { .string(question.choices[$0].id) }))
            default: return .value(.string(v.fileForm(for: question)))
            }
        }
    }
}

extension IntakeJournal.Entry {
    /// In a protected draft every line after the first is sealed: answers and notes describe the person, and an
    /// unsealed "complete" could otherwise be appended to end the draft.
    var isSealedWhenProtected: Bool {
        if case .start = self { return false }
        return true
    }
}
