import WaymarkCore

/// The first screen after the last answer: the outcome, what to do now, and which rights to tell the person.
/// It fits a 24-line terminal; the full notice texts, indicators and follow-ups come after it.
struct ResultScreen {
    var words: Catalog
    var width: Int

    func render(_ report: ResultReport, plan: ReferralPlan, pack: Pack, language: String?) -> String {
        func wrap(_ text: String, indent: String = "", firstIndent: String? = nil) -> String {
            TextWrap.wrap(text, width: max(20, width), indent: indent, firstIndent: firstIndent)
        }
        var out: [String] = []
        out.append(wrap(words("Outcome:") + " " + (report.outcome?.title ?? words("no outcome matched these answers")).singleLineSafe))
        if let id = report.outcome?.id, let o = pack.outcomeIndex[id], let description = pack.outcomes[o].description {
            out.append(wrap(Self.firstSentence(description.text(language)).terminalSafe, indent: "  "))
        }
        let present = report.indicators.filter { $0.state == .present }.count
        let open = report.indicators.filter { $0.state == .undetermined }.count
        out.append(words("Indicators: {1} present, {2} still open.", present, open))
        let urgent = plan.steps.filter { $0.urgency != .routine }
        let routine = plan.steps.count - urgent.count
        if !urgent.isEmpty {
            out.append("")
            out.append(words("Act now:"))
            for step in urgent {
                out.append(wrap("\(step.title.singleLineSafe) (\(words(step.urgency.describe)))", indent: "    ", firstIndent: "  - "))
            }
        }
        if routine > 0 {
            if urgent.isEmpty { out.append("") }
            out.append(words("Routine referrals: {1} (each is recorded below).", routine))
        }
        if !report.notices.isEmpty {
            let titles = report.notices.map { ($0.title ?? $0.id).singleLineSafe }
            out.append("")
            out.append(wrap(words("Rights to tell the person (texts below):") + " " + titles.joined(separator: "; ") + "."))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The notices in full, in the person's language where the pack has it, to be read out before the referrals.
    func notices(_ report: ResultReport, pack: Pack, personLanguage: String?) -> String {
        guard !report.notices.isEmpty else { return "" }
        var out = ["", words("Read to the person:")]
        for (i, n) in report.notices.enumerated() {
            let text = n.text(in: personLanguage, pack: pack)
            out.append(TextWrap.wrap(text.terminalSafe, width: max(20, width), indent: "    ", firstIndent: " \(i + 1). "))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Up to the first full stop followed by a space, so the outcome's gist stays on one or two lines.
    static func firstSentence(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard let end = flat.range(of: ". ") else { return flat }
        return String(flat[..<end.lowerBound]) + "."
    }
}
