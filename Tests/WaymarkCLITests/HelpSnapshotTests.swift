import Foundation
import Testing

/// `waymark help <command>` for every command, compared with the text kept in Fixtures/help, so that a change to
/// what users read is seen in review. Run with WAYMARK_UPDATE_HELP=1 to write the new texts.
@Suite struct HelpSnapshotTests {
    static let commands = [[], ["intake"], ["check"], ["evaluate"], ["drill"], ["drill", "list"], ["drill", "run"], ["drill", "practice"],
                           ["drill", "score"], ["drill", "new"], ["coverage"], ["diff"], ["keys"], ["keys", "new"], ["records"],
                           ["records", "open"], ["services"], ["translations"], ["translations", "export"], ["translations", "import"]]

    @Test(arguments: commands)
    func helpMatchesItsSnapshot(_ command: [String]) throws {
        let result = try CommandRunner.run(["help"] + command, environment: ["COLUMNS": "80"])
        #expect(result.status == 0)
        let name = command.isEmpty ? "waymark" : command.joined(separator: "-")
        let path = "\(CommandRunner.fixtures)/help/\(name).txt"
        if ProcessInfo.processInfo.environment["WAYMARK_UPDATE_HELP"] != nil {
            try result.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(result.stdout == expected, "help for '\(name)' changed; if intended, run the tests with WAYMARK_UPDATE_HELP=1 and review the diff")
    }

    @Test func everyCommandHasASnapshot() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(CommandRunner.fixtures)/help").filter { $0.hasSuffix(".txt") }
        #expect(files.count == Self.commands.count)
    }
}
