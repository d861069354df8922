import Foundation
import Testing

/// A story that names its own result is flagged; `drill run --strict` fails on it, and no shipped story does it.
@Suite struct NarrativeGiveawayTests {
    @Test func aStoryThatNamesTheResultIsFlaggedAndFailsStrictRuns() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("giveaway-\(UUID().uuidString).yaml").path
        let passing = try String(contentsOfFile: "\(CommandRunner.fixtures)/scenarios/passing.yaml", encoding: .utf8)
        try passing.replacingOccurrences(of: "kept by the site manager.", with: "kept by the site manager. This is\n    internal trafficking.")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let pack = ["--pack", "\(CommandRunner.fixtures)/demo-pack.yaml"]
        let warned = try CommandRunner.run(["drill", "run", file] + pack)
        #expect(warned.status == 0, "a warning alone does not fail an ordinary run")
        #expect(warned.stderr.hasPrefix("\(file):2:3: warning: the story of 'construction-documents' gives the result away: \"trafficking\" (en)"))
        let strict = try CommandRunner.run(["drill", "run", "--strict", file] + pack)
        #expect(strict.status == 1)
    }

    @Test func noShippedStoryGivesItsResultAway() throws {
        let result = try CommandRunner.run(["drill", "run", "--strict"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("W8511") && !result.stderr.contains("gives the result away"))
    }
}
