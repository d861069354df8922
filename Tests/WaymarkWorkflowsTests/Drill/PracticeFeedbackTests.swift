import Foundation
import Testing
import WaymarkTestSupport
@testable import WaymarkCore
@testable import WaymarkWorkflows

/// A trainee's feedback speaks in the interview's words: for every shipped scenario, no id of the pack appears in it.
@Suite struct PracticeFeedbackTests {
    @Test func feedbackNamesNoPackIdForAnyShippedScenario() throws {
        let pack = try ShippedPack.pack()
        let ids = Set(pack.questions.map(\.id) + pack.indicators.map(\.id) + pack.outcomes.map(\.id) + pack.referrals.map(\.id) + pack.services.map(\.id))
            .filter { $0.contains("_") }  // one-word ids are ordinary words ("medical", "interpretation")
        let files = ScenarioLoader.files(in: [TestPaths.examples + "/scenarios"])
        #expect(files.count >= 60)
        var checked = 0
        for file in files {
            let scenario = try #require(try ScenarioLoader(pack: pack).load(file).get())
            // A trainee who answered nothing but "unknown": everything differs, so every kind of line is produced.
            var attempt = AnswerSet(questionCount: pack.questions.count)
            for q in pack.questions.indices where scenario.answers[q] != nil { attempt[q] = .unknown }
            for language in [nil, "az", "ru"] {
                let text = PracticeScore(scenario: scenario, attempt: attempt, pack: pack, language: language).text(scenario: scenario, language: language)
                let words = Set(text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init))
                let leaked = words.intersection(ids)
                #expect(leaked.isEmpty, "\(scenario.id) [\(language ?? "en")]: \(leaked.sorted())")
                checked += 1
            }
        }
        #expect(checked >= 180)
    }

    @Test func theBreakdownAddsUpToTheScore() throws {
        let pack = try ShippedPack.pack()
        let file = try #require(ScenarioLoader.files(in: [TestPaths.examples + "/scenarios"]).first)
        let scenario = try #require(try ScenarioLoader(pack: pack).load(file).get())
        var attempt = scenario.answers
        if let q = pack.questions.indices.first(where: { attempt[$0] != nil }) { attempt[q] = .unknown }
        let score = PracticeScore(scenario: scenario, attempt: attempt, pack: pack)
        #expect(abs(score.breakdown.map(\.points).reduce(0, +) - score.percent) < 0.001)
        #expect(score.breakdown.map(\.of) == [40, 40, 10, 10])
    }
}
