import Foundation
import Testing

/// A trainer's session: trainees practise a scenario, the trainer scores the group and drafts a new scenario.
@Suite struct DrillTrainingTests {
    let pack = ["--pack", "\(CommandRunner.fixtures)/demo-pack.yaml"]
    let scenario = "\(CommandRunner.fixtures)/scenarios/passing.yaml"
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-drill-\(UUID().uuidString)").path
    var environment: [String: String] { ["XDG_DATA_HOME": directory + "/data"] }

    func practise(_ trainee: String, _ answers: String) throws -> CommandRunner.Output {
        try CommandRunner.run(["drill", "practice", scenario, "--trainee", trainee, "--out", directory] + pack, stdin: answers, environment: environment)
    }

    @Test func practiceThroughPipedInputHasAKnownScore() throws {
        let result = try practise("Ana K", "30\n1\nn\nn\n")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Practice: Documents kept by the employer\n\nAn invented adult construction worker"))
        #expect(result.stdout.contains("""
            Practice result for "Documents kept by the employer": 50%
              answers 30/40 · indicators found 20/40 · outcome 0/10 · referrals 0/10
              most to gain: indicators found (20 points)

            Answers: 3 agree, 0 partly, 1 differ, 0 missed
              - Is someone keeping their ID? You recorded "no"; the story supports "yes".

            Outcome: yours "None"; the reference "Presumed victim"

            Indicators the reference finds and your answers did not:
              - Documents withheld (strong)
                caught by: Is someone keeping their ID? "yes"
                why it applies: screening
            Referrals missed: Shelter

            Most important to look at again:
              1. the outcome should be "Presumed victim", not "None"
              2. strong indicator missed: Documents withheld
              3. referral missed: Shelter
            """))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("attempt-construction-documents-ana_k-") }
        #expect(files.count == 1)
    }

    @Test func theStoryCanBeReadAgainDuringPractice() throws {
        let result = try practise("Dee", "30\nt\n1\nn\nn\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Type t at any prompt\nto read the story again."))
        #expect(result.stdout.contains("The story:\n  An invented adult construction worker whose passport is kept by the site\n  manager.\n"))
    }

    @Test func groupScoringRanksWhatWasMissed() throws {
        _ = try practise("Ana", "30\n1\nn\nn\n")
        _ = try practise("Bo", "30\n1\ny\nn\n")
        _ = try practise("Cy", "30\n1\nu\ny\n")
        let attempts = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("attempt-") }.sorted()
            .map { "\(directory)/\($0)" }
        #expect(attempts.count == 3)
        let result = try CommandRunner.run(["drill", "score", "--scenario", scenario] + attempts + pack)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Ana                     50%    wrong (None)\n"))
        #expect(result.stdout.contains("Bo                      100%   right\n"))
        #expect(result.stdout.contains("Questions missed or answered differently most often:\n  2 × Is someone keeping their ID?\n  1 × Free to leave?\n"))
        #expect(result.stdout.contains("Indicators missed most often:\n  2 × Documents withheld\n  1 × Not free to leave\n"))
        let grouped = try CommandRunner.run(["drill", "score"] + attempts + pack,
                                            environment: ["WAYMARK_EXAMPLES": "\(CommandRunner.fixtures)/scenarios"])
        #expect(grouped.status == 0, "\(grouped.stderr)")
        #expect(grouped.stdout.hasPrefix("Scenario \"Documents kept by the employer\" (construction-documents): 3 attempts\n"), "grouped by each attempt's own scenario")
        let markdown = try CommandRunner.run(["drill", "score", "--scenario", scenario, "--format", "markdown"] + attempts + pack)
        #expect(markdown.stdout.contains("| Bo | 100% | right |"))
        // Hand-computed: the reference is 30 / construction / papers kept / not free to leave.
        // Ana: papers "no"; Bo: all as the reference; Cy: papers "unknown", free "yes".
        #expect(markdown.stdout.contains("""
            | How old is the person? | 3 of 3 | ██████████ |
            | What work? | 3 of 3 | ██████████ |
            | Is someone keeping their ID? | 1 of 3 | ███░░░░░░░ |
            | Free to leave? | 2 of 3 | ███████░░░ |
            """))
        #expect(markdown.stdout.contains("| Documents withheld | 1 of 3 | ███░░░░░░░ |\n| Not free to leave | 2 of 3 | ███████░░░ |"))
        #expect(markdown.stdout.contains("""
            1. 2 of 3 reached another outcome than "Presumed victim"
            2. 2 of 3 missed the indicator "Documents withheld"
            3. 2 of 3 recorded another answer to "Is someone keeping their ID?"
            """))
        let json = try CommandRunner.run(["drill", "score", "--scenario", scenario, "--format", "json"] + attempts + pack)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["attempts"] as? [Any])?.count == 3)
    }

    @Test func newScenarioFromAnswersPassesOnceDrafted() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let draft = "\(directory)/drafted.yaml"
        let result = try CommandRunner.run(["drill", "new", "--from", "\(CommandRunner.fixtures)/answers/construction.yaml", "--id", "drafted", "-o", draft] + pack)
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: draft, encoding: .utf8)
        #expect(text.contains("  id: drafted\n"))
        #expect(text.contains("    outcome: presumed_victim\n"))
        #expect(text.contains("      undetermined: [not_free]\n"))
        #expect(try CommandRunner.run(["drill", "run", draft] + pack).status == 1, "a TODO narrative fails until written")
        try text.replacingOccurrences(of: "    TODO\n", with: "    A case written by the trainer.\n").write(toFile: draft, atomically: true, encoding: .utf8)
        let run = try CommandRunner.run(["drill", "run", draft] + pack)
        #expect(run.stdout == "1 passed, 0 failed\n")
    }
}
