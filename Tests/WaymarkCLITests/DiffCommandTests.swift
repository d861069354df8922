import Foundation
import Testing

@Suite struct DiffCommandTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-diff-\(UUID().uuidString)").path

    /// The demo pack with documents withheld weakened to medium and the shelter referral made routine.
    func changedPack() throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var text = try String(contentsOfFile: "\(CommandRunner.fixtures)/demo-pack.yaml", encoding: .utf8)
        text = text.replacingOccurrences(of: "    strength: strong\n    when: documents_withheld", with: "    strength: medium\n    when: documents_withheld")
        text = text.replacingOccurrences(of: "urgency: immediate", with: "urgency: routine")
        text = text.replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0")
        let path = "\(directory)/new-pack.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func changedRulesAndCasesAreShownSideBySide() throws {
        let new = try changedPack()
        let cases = ["\(CommandRunner.fixtures)/scenarios/passing.yaml", "\(CommandRunner.fixtures)/answers/construction.yaml"]
        let result = try CommandRunner.run(["diff", "\(CommandRunner.fixtures)/demo-pack.yaml", new] + cases)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("Changes from demo 1.0.0 to demo 1.1.0\n"))
        #expect(result.stdout.contains("  ~ indicator documents_withheld: strong coercion when: documents_withheld →\n      medium coercion when: documents_withheld\n"))
        #expect(result.stdout.contains("  ~ referral shelter_now: shelter immediate when:"))
        #expect(result.stdout.contains("Cases: 2 checked, 2 would change\n"))
        #expect(result.stdout.contains("  construction-documents (\(cases[0]))\n    outcome: presumed_victim → no_indicators\n    referrals: -shelter_now\n"))
        let accepted = try CommandRunner.run(["diff", "\(CommandRunner.fixtures)/demo-pack.yaml", new, "--accept"] + cases)
        #expect(accepted.status == 0)
    }

    @Test func samePackChangesNothing() throws {
        let pack = "\(CommandRunner.fixtures)/demo-pack.yaml"
        let result = try CommandRunner.run(["diff", pack, pack, "\(CommandRunner.fixtures)/scenarios/passing.yaml"])
        #expect(result.status == 0)
        #expect(result.stdout == "Changes from demo 1.0.0 to demo 1.0.0\n  no rule changed\n\nCases: 1 checked, 0 would change\n")
    }
}
