import Foundation
import WaymarkCore

/// A printable referral letter to one service (HTML, A4): the screening result and the urgency, nothing the person
/// said, and a box for the person's agreement to share it. Details go further only with that agreement.
public struct ReferralLetter {
    public var words: Catalog
    /// The pack language the letter is written in (nil: the pack's first).
    public var language: String?

    public init(words: Catalog, language: String?) {
        self.words = words
        self.language = language
    }

    /// The letter about `step` of the intake's plan (the service's own contact stays out: it is the addressee), from `organisation` (blank lines to fill in when unknown).
    public func html(_ intake: CompletedIntake, report: ResultReport, step: ReferralPlan.Step, organisation: String?, decision: ReferralDecision?) -> String {
        func e(_ text: String) -> String { TextEscaping.xml(text) }
        let pack = intake.pack
        let blank = "<span class=\"blank\"></span>"
        let outcome = report.outcome.map { pack.outcomeIndex[$0.id].map { pack.outcomes[$0].title.text(language) } ?? $0.title } ?? words("no outcome matched these answers")
        let title = pack.service(step.service)?.title.text(language) ?? step.title
        // The letter never says "made" over an empty agreement box: only a recorded agreement is stated as one.
        let status = decision?.consent == true
            ? words("agreed with the person on {1}", String((decision?.decided ?? "").prefix(10)))
            : words("proposed: the person's agreement is needed below")
        let rows: [(String, String)] = [
            (words("Our reference"), e(intake.id)),
            (words("Date of the screening"), e(String(intake.started.prefix(10)))),
            (words("Urgency"), e(words(step.urgency.describe))),
            (words("Referral status"), e(status)),
        ]
        let draftNote = words.language == "en" ? "" : "<p class=\"draft\">\(e(words("Draft translation, not yet checked by a native speaker.")))</p>"
        return """
            <!doctype html>
            <html lang="\(e(words.language))">
            <head>
            <meta charset="utf-8">
            <title>\(e(words("Referral")) + " – " + e(title))</title>
            <style>
            @page { size: A4; margin: 20mm; }
            body { font: 11pt/1.5 "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: #111; max-width: 170mm; margin: 12mm auto; }
            header { display: flex; justify-content: space-between; border-bottom: 1px solid #444; padding-bottom: 4mm; }
            h1 { font-size: 16pt; margin: 8mm 0 2mm; }
            h2 { font-size: 12pt; margin: 6mm 0 1mm; }
            table { border-collapse: collapse; margin: 2mm 0; }
            th { text-align: left; font-weight: normal; color: #444; padding: 1mm 6mm 1mm 0; vertical-align: top; }
            td { padding: 1mm 0; }
            .box { border: 1px solid #444; padding: 4mm; margin-top: 4mm; }
            .blank { display: inline-block; min-width: 55mm; border-bottom: 1px solid #444; }
            .check { display: inline-block; width: 4mm; height: 4mm; border: 1px solid #444; vertical-align: middle; margin-right: 2mm; }
            footer { margin-top: 10mm; font-size: 8.5pt; color: #555; border-top: 1px solid #aaa; padding-top: 2mm; }
            .draft { color: #8a1c1c; font-size: 9pt; }
            </style>
            </head>
            <body>
            <header><div>\(organisation.map(e) ?? blank)</div><div>\(e(words("Date"))): \(blank)</div></header>
            \(draftNote)
            <p class="draft">\(e(words("Send this letter directly to the service. Give it to the person to carry only if they want it and it is safe.")))</p>
            <p>\(e(words("To"))): <strong>\(e(title))</strong></p>
            <h1>\(e(words("Referral")))</h1>
            <table>
            \(rows.map { "<tr><th>\(e($0.0))</th><td>\($0.1)</td></tr>" }.joined(separator: "\n"))
            </table>
            <h2>\(e(words("Why we are referring")))</h2>
            <p>\(e(words("Screening result: {1}.", outcome))) \(e(words("This is a screening result, not an official identification.")))</p>
            <h2>\(e(words("What is shared")))</h2>
            <p>\(e(words("This letter holds only the screening result and the urgency. Anything more is shared only if the person agrees, and the person may change their mind.")))</p>
            <div class="box">
            <p><span class="check"></span>\(e(words("This letter was read to me in a language I understand. I agree to this referral and to this letter being shared. I know I can withdraw my agreement at any time.")))</p>
            <p>\(e(words("Signature or mark of the person"))): \(blank)</p>
            <p>\(e(words("Date"))): \(blank)</p>
            </div>
            <h2>\(e(words("Referring caseworker")))</h2>
            <p>\(e(words("Name"))): \(blank)<br>\(e(words("Telephone"))): \(blank)</p>
            <footer>\(e(words("Prepared with Waymark {1}, rule pack {2} {3}. Screening indicators support the caseworker's judgement; they do not replace it.", EngineInfo.version, pack.info.id, pack.info.version)))</footer>
            </body>
            </html>

            """
    }
}
