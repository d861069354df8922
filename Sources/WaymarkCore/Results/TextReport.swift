/// Renders a result for a person reading it in a terminal: grouped, plain words, wrapped to the terminal's width.
public struct TextReport: Sendable {
    public var colour: Bool
    /// The tool's words in the reader's language.
    public var words: Catalog
    public var width: Int
    /// Whether question and rule ids are shown beside their wording (for auditors; not in the interview).
    public var showIDs: Bool

    /// A renderer with these words and colour setting, wrapping at `width` columns (never under 20).
    public init(colour: Bool = false, words: Catalog = .english, width: Int = 80, showIDs: Bool = true) {
        self.colour = colour
        self.words = words
        self.width = max(20, width)
        self.showIDs = showIDs
    }

    /// `language` is the reader's; `personLanguage`, where different, is the one the notices are told in.
    public func render(_ report: ResultReport, pack: Pack, language: String? = nil, personLanguage: String? = nil) -> String {
        func wrap(_ text: String, indent: String = "", firstIndent: String? = nil) -> String {
            TextWrap.wrap(text, width: width, indent: indent, firstIndent: firstIndent)
        }
        var out: [String] = []
        let header = words("Screening result (pack {1} {2})", report.packID.singleLineSafe, report.packVersion.singleLineSafe)
        out.append(bold(header))
        if let caseID = report.caseID { out.append(words("Case: {1}", caseID.singleLineSafe)) }
        out.append("")
        out.append(bold(words("Outcome:") + " ") + bold((report.outcome?.title ?? words("no outcome matched these answers")).singleLineSafe))
        if let id = report.outcome?.id, let o = pack.outcomeIndex[id], let description = pack.outcomes[o].description {
            out.append(wrap(description.text(language).terminalSafe, indent: "  "))
        }

        for state in [ItemState.present, .undetermined, .absent] {
            let entries = report.indicators.filter { $0.state == state }
            guard !entries.isEmpty else { continue }
            out.append("")
            switch state {
            case .present: out.append(bold(words("Indicators present ({1})", entries.count)))
            case .undetermined: out.append(bold(words("Indicators undetermined ({1}): a follow-up answer could decide these", entries.count)))
            case .absent: out.append(bold(words("Indicators absent ({1})", entries.count)))
            }
            for entry in entries.sorted(by: { $0.strength < $1.strength }) {
                let mark = state == .present ? "*" : state == .undetermined ? "?" : "-"
                out.append(wrap(entry.title.terminalSafe, indent: "    ", firstIndent: "  \(mark) "))
                let category = pack.categories.first { $0.id == entry.category }?.title.text(language) ?? entry.category
                out.append("    \(words(entry.strength.rawValue)) · \(category.singleLineSafe)")
                if showIDs, !entry.evidence.isEmpty {
                    let answers = entry.evidence.map { "\($0.question) = \($0.answer.singleLineSafe)" }.joined(separator: ", ")
                    out.append(wrap(words("answers:") + " " + answers, indent: "      ", firstIndent: "    "))
                }
            }
        }
        if report.indicators.isEmpty {
            out.append("")
            out.append(words("No indicators are present."))
        }

        if !report.referrals.isEmpty {
            out.append("")
            out.append(bold(words("Referrals")))
            for r in report.referrals.sorted(by: { ($0.state == .present ? 0 : 1, $0.urgency) < ($1.state == .present ? 0 : 1, $1.urgency) }) {
                let when = r.state == .present ? words(r.urgency.describe) : words("if confirmed by a follow-up answer")
                out.append(wrap("\(r.serviceTitle.singleLineSafe) (\(when))", indent: "    ", firstIndent: "  - "))
                if let because = r.because { out.append(wrap(because.terminalSafe, indent: "    ")) }
                if let contact = r.contact { out.append(wrap(words("Contact: {1}", contact.singleLineSafe), indent: "    ")) }
            }
        }
        if !report.notices.isEmpty {
            out.append("")
            out.append(bold(words("Tell the person")))
            for n in report.notices {
                let text = n.text(in: personLanguage, pack: pack)
                out.append(wrap(text.terminalSafe, indent: "    ", firstIndent: "  - "))
            }
        }
        if !report.followUps.isEmpty {
            out.append("")
            out.append(bold(words("Follow-up questions that could change this result")))
            for f in report.followUps {
                out.append(wrap(f.prompt.terminalSafe + (showIDs ? " (\(f.question))" : ""), indent: "    ", firstIndent: "  - "))
                if showIDs { out.append(wrap(words("decides:") + " " + f.decides.joined(separator: ", "), indent: "      ", firstIndent: "    ")) }
            }
        }
        let c = report.counts
        out.append("")
        out.append(wrap(words("Answers: {1} questions asked, {2} answered, {3} unknown, {4} declined; {5} not asked.",
                              c.asked, c.answered, c.unknown, c.declined, c.notAsked)))
        return out.joined(separator: "\n") + "\n"
    }

    private func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
}
