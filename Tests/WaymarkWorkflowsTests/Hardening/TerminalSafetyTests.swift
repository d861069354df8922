import Testing
@testable import WaymarkCore
import WaymarkTestSupport
@testable import WaymarkRecords
@testable import WaymarkWorkflows

/// Text from packs, scenarios and answers can never move the cursor, retitle the window or hide text.
@Suite struct TerminalSafetyTests {
    static let hostile = "Shelter\u{1B}]0;owned\u{07}\u{1B}[2J\u{1B}[8mhidden\r\u{9B}31m\u{202E}"

    @Test func escapesAreShownNotObeyed() {
        let safe = Self.hostile.terminalSafe
        #expect(safe == "Shelter\\u{1b}]0;owned\\u{7}\\u{1b}[2J\\u{1b}[8mhidden\\u{d}\\u{9b}31m\\u{202e}")
        #expect(!safe.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

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

    @Test func interviewShowsAnswersSafely() throws {
        let pack = try TestPack.load("""
            questions: [{id: note, type: text, prompt: "A note?"}, {id: more, type: yes_no, prompt: More?}]
            outcomes: [{id: none, title: None, when: true}]
            """)
        let directory = "/tmp/waymark-safety-\(UInt32.random(in: 0...UInt32.max))"
        let session = try IntakeSession.start(pack: pack, store: IntakeStore(directory: directory), language: nil)
        let io = ScriptedIO(["hello\u{1B}]0;owned\u{07}", "r", ""])
        _ = try Interview(session: session, io: io).run()
        #expect(!io.output.contains("\u{1B}"))
        #expect(io.output.contains("hello\\u{1b}]0;owned\\u{7}"))
    }
}
