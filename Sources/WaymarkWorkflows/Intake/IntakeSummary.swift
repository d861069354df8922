import Foundation
import WaymarkCore
import WaymarkRecords

/// A printable Markdown summary of a completed intake, for the organisation's own file: a service gets a referral
/// letter instead (`ReferralLetter`), which holds only what it needs.
public struct IntakeSummary {
    public var disclosure: Disclosure

    /// A summary that leaves out sensitive answers unless `includeSensitive` is set.
    public init(includeSensitive: Bool = false) { disclosure = Disclosure(includeSensitive: includeSensitive) }

    /// The summary: outcome, indicators, referrals with their decisions, what the person was told, and the answers as disclosed.
    public func markdown(session: IntakeSession, report: ResultReport, decisions: [ReferralDecision], language: String? = nil) -> String {
        markdown(CompletedIntake(session: session, decisions: decisions), report: report, language: language)
    }

    /// The summary of a completed intake, from its session or its record.
    public func markdown(_ intake: CompletedIntake, report: ResultReport, language: String? = nil) -> String {
        let pack = intake.pack
        let decisions = intake.decisions
        var md = "# Screening summary\n\n_Internal record, not to be sent to a service: use the referral letter._\n\n"
        md += "- Intake: \(intake.id)\n- Started: \(intake.started)\n" + (intake.ended.map { "- Ended: \($0)\n" } ?? "")
        md += "- Pack: \(pack.info.id) \(pack.info.version) (content hash \(pack.contentHash.prefix(12)))\n"
        if let recorded = intake.recordedPack, recorded.hash != pack.contentHash {
            md += "- The result below is recomputed with this pack; the intake was recorded with \(TextEscaping.markdownCell(recorded.id)) "
                + "\(TextEscaping.markdownCell(recorded.version)) (content hash \(TextEscaping.markdownCell(String(recorded.hash.prefix(12)))))\n"
        }
        md += "\n"
        md += "## Outcome\n\n**\(TextEscaping.markdownCell(report.outcome?.title ?? "No outcome matched"))**\n\n"
        let present = report.indicators.filter { $0.state == .present }
        let named = present.filter { disclosure.mayName($0, in: pack) }
        md += "## Indicators present (\(present.count))\n\n"
        md += present.isEmpty ? "None.\n" : named.map { "- \(TextEscaping.markdownCell($0.title)) (\($0.strength.rawValue))\n" }.joined()
        if named.count < present.count {
            md += "- \(present.count - named.count) more, resting only on sensitive answers (left out)\n"
        }
        let open = report.indicators.filter { $0.state == .undetermined && disclosure.mayName($0, in: pack) }
        if !open.isEmpty {
            md += "\n## Still undetermined (\(open.count))\n\n" + open.map { "- \(TextEscaping.markdownCell($0.title))\n" }.joined()
        }
        md += "\n## Referrals\n\n"
        if report.referrals.isEmpty { md += "None suggested.\n" }
        // One line per service, most urgent first, as the caseworker decided them.
        for step in ReferralPlan(report).steps {
            let decision = decisions.first { $0.service == step.service || step.referrals.contains($0.referral) }
            let what: String
            switch decision?.decision {
            case .made?: what = decision?.consent == true ? "made, with the person's agreement" + (decision?.decided.map { " (recorded \($0))" } ?? "") : "made"
            case .declined?: what = "declined by the person"
            case .notMade?: what = "not made" + (disclosure.includeSensitive ? decision?.reason.map { ": \(TextEscaping.markdownCell($0))" } ?? "" : "")
            case .pending?: what = "to be done" + (decision?.due.map { " by \($0)" } ?? "") + (step.needsConsent ? ", with the person's agreement first" : "")
            case nil: what = "no decision recorded"
            }
            md += "- \(TextEscaping.markdownCell(step.title)), \(step.urgency.describe): \(what)\n"
            if let contact = step.contact { md += "  - Contact: \(TextEscaping.markdownCell(contact))\n" }
        }
        md += notices(report, told: intake.told)
        if disclosure.includeSensitive, !intake.notes.isEmpty {
            md += "\n## Caseworker's notes\n\n" + intake.notes.map { "- \($0.question): \(TextEscaping.markdownCell($0.text))\n" }.joined()
        }
        md += "\n## Answers\n\n| Question | Answer |\n|---|---|\n"
        for (q, question) in pack.questions.enumerated() {
            guard let answer = intake.answers[q] else { continue }
            let shown = disclosure.summary(answer, for: question, language: language)
            md += "| \(TextEscaping.markdownCell(question.prompt.text(language))) | \(TextEscaping.markdownCell(shown)) |\n"
        }
        return md
    }

    /// What the caseworker confirmed telling the person, and what is still to be explained: never "told" unconfirmed.
    private func notices(_ report: ResultReport, told: [String: NoticeTold]) -> String {
        let confirmed = report.notices.filter { told[$0.id]?.told == true }
        let notYet = report.notices.filter { told[$0.id]?.told == false }
        let unconfirmed = report.notices.filter { told[$0.id] == nil }
        var md = ""
        if !confirmed.isEmpty {
            md += "\n## The person was told\n\n" + confirmed.map { "- \(TextEscaping.markdownCell($0.text))\n" }.joined()
        }
        if !notYet.isEmpty {
            md += "\n## Still to explain to the person\n\n" + notYet.map { n in
                "- \(TextEscaping.markdownCell(n.title ?? n.text))"
                    + (disclosure.includeSensitive ? told[n.id]?.reason.map { " (\(TextEscaping.markdownCell($0)))" } ?? "" : "") + "\n"
            }.joined()
        }
        if !unconfirmed.isEmpty {
            md += "\n## Rights not recorded as explained\n\n" + unconfirmed.map { "- \(TextEscaping.markdownCell($0.title ?? $0.text))\n" }.joined()
        }
        return md
    }

}
