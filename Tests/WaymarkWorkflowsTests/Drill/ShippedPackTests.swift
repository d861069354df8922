import Testing
@testable import WaymarkCore
import WaymarkTestSupport
@testable import WaymarkRecords
@testable import WaymarkWorkflows

/// The shipped pack is valid, every scenario in Examples/ passes, and together they exercise every rule.
@Suite struct ShippedPackTests {
    /// Every scenario is its own test case: there must be cases to run.
    @Test func scenariosArePresent() { #expect(Self.scenarioFiles.count >= 60, "found \(Self.scenarioFiles.count) scenarios") }

    static let rules = TestPaths.rules
    static let examples = TestPaths.examples

    static func pack() throws -> Pack { try ShippedPack.pack() }

    static var scenarioFiles: [String] {
        ScenarioLoader.files(in: [examples]).filter { $0.contains("/scenarios/") }
    }

    @Test func packChecksWithoutErrorsOrWarnings() throws {
        let result = ShippedPack.result
        #expect(result.diagnostics.map(\.description) == [])
        let pack = try #require(result.pack)
        #expect(pack.indicators.count >= 40)
    }

    @Test(arguments: scenarioFiles)
    func scenarioPasses(_ file: String) throws {
        let pack = try Self.pack()
        let scenario = try #require(try ScenarioLoader(pack: pack).load(file).get())
        let outcome = ScenarioRunner(pack: pack).run(scenario)
        #expect(outcome.differences.map(\.message) == [], "scenario \(scenario.id)")
    }

    @Test func scenariosCoverEveryRule() throws {
        let pack = try Self.pack()
        let (scenarios, failures) = ScenarioLoader(pack: pack).load(Self.scenarioFiles)
        #expect(failures.isEmpty)
        #expect(scenarios.count >= 30)
        let evaluations = scenarios.map { Evaluator(pack: pack).evaluate($0.answers) }
        let neverPresent = pack.indicators.indices.filter { i in !evaluations.contains { $0.indicatorStates[i] == .present } }
        #expect(neverPresent.map { pack.indicators[$0].id } == [])
        let neverReferred = pack.referrals.indices.filter { r in !evaluations.contains { $0.referralStates[r] == .present } }
        #expect(neverReferred.map { pack.referrals[$0].id } == [])
        let neverShown = pack.notices.indices.filter { n in !evaluations.contains { $0.noticeStates[n] == .present } }
        #expect(neverShown.map { pack.notices[$0].id } == [])
        let neverReached = pack.outcomes.indices.filter { o in !evaluations.contains { $0.outcome == o } }
        #expect(neverReached.map { pack.outcomes[$0].id } == [])
    }

    @Test func answersExamplesAreValid() throws {
        let pack = try Self.pack()
        let files = ScenarioLoader.files(in: [Self.examples + "/answers"]) + [Self.examples + "/answers/child-begging.json"]
        for file in files {
            let loaded = try AnswersFile.load(file, pack: pack)
            #expect(loaded.diagnostics.map(\.description) == [], "\(file)")
        }
    }
}
