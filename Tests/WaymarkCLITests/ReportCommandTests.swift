import Foundation
import Testing

/// `waymark report` makes the summary from a completed record at any time; `evaluate` re-screens a record.
@Suite struct ReportCommandTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-report-\(UUID().uuidString)").path
    var demo: [String] { ["--pack", "\(CommandRunner.fixtures)/demo-pack.yaml"] }

    func completedIntake() throws -> String {
        let result = try CommandRunner.run(["intake", "--out", directory] + demo, stdin: "30\n+\nsays the boss keeps her phone\n1\ny\nn\n\na\nm\n")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        return try #require(IntakeCommandTests.intakeID(in: result.stdout))
    }

    @Test func aCompletedIntakeIsReportedByIdOrFileAndKeepsItsSecrets() throws {
        let id = try completedIntake()
        let byID = try CommandRunner.run(["report", id, "--out", directory] + demo)
        #expect(byID.status == 0, "\(byID.stderr)")
        #expect(byID.stdout.hasPrefix("# Screening summary\n\n_Internal record, not to be sent to a service: use the referral letter._\n\n- Intake: \(id)\n"))
        #expect(byID.stdout.contains("- Ended: "))
        #expect(byID.stdout.contains("- Shelter, now: made"))
        #expect(byID.stdout.contains("## The person was told"))
        #expect(!byID.stdout.contains("boss keeps her phone"))
        let file = "\(directory)/\(id).record.json"
        let sensitive = try CommandRunner.run(["report", file, "--include-sensitive", "-o", directory + "/s.md"] + demo)
        #expect(sensitive.status == 0)
        #expect(try String(contentsOfFile: directory + "/s.md", encoding: .utf8).contains("boss keeps her phone"))
        #expect(try FileManager.default.attributesOfItem(atPath: directory + "/s.md")[.posixPermissions] as? Int == 0o600)
        let again = try CommandRunner.run(["intake", "--resume", id, "--out", directory] + demo)
        #expect(again.stdout.contains("Its summary, at any time: waymark report \(id) --out \(directory)"))
    }

    @Test func anUnknownIntakeOrAnotherPackIsAClearError() throws {
        let missing = try CommandRunner.run(["report", "20990101-000000-deadbeef", "--out", directory] + demo)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("error: no completed record here"))
        let id = try completedIntake()
        let shipped = try CommandRunner.run(["report", "\(directory)/\(id).record.json"])
        #expect(shipped.status == 1)
        #expect(shipped.stderr.hasPrefix("\(directory)/\(id).record.json:3:11: error: this record is from pack 'demo', but the pack loaded is 'az-tip-2023'"))
    }

    @Test func evaluateReScreensARecord() throws {
        let id = try completedIntake()
        let result = try CommandRunner.run(["evaluate", "\(directory)/\(id).record.json"] + demo)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Outcome: Presumed victim"))
    }

    @Test func aReferralLetterSharesOnlyTheResultAndAsksForAgreement() throws {
        let id = try completedIntake()
        let services = directory + "-services.yaml"
        try "directory: {organisation: \"<b>Example NGO</b> (invented)\"}\nservices:\n  shelter: {name: Example shelter, phone: '000'}\n"
            .write(toFile: services, atomically: true, encoding: .utf8)
        let letter = directory + "/letter.html"
        let result = try CommandRunner.run(["report", id, "--out", directory, "--letter", "shelter", "--services", services, "-o", letter] + demo)
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: letter, encoding: .utf8)
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains("<p>To: <strong>Shelter</strong></p>"))
        #expect(html.contains("<tr><th>Urgency</th><td>now</td></tr>") && html.contains("<tr><th>Referral status</th><td>proposed: the person&apos;s agreement is needed below</td></tr>"))
        #expect(html.contains("Screening result: Presumed victim"))
        #expect(html.contains("&lt;b&gt;Example NGO&lt;/b&gt; (invented)") && !html.contains("<b>Example"))
        #expect(html.contains("I agree to this referral and to this letter being shared. I know I can withdraw my agreement at any time."))
        #expect(!html.contains("boss keeps her phone") && !html.contains("construction"), "nothing the person said")
        #expect(try FileManager.default.attributesOfItem(atPath: letter)[.posixPermissions] as? Int == 0o600)
        let wrong = try CommandRunner.run(["report", id, "--out", directory, "--letter", "shelterr"] + demo)
        #expect(wrong.status == 1)
        #expect(wrong.stderr == "error: this intake's result suggests no referral to 'shelterr'; did you mean 'shelter'?\n")
    }
}
