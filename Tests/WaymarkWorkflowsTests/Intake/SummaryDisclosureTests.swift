import Foundation
import Testing
import WaymarkTestSupport
@testable import WaymarkCore
@testable import WaymarkRecords
@testable import WaymarkWorkflows

/// A summary never reveals a sensitive answer, directly or through an indicator's title, unless asked to.
@Suite struct SummaryDisclosureTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-summary-\(UUID().uuidString)").path

    static var scenarioFiles: [String] { ScenarioLoader.files(in: [TestPaths.examples]).filter { $0.contains("/scenarios/") } }

    @Test func everyShippedScenarioHidesSensitiveAnswersAndTheIndicatorsRestingOnThem() throws {
        let pack = try ShippedPack.pack()
        let files = Self.scenarioFiles
        #expect(files.count >= 60, "the shipped scenarios went missing")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-summary-\(UUID().uuidString)").path
        var checkedSensitive = 0, checkedIndicators = 0
        for file in files {
            let scenario = try #require(try ScenarioLoader(pack: pack).load(file).get())
            let session = try IntakeSession.start(pack: pack, store: IntakeStore(directory: directory), language: nil)
            for q in pack.questions.indices { if let answer = scenario.answers[q] { try session.record(answer, question: q) } }
            let report = ResultReport(Evaluator(pack: pack).evaluate(session.answers), pack: pack)
            let hidden = IntakeSummary().markdown(session: session, report: report, decisions: [])
            let shown = IntakeSummary(includeSensitive: true).markdown(session: session, report: report, decisions: [])
            let answerRows = hidden.components(separatedBy: "## Answers").last ?? ""
            for (q, question) in pack.questions.enumerated() where question.sensitive {
                guard case .value = scenario.answers[q], let answer = scenario.answers[q] else { continue }
                let text = answer.display(for: question)
                #expect(!answerRows.contains("| \(question.prompt.text) | \(text) |"), "\(scenario.id): \(question.id)")
                checkedSensitive += 1
            }
            for indicator in report.indicators where !indicator.evidence.isEmpty {
                let onlySensitive = indicator.evidence.allSatisfy { pack.questions[pack.questionIndex[$0.question]!].sensitive }
                guard onlySensitive else { continue }
                #expect(!hidden.contains("- \(indicator.title) ("), "\(scenario.id): \(indicator.id)")
                if indicator.state == .present { #expect(shown.contains("- \(indicator.title) (")) }
                checkedIndicators += 1
            }
        }
        #expect(checkedSensitive > 50 && checkedIndicators > 10)
    }

    @Test func summaryLeavesOutEverySensitiveAnswer() throws {
        let pack = try TestPack.load("""
            questions: [{id: hurt, type: yes_no, prompt: Did anyone hurt you?, sensitive: true}, {id: age, type: number, prompt: Age?}]
            outcomes: [{id: none, title: None, when: true}]
            """)
        let session = try IntakeSession.start(pack: pack, store: IntakeStore(directory: directory), language: nil)
        try session.record(.value(.yesNo(true)), question: 0)
        try session.record(.value(.number(30)), question: 1)
        let report = ResultReport(Evaluator(pack: pack).evaluate(session.answers), pack: pack)
        let hidden = IntakeSummary().markdown(session: session, report: report, decisions: [])
        #expect(hidden.contains("| Did anyone hurt you? | [sensitive answer left out] |"))
        #expect(hidden.contains("| Age? | 30 |"))
        #expect(IntakeSummary(includeSensitive: true).markdown(session: session, report: report, decisions: []).contains("| Did anyone hurt you? | yes |"))
    }
}
