import WaymarkCore
import WaymarkRecords

/// Everything `waymark coverage` reports: rule and condition coverage, static findings, witnesses and the trace.
public struct CoverageReport: Sendable {
    public var packID: String
    public var coverage: RuleCoverage
    public var analysis: StaticAnalysis
    public var trace: TraceMatrix?
    /// For each rule no scenario reaches: answers that make it fire, or nil when none was found.
    public var witnesses: [(rule: String, answers: AnswerSet?)]
    public var pack: Pack

    /// Evaluates every scenario once, then builds coverage, static findings, and the trace and witnesses when asked.
    public init(pack: Pack, scenarios: [Scenario], trace: Bool, witnesses: Bool) {
        self.pack = pack
        packID = "\(pack.info.id) \(pack.info.version)"
        let evaluator = Evaluator(pack: pack)
        let evaluations = scenarios.map { evaluator.evaluate($0.answers) }
        coverage = RuleCoverage(pack: pack, evaluations: evaluations)
        analysis = StaticAnalysis(pack: pack)
        self.trace = trace ? TraceMatrix(pack: pack, scenarios: scenarios, evaluations: evaluations) : nil
        var found: [(String, AnswerSet?)] = []
        if witnesses {
            let search = WitnessSearch(pack: pack)
            for kind in coverage.kinds {
                for item in kind.uncovered {
                    let key: RuleKey?
                    switch kind.name {
                    case "indicators": key = pack.indicatorIndex[item.id].map(RuleKey.indicator)
                    case "derived": key = pack.derivedIndex[item.id].map(RuleKey.derived)
                    case "outcomes": key = pack.outcomeIndex[item.id].map(RuleKey.outcome)
                    case "referrals": key = pack.referralIndex[item.id].map(RuleKey.referral)
                    case "notices": key = pack.noticeIndex[item.id].map(RuleKey.notice)
                    default: key = nil
                    }
                    if let key { found.append(("\(kind.name.dropLast()) \(item.id)", search.witness(for: key))) }
                }
            }
        }
        self.witnesses = found
    }

    private func answersText(_ answers: AnswerSet) -> String {
        let parts = pack.questions.indices.compactMap { q in answers[q].map { "\(pack.questions[q].id): \($0.fileForm(for: pack.questions[q]))" } }
        return parts.isEmpty ? "no answers at all (every question unknown)" : parts.joined(separator: ", ")
    }

    /// The report for a terminal: figures per kind, then what is unreached or one-sided, findings, witnesses and trace.
    public func text() -> String {
        var out = "Coverage of \(packID) by \(coverage.scenarioCount) scenario\(coverage.scenarioCount == 1 ? "" : "s")\n\n"
        for kind in coverage.kinds {
            out += "  " + kind.name.padding(toLength: 12, withPad: " ", startingAt: 0)
                + "\(kind.covered)/\(kind.total)".padding(toLength: 10, withPad: " ", startingAt: 0) + Self.percent(kind.percent) + "\n"
        }
        out += "  " + "rules".padding(toLength: 22, withPad: " ", startingAt: 0) + Self.percent(coverage.rulePercent)
            + "  (indicators, outcomes, referrals, notices: the figure --fail-under checks)\n"
        out += "  conditions: \(coverage.testsTotal - coverage.oneSided.count) of \(coverage.testsTotal) tests seen both true and false ("
            + Self.percent(coverage.conditionPercent) + ")\n"
        if pack.info.languages.count > 1 { out += "\n" + TranslationReport.table(pack) }
        let uncovered = coverage.kinds.filter { !$0.uncovered.isEmpty && $0.name != "choices" }
        if !uncovered.isEmpty {
            out += "\nNever reached by a scenario:\n"
            for kind in uncovered { for item in kind.uncovered { out += "  \(item.location.file):\(item.location.line): \(kind.name.dropLast()) \(item.id)\n" } }
        }
        if let choices = coverage.kinds.first(where: { $0.name == "choices" }), !choices.uncovered.isEmpty {
            out += "\nChoices no scenario selects:\n" + choices.uncovered.map { "  \($0.location.file):\($0.location.line): \($0.id)\n" }.joined()
        }
        if !coverage.oneSided.isEmpty {
            out += "\nTests seen only one way:\n"
            for t in coverage.oneSided {
                let seen = t.seenTrue ? "only true" : t.seenFalse ? "only false" : "never decided"
                out += TextWrap.wrap("\(t.location): \(t.rule): \(t.text.singleLineSafe) (\(seen))", indent: "      ", firstIndent: "  ") + "\n"
            }
        }
        if !coverage.gatesOneSided.isEmpty {
            out += "\nask_if seen only one way:\n"
            for t in coverage.gatesOneSided {
                out += TextWrap.wrap("\(t.location): \(t.rule): \(t.text.singleLineSafe) (\(t.seenTrue ? "always asked" : "never asked"))",
                                     indent: "      ", firstIndent: "  ") + "\n"
            }
        }
        out += "\nStatic analysis: "
        if analysis.findings.isEmpty { out += "no findings\n" } else {
            out += "\(analysis.findings.count) finding\(analysis.findings.count == 1 ? "" : "s")\n"
            out += analysis.findings.map { "  \($0.description)\n" }.joined()
        }
        if !analysis.notAnalysed.isEmpty { out += "  not analysed (too many combinations): \(analysis.notAnalysed.joined(separator: ", "))\n" }
        if !witnesses.isEmpty {
            out += "\nWitnesses (answers that make an unreached rule fire):\n"
            for w in witnesses {
                out += TextWrap.wrap("\(w.rule): " + (w.answers.map(answersText) ?? "none found within the search budget"),
                                     indent: "      ", firstIndent: "  ") + "\n"
            }
        }
        if let trace {
            out += "\nTraceability\n" + trace.text()
            if !trace.uncited.isEmpty { out += TextWrap.wrap("Source items cited by no rule: \(trace.uncited.joined(separator: ", "))", indent: "  ") + "\n" }
            if !trace.unsourced.isEmpty { out += TextWrap.wrap("Rules citing no source: \(trace.unsourced.map(\.rule).joined(separator: ", "))", indent: "  ") + "\n" }
        }
        return out
    }

