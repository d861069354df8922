import WaymarkCore
import WaymarkRecords

/// What changed between two versions of a pack, and which cases (scenarios, intake records, answers files)
/// would get a different outcome, different indicators or different referrals.
public struct PackDiff: Sendable {
    /// A rule, question or service added, removed or changed, with what changed.
    public struct ItemChange: Sendable {
        /// Added, removed or changed, written as +, - or ~.
        public enum Kind: String, Sendable { case added = "+", removed = "-", changed = "~" }
        public var kind: Kind
        public var item: String
        public var detail: String?
    }

    /// A case whose result differs between the packs, with each difference in words.
    public struct CaseChange: Sendable {
        public var name: String
        public var file: String
        public var differences: [String]
    }

    public var oldPack: String
    public var newPack: String
    public var items: [ItemChange]
    public var casesChecked: Int
    public var changedCases: [CaseChange]

    /// Compares the packs' items by id and replays every case under both.
    public init(old: Pack, new: Pack, cases: [DiffCase]) {
        oldPack = "\(old.info.id) \(old.info.version)"
        newPack = "\(new.info.id) \(new.info.version)"
        var items: [ItemChange] = []
        func compare<T>(_ kind: String, _ a: [T], _ b: [T], id: (T) -> String, signature: (T) -> String) {
            let before = Dictionary(a.map { (id($0), signature($0)) }, uniquingKeysWith: { x, _ in x })
            let after = Dictionary(b.map { (id($0), signature($0)) }, uniquingKeysWith: { x, _ in x })
            for x in a.map(id) where after[x] == nil { items.append(ItemChange(kind: .removed, item: "\(kind) \(x)")) }
            for x in b.map(id) where before[x] == nil { items.append(ItemChange(kind: .added, item: "\(kind) \(x)")) }
            for x in b.map(id) { if let s = before[x], let t = after[x], s != t { items.append(ItemChange(kind: .changed, item: "\(kind) \(x)", detail: "\(s) → \(t)")) } }
        }
        func when(_ c: Condition) -> String { c.text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        compare("question", old.questions, new.questions, id: \.id) {
            "\($0.type.rawValue) [\($0.choices.map(\.id).joined(separator: ", "))]" + ($0.askIf.map { " ask_if: " + when($0) } ?? "")
        }
        compare("indicator", old.indicators, new.indicators, id: \.id) { "\($0.strength.rawValue) \($0.category) when: \(when($0.when))" }
        compare("derived", old.derived, new.derived, id: \.id) { "when: \(when($0.when))" }
        compare("outcome", old.outcomes, new.outcomes, id: \.id) { "when: \(when($0.when))" }
        if old.outcomes.map(\.id) != new.outcomes.map(\.id) {
            items.append(ItemChange(kind: .changed, item: "outcome order", detail: old.outcomes.map(\.id).joined(separator: ", ") + " → " + new.outcomes.map(\.id).joined(separator: ", ")))
        }
        compare("referral", old.referrals, new.referrals, id: \.id) { "\($0.service) \($0.urgency.rawValue) when: \(when($0.when))" }
        compare("notice", old.notices, new.notices, id: \.id) { "when: \(when($0.when)) text: \($0.text.text)" }
        compare("service", old.services, new.services, id: \.id) { "\($0.title.text) contact: \($0.contact ?? "")" }
        self.items = items

        casesChecked = cases.count
        changedCases = cases.compactMap { c in
            let before = Self.decide(c, old), after = Self.decide(c, new)
            var differences: [String] = []
            switch (before, after) {
            case (.failure(let e), _): differences.append("answers do not fit the old pack: \(e)")
            case (_, .failure(let e)): differences.append("answers do not fit the new pack: \(e)")
            case (.success(let a), .success(let b)):
                if a.outcome != b.outcome { differences.append("outcome: \(a.outcome) → \(b.outcome)") }
                let lost = a.indicators.subtracting(b.indicators).sorted(), gained = b.indicators.subtracting(a.indicators).sorted()
                if !lost.isEmpty || !gained.isEmpty {
                    differences.append("indicators: " + (gained.map { "+\($0)" } + lost.map { "-\($0)" }).joined(separator: " "))
                }
                let lostR = a.referrals.subtracting(b.referrals).sorted(), gainedR = b.referrals.subtracting(a.referrals).sorted()
                if !lostR.isEmpty || !gainedR.isEmpty {
                    differences.append("referrals: " + (gainedR.map { "+\($0)" } + lostR.map { "-\($0)" }).joined(separator: " "))
                }
            }
            return differences.isEmpty ? nil : CaseChange(name: c.name, file: c.file, differences: differences)
        }
    }

    private struct Decision {
        var outcome: String
        var indicators: Set<String>
        var referrals: Set<String>
    }

    private static func decide(_ c: DiffCase, _ pack: Pack) -> Result<Decision, DiffCase.AnswersProblem> {
        let reader = SchemaReader()
        let answers = AnswersDecoder(pack: pack).decodeAnswers(c.answers, reader: reader)
        if let first = reader.bag.sorted.first { return .failure(DiffCase.AnswersProblem(description: first.description)) }
        let e = Evaluator(pack: pack).evaluate(answers)
        return .success(Decision(outcome: e.outcome.map { pack.outcomes[$0].id } ?? "none",
                                 indicators: Set(e.present(.indicator).map { pack.indicators[$0].id }),
                                 referrals: Set(e.present(.referral).map { pack.referrals[$0].id })))
    }

    /// The changes and the affected cases, for a terminal.
    public func text() -> String {
        var out = "Changes from \(oldPack) to \(newPack)\n"
        if items.isEmpty { out += "  no rule changed\n" }
        for item in items {
            out += TextWrap.wrap("\(item.kind.rawValue) \(item.item)" + (item.detail.map { ": \($0.singleLineSafe)" } ?? ""), indent: "      ", firstIndent: "  ") + "\n"
        }
        out += "\nCases: \(casesChecked) checked, \(changedCases.count) would change\n"
        for c in changedCases {
            out += "  \(c.name) (\(c.file))\n"
            for d in c.differences { out += TextWrap.wrap(d.singleLineSafe, indent: "        ", firstIndent: "    ") + "\n" }
        }
        return out
    }
}

/// One case to replay under both packs: a scenario, an intake record or an answers file.
public struct DiffCase: Sendable {
    public var name: String
    public var file: String
    public var answers: YAMLNode

