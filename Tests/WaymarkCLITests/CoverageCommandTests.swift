import Foundation
import Testing

@Suite struct CoverageCommandTests {
    let pack = ["--pack", "\(CommandRunner.fixtures)/demo-pack.yaml"]
    let scenario = "\(CommandRunner.fixtures)/scenarios/passing.yaml"
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-coverage-\(UUID().uuidString)").path

    @Test func reportsEachKindAndWhatWasNeverReached() throws {
        // Relative paths, as a rule author types them, keep the report's line wrapping stable.
        let result = try CommandRunner.run(["coverage", "--scenarios", "scenarios/passing.yaml", "--pack", "demo-pack.yaml"],
                                           directory: CommandRunner.fixtures)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  indicators  2/3       66.7%\n"))
        #expect(result.stdout.contains("  rules                 62.5%"))
        #expect(result.stdout.contains("demo-pack.yaml:49: indicator child_begging\n"))
        #expect(result.stdout.contains("  demo-pack.yaml:53:24: indicator child_begging: work_sector == \"begging\" (only\n      false)\n"))
        #expect(result.stdout.contains("  indicator child_begging: age: 17, work_sector: begging\n"))
        #expect(result.stdout.contains("  outcome insufficient_information: no answers at all (every question unknown)\n"))
    }

    @Test func failUnderGatesAndExtraOutputsAreWritten() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let json = "\(directory)/coverage.json", markdown = "\(directory)/coverage.md"
        let result = try CommandRunner.run(["coverage", "--scenarios", scenario, "--fail-under", "90", "--output-json", json, "--output-markdown", markdown] + pack)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: rule coverage 62.5% is below --fail-under 90%"))
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        #expect(object?["rule_percent"] as? Double == 62.5)
        #expect(try String(contentsOfFile: markdown, encoding: .utf8).contains("| indicators | 2 | 3 | 66.7% |"))
        let passing = try CommandRunner.run(["coverage", "--scenarios", scenario, "--fail-under", "60"] + pack)
        #expect(passing.status == 0)
    }

    @Test func traceMatrixShowsSourcesRulesAndScenarios() throws {
        let result = try CommandRunner.run(["coverage", "--scenarios", scenario, "--trace"] + pack)
        #expect(result.stdout.contains("tip2023-az/rec-screening\n  rules: indicator documents_withheld\n  scenarios: construction-documents\n"))
        #expect(result.stdout.contains("Rules citing no source: indicator not_free, indicator child_begging,"))
    }

    @Test func suggestedScenariosFromWitnessesPass() throws {
        let result = try CommandRunner.run(["coverage", "--scenarios", scenario, "--suggest", directory] + pack)
        #expect(result.status == 0)
        let drafts = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(drafts == ["witness-indicator-child-begging.yaml", "witness-outcome-insufficient-information.yaml", "witness-outcome-no-indicators.yaml"])
        // A draft's narrative is TODO, which fails the drill until a trainer writes it.
        let unwritten = try CommandRunner.run(["drill", "run", directory] + pack)
        #expect(unwritten.stdout.hasSuffix("0 passed, 3 failed\n"))
        for draft in drafts {
            let path = "\(directory)/\(draft)"
            try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "    TODO\n", with: "    A case written by the trainer.\n")
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        let run = try CommandRunner.run(["drill", "run", directory] + pack)
        #expect(run.stdout == "3 passed, 0 failed\n")
        let all = try CommandRunner.run(["coverage", "--scenarios", scenario, directory] + pack)
        #expect(all.stdout.contains("  rules                 100.0%"))
    }

    @Test func shippedPackIsFullyCovered() throws {
        let result = try CommandRunner.run(["coverage", "--fail-under", "100"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Static analysis: no findings\n"))
    }
}