    /// The report as Markdown, with tables, for CI summaries and reviews.
    public func markdown() -> String {
        var md = "# Coverage of \(packID)\n\n\(coverage.scenarioCount) scenarios.\n\n| Kind | Covered | Total | % |\n|---|---|---|---|\n"
        for kind in coverage.kinds { md += "| \(kind.name) | \(kind.covered) | \(kind.total) | \(Self.percent(kind.percent)) |\n" }
        md += "| **rules** | | | **\(Self.percent(coverage.rulePercent))** |\n"
        md += "\nConditions: \(coverage.testsTotal - coverage.oneSided.count) of \(coverage.testsTotal) tests seen both true and false (\(Self.percent(coverage.conditionPercent))).\n"
        if pack.info.languages.count > 1 {
            md += "\n## Translations\n\n| Language | Present | Reviewed | Draft | Stale | Missing |\n|---|---|---|---|---|---|\n"
            for language in pack.info.languages.dropFirst() {
                let c = pack.completeness(language)
                md += "| \(language) | \(c.present)/\(c.total) | \(c.reviewed) | \(c.draft) | \(c.stale.count) | \(c.missing.count) |\n"
            }
        }
        let uncovered = coverage.kinds.flatMap { kind in kind.uncovered.map { (kind.name, $0) } }
        if !uncovered.isEmpty {
            md += "\n## Not reached\n\n" + uncovered.map { "- \($0.0): `\($0.1.id)` (\($0.1.location.file):\($0.1.location.line))\n" }.joined()
        }
        if !coverage.oneSided.isEmpty {
            md += "\n## Tests seen only one way\n\n" + coverage.oneSided.map {
                "- \($0.location): \($0.rule): `\($0.text.singleLineSafe)` (\($0.seenTrue ? "only true" : $0.seenFalse ? "only false" : "never decided"))\n"
            }.joined()
        }
        md += "\n## Static analysis\n\n" + (analysis.findings.isEmpty ? "No findings.\n" : analysis.findings.map { "- \(TextEscaping.markdownCell($0.description))\n" }.joined())
        if !witnesses.isEmpty {
            md += "\n## Witnesses\n\n" + witnesses.map { "- \($0.rule): " + ($0.answers.map { "`\(answersText($0))`" } ?? "none found") + "\n" }.joined()
        }
        if let trace {
            md += "\n## Traceability\n\n" + trace.markdown()
            md += "\nSource items cited by no rule: " + (trace.uncited.isEmpty ? "none" : trace.uncited.joined(separator: ", ")) + ".\n"
            md += "Rules citing no source: " + (trace.unsourced.isEmpty ? "none" : trace.unsourced.map(\.rule).joined(separator: ", ")) + ".\n"
        }
        return md
    }

    public var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("pack", .string(packID)),
            ("scenarios", .number(Double(coverage.scenarioCount))),
            ("kinds", .array(coverage.kinds.map { kind in
                .object([("kind", .string(kind.name)), ("covered", .number(Double(kind.covered))), ("total", .number(Double(kind.total))),
                         ("percent", .number((kind.percent * 10).rounded() / 10)),
                         ("uncovered", .array(kind.uncovered.map { .object([("id", .string($0.id)), ("location", .string("\($0.location.file):\($0.location.line)"))]) }))])
            })),
            ("rule_percent", .number((coverage.rulePercent * 10).rounded() / 10)),
            ("condition_percent", .number((coverage.conditionPercent * 10).rounded() / 10)),
            ("one_sided_tests", .array((coverage.oneSided + coverage.gatesOneSided).map {
                .object([("rule", .string($0.rule)), ("test", .string($0.text)), ("location", .string($0.location.description)),
                         ("seen_true", .bool($0.seenTrue)), ("seen_false", .bool($0.seenFalse))])
            })),
            ("static_findings", .array(analysis.findings.map { .string($0.description) })),
            ("translations", .array(pack.info.languages.dropFirst().map { language in
                let c = pack.completeness(language)
                return .object([("language", .string(language)), ("total", .number(Double(c.total))), ("reviewed", .number(Double(c.reviewed))),
                                ("draft", .number(Double(c.draft))), ("stale", .number(Double(c.stale.count))), ("missing", .number(Double(c.missing.count)))])
            })),
            ("witnesses", .array(witnesses.map { w in
                .object([("rule", .string(w.rule)), ("answers", w.answers.map { $0.json(pack: pack) } ?? .null)])
            })),
        ]
        if let trace { fields.append(("trace", trace.json)) }
        return .object(fields)
    }

    /// A percentage with one decimal place, such as "87.5%" or "100.0%".
    public static func percent(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return (rounded == rounded.rounded() ? String(Int(rounded)) + ".0" : String(rounded)) + "%"
    }
}