    struct AnswersProblem: Error, CustomStringConvertible { var description: String }

    /// Reads the answers of a scenario (`scenario.answers`), a record or an answers file (`answers`).
    public static func load(_ path: String, sources: SourceFiles = SourceFiles()) -> Result<DiffCase, DiagnosticsError> {
        let start = SourceLocation(file: path, line: 1, column: 1)
        do {
            guard let root = try YAMLLoader.document(try TextFile.read(path, sources: sources), file: path), let pairs = root.mapping else {
                return .failure(DiagnosticsError([Diagnostic(code: "W8701", at: start, "expected a scenario, an intake record or an answers file")]))
            }
            func field(_ pairs: [YAMLPair], _ key: String) -> YAMLNode? { pairs.first { $0.key.scalar?.text == key }?.value }
            let fallback = path.split(separator: "/").last.map(String.init) ?? path
            if let scenario = field(pairs, "scenario")?.mapping, let answers = field(scenario, "answers") {
                return .success(DiffCase(name: field(scenario, "id")?.scalar?.text ?? fallback, file: path, answers: answers))
            }
            if let answers = field(pairs, "answers") {
                return .success(DiffCase(name: field(pairs, "id")?.scalar?.text ?? fallback, file: path, answers: answers))
            }
            return .failure(DiagnosticsError([Diagnostic(code: "W8702", at: start, "no answers found: expected 'scenario: answers:' or 'answers:'")]))
        } catch let error as Diagnostic {
            return .failure(DiagnosticsError([error]))
        } catch {
            return .failure(DiagnosticsError([(error as? FatalError)?.diagnostic ?? Diagnostic(code: "W8703", at: start, "\(error)")]))
        }
    }
}
