import Testing
import WaymarkTestSupport
@testable import WaymarkCore

/// The text result and the diagnostic renderer show escape sequences instead of obeying them.
@Suite struct TextReportTests {
    @Test func reportsAndDiagnosticsNeutraliseEscapes() throws {
        let pack = try TestPack.load("""
            questions: [{id: note, type: text, prompt: "Note\\e[2J?"}]
            indicators: [{id: a, title: "Title\\e]0;x\\a", category: coercion, strength: weak, when: answered(note)}]
            outcomes: [{id: none, title: "None\\e[31m", when: true}]
            services: [{id: s, title: "Service\\e[8m", contact: "\\e[2Jcall"}]
            referrals: [{id: r, service: s, urgency: routine, when: true, because: "\\e[1A"}]
            """)
        let answers = try TestPack.answers(pack, "note: \"hi\\e[2J\"")
        let text = TextReport().render(ResultReport(Evaluator(pack: pack).evaluate(answers), pack: pack), pack: pack)
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("Service\\u{1b}[8m"))
        let rendered = DiagnosticRenderer(sourceLine: { _, _ in "when: x\u{1B}[2J" }).render(Diagnostic(at: SourceLocation(file: "f", line: 1, column: 7), "bad \u{1B}[31m"))
        #expect(rendered == "f:1:7: error: bad \\u{1b}[31m\n    when: x\\u{1b}[2J\n          ^\n")
    }
}
