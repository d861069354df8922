import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite struct DrillCommandTests {
    let pack = ["--pack", "\(CommandRunner.fixtures)/demo-pack.yaml"]
    let scenarios = "\(CommandRunner.fixtures)/scenarios"

    @Test func failingScenarioSaysWhatDiffersInPlainWords() throws {
        let result = try CommandRunner.run(["drill", "run", "\(scenarios)/failing.yaml"] + pack)
        #expect(result.status == 1)
        #expect(result.stdout == """
            FAIL  begging-misread (\(scenarios)/failing.yaml)
                  A child begging, with wrong expectations
                - 10:14: outcome: expected no_indicators, got presumed_victim
                - 12:17: indicator documents_withheld: expected present, was undetermined
                    (answers: documents_withheld = unknown)
                - 13:16: indicator child_begging: expected absent, was present (answers: age
                    = 9, work_sector = begging)
                - 14:27: referral shelter_now: not expected, but it was suggested
            0 passed, 1 failed

            """)
    }

    @Test func malformedScenarioIsLocatedAndOthersStillRun() throws {
        let result = try CommandRunner.run(["drill", "run", scenarios] + pack)
        #expect(result.status == 1)
        #expect(result.stdout.contains("ERROR \(scenarios)/malformed.yaml\n"))
        #expect(result.stdout.contains("\(scenarios)/malformed.yaml:2:3: error: a scenario is missing 'narrative'"))
        #expect(result.stdout.contains("\(scenarios)/malformed.yaml:4:3: error: unknown key 'narative' in a scenario; did you mean 'narrative'?"))
        #expect(result.stdout.contains("\(scenarios)/malformed.yaml:5:18: error: 'age' is a number question; expected a number, found 'nine'"))
        #expect(result.stdout.contains("\(scenarios)/malformed.yaml:6:21: error: unknown outcome 'presumed' in pack demo"))
        #expect(result.stdout.hasSuffix("1 passed, 2 failed\n"))
    }

    @Test func filterSelectsByID() throws {
        let result = try CommandRunner.run(["drill", "run", "\(scenarios)/passing.yaml", "\(scenarios)/failing.yaml", "--filter", "construction"] + pack)
        #expect(result.status == 0)
        #expect(result.stdout == "1 passed, 0 failed\n")
    }

    @Test func junitReportsFailuresForCI() throws {
        let result = try CommandRunner.run(["drill", "run", "\(scenarios)/passing.yaml", "\(scenarios)/failing.yaml", "--format", "junit"] + pack)
        #expect(result.status == 1)
        let document = try XMLDocument(data: Data(result.stdout.utf8))
        let suite = try #require(document.rootElement())
        #expect(suite.attribute(forName: "tests")?.stringValue == "2")
        #expect(suite.attribute(forName: "failures")?.stringValue == "1")
        let cases = suite.elements(forName: "testcase")
        #expect(cases.map { $0.attribute(forName: "name")?.stringValue } == ["begging-misread", "construction-documents"])
        #expect(cases[0].elements(forName: "failure").first?.stringValue?.contains("outcome: expected no_indicators, got presumed_victim") == true)
        #expect(cases[1].elements(forName: "failure").isEmpty)
    }

    @Test func shippedScenariosAllPass() throws {
        let result = try CommandRunner.run(["drill", "run"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasSuffix(" passed, 0 failed\n"))
    }
}
