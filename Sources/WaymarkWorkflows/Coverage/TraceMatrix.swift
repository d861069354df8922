import WaymarkCore
import WaymarkRecords

/// From each source item to the rules that cite it and the scenarios that exercise them, with the gaps either way.
public struct TraceMatrix: Sendable {
    /// One source item, the rules that cite it and the scenarios that exercise them.
    public struct Row: Sendable {
        public var source: String
        public var text: String
        /// Rules citing the item, as "indicator x", "referral y".
        public var rules: [String]
        /// Scenarios in which at least one of those rules fired (or question was asked).
        public var scenarios: [String]
    }

    public var rows: [Row]
    /// Source items no rule cites.
    public var uncited: [String] { rows.filter { $0.rules.isEmpty }.map(\.source) }
    /// Rules (indicators, outcomes, referrals, notices) that cite no source.
    public var unsourced: [(rule: String, location: SourceLocation)]

    /// The trace for `pack`, with each scenario beside its evaluation.
    public init(pack: Pack, scenarios: [Scenario], evaluations: [Evaluation]) {
        let runs = zip(scenarios.map(\.id), evaluations).map { ($0, $1) }
        var cited: [String: [(String, (Evaluation) -> Bool)]] = [:]
        func cite(_ references: [SourceReference], _ rule: String, _ exercised: @escaping (Evaluation) -> Bool) {
            for r in references { cited[r.description, default: []].append((rule, exercised)) }
        }
        for (q, x) in pack.questions.enumerated() { cite(x.sources, "question \(x.id)") { $0.questionStatus[q] == .asked } }
        for (i, x) in pack.indicators.enumerated() { cite(x.sources, "indicator \(x.id)") { $0.fired(.indicator(i)) } }
        for (d, x) in pack.derived.enumerated() { cite(x.sources, "derived \(x.id)") { $0.fired(.derived(d)) } }
        for (o, x) in pack.outcomes.enumerated() { cite(x.sources, "outcome \(x.id)") { $0.fired(.outcome(o)) } }
        for (r, x) in pack.referrals.enumerated() { cite(x.sources, "referral \(x.id)") { $0.fired(.referral(r)) } }
        for (n, x) in pack.notices.enumerated() { cite(x.sources, "notice \(x.id)") { $0.fired(.notice(n)) } }
        rows = pack.sources.flatMap { source in
            source.items.map { item in
                let key = "\(source.id)/\(item.id)"
                let rules = cited[key] ?? []
                let exercising = runs.filter { run in rules.contains { $0.1(run.1) } }.map(\.0)
                return Row(source: key, text: item.text.text, rules: rules.map(\.0), scenarios: exercising)
            }
        }
        var unsourced: [(String, SourceLocation)] = []
        unsourced += pack.indicators.filter(\.sources.isEmpty).map { ("indicator \($0.id)", $0.location) }
        unsourced += pack.outcomes.filter(\.sources.isEmpty).map { ("outcome \($0.id)", $0.location) }
        unsourced += pack.referrals.filter(\.sources.isEmpty).map { ("referral \($0.id)", $0.location) }
        unsourced += pack.notices.filter(\.sources.isEmpty).map { ("notice \($0.id)", $0.location) }
        self.unsourced = unsourced
    }

    /// The matrix as a Markdown table, with gaps in bold.
    public func markdown() -> String {
        var md = "| Source item | Rules citing it | Scenarios exercising them |\n|---|---|---|\n"
        for row in rows {
            md += "| `\(row.source)` \(TextEscaping.markdownCell(row.text)) | \(row.rules.isEmpty ? "**none**" : row.rules.joined(separator: "<br>")) | "
                + (row.scenarios.isEmpty ? "**none**" : row.scenarios.joined(separator: "<br>")) + " |\n"
        }
        return md
    }

    /// The matrix for a terminal, one item at a time, with gaps as NONE.
    public func text() -> String {
        var out = ""
        for row in rows {
            out += "\(row.source)\n"
            out += TextWrap.wrap("rules: " + (row.rules.isEmpty ? "NONE" : row.rules.joined(separator: ", ")), indent: "      ", firstIndent: "  ") + "\n"
            out += TextWrap.wrap("scenarios: " + (row.scenarios.isEmpty ? "NONE" : row.scenarios.joined(separator: ", ")), indent: "      ", firstIndent: "  ") + "\n"
        }
        return out
    }

    public var json: JSONValue {
        .object([
            ("rows", .array(rows.map { .object([("source", .string($0.source)), ("text", .string($0.text)),
                                                ("rules", .array($0.rules.map(JSONValue.string))),
                                                ("scenarios", .array($0.scenarios.map(JSONValue.string)))]) })),
            ("uncited_source_items", .array(uncited.map(JSONValue.string))),
            ("rules_without_sources", .array(unsourced.map { .object([("rule", .string($0.rule)), ("location", .string($0.location.description))]) })),
        ])
    }
}
