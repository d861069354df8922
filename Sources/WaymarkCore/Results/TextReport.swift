/// Renders a result for a person reading it in a terminal: grouped, plain words, 80 columns.
public struct TextReport: Sendable {
    public var colour: Bool

    public init(colour: Bool = false) { self.colour = colour }

    public func render(_ report: ResultReport, pack: Pack, language: String? = nil) -> String {
        var out: [String] = []
        let header = "Screening result (pack \(report.packID) \(report.packVersion))"
        out.append(bold(header))
        if let caseID = report.caseID { out.append("Case: \(caseID.singleLineSafe)") }
        out.append("")
        out.append(bold("Outcome: ") + bold((report.outcome?.title ?? "no outcome matched these answers").singleLineSafe))
        if let id = report.outcome?.id, let o = pack.outcomeIndex[id], let description = pack.outcomes[o].description {
            out.append(TextWrap.wrap(description.text(language).terminalSafe, indent: "  "))
        }

        for state in [ItemState.present, .undetermined, .absent] {
            let entries = report.indicators.filter { $0.state == state }
            guard !entries.isEmpty else { continue }
            out.append("")
            switch state {
            case .present: out.append(bold("Indicators present (\(entries.count))"))
            case .undetermined: out.append(bold("Indicators undetermined (\(entries.count)): a follow-up answer could decide these"))
            case .absent: out.append(bold("Indicators absent (\(entries.count))"))
            }
            for entry in entries.sorted(by: { $0.strength < $1.strength }) {
                let mark = state == .present ? "*" : state == .undetermined ? "?" : "-"
                out.append(TextWrap.wrap(entry.title.terminalSafe, indent: "    ", firstIndent: "  \(mark) "))
                let category = pack.categories.first { $0.id == entry.category }?.title.text(language) ?? entry.category
                out.append("    \(entry.strength.rawValue) · \(category.singleLineSafe)")
                if !entry.evidence.isEmpty {
                    let answers = entry.evidence.map { "\($0.question) = \($0.answer.singleLineSafe)" }.joined(separator: ", ")
                    out.append(TextWrap.wrap("answers: " + answers, indent: "      ", firstIndent: "    "))
                }
            }
        }
        if report.indicators.isEmpty {
            out.append("")
            out.append("No indicators are present.")
        }

        if !report.referrals.isEmpty {
            out.append("")
            out.append(bold("Referrals"))
            for r in report.referrals.sorted(by: { ($0.state == .present ? 0 : 1, $0.urgency) < ($1.state == .present ? 0 : 1, $1.urgency) }) {
                let when = r.state == .present ? r.urgency.describe : "if confirmed by a follow-up answer"
                out.append("  - \(r.serviceTitle.singleLineSafe) (\(when))")
                if let because = r.because { out.append(TextWrap.wrap(because.terminalSafe, indent: "    ")) }
                if let contact = r.contact { out.append("    Contact: \(contact.singleLineSafe)") }
            }
        }
        if !report.notices.isEmpty {
            out.append("")
            out.append(bold("Tell the person"))
            for n in report.notices { out.append(TextWrap.wrap(n.text.terminalSafe, indent: "    ", firstIndent: "  - ")) }
        }
        if !report.followUps.isEmpty {
            out.append("")
            out.append(bold("Follow-up questions that could change this result"))
            for f in report.followUps {
                out.append(TextWrap.wrap(f.prompt.terminalSafe + " (\(f.question))", indent: "    ", firstIndent: "  - "))
                out.append(TextWrap.wrap("decides: " + f.decides.joined(separator: ", "), indent: "      ", firstIndent: "    "))
            }
        }
        let c = report.counts
        out.append("")
        out.append(TextWrap.wrap("Answers: \(c.asked) questions asked, \(c.answered) answered, \(c.unknown) unknown, \(c.declined) declined; \(c.notAsked) not asked."))
        return out.joined(separator: "\n") + "\n"
    }

    private func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
}
