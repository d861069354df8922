import Foundation
import Testing
@testable import WaymarkWorkflows

/// No text from a pack, an answers file, a scenario or a journal can put an escape sequence on the terminal,
/// through any command: each is run on hostile input and its output searched for a raw ESC or C1 control.
@Suite struct UntrustedTextTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-untrusted-\(UUID().uuidString)").path
    static let hostile = #"\e]0;owned\a\e[2J\e[8m"#

    func hostilePack() throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let h = Self.hostile
        let pack = """
            pack: {id: hostile, version: 1.0.0, title: "Pack\(h)"}
            sources: [{id: src, title: "S\(h)", items: [{id: one, text: "Item\(h)"}]}]
            categories: [{id: coercion, title: "C\(h)"}]
            sections: [{id: about, title: "About\(h)", description: "Desc\(h)"}]
            questions:
              - {id: note, section: about, type: text, prompt: "Note\(h)?", help: "Help\(h)"}
              - {id: work, section: about, type: single, prompt: "Work\(h)?", choices: [{id: a, label: "A\(h)"}, {id: b, label: "B\(h)"}]}
              - {id: hurt, section: about, type: yes_no, prompt: "Hurt\(h)?", sensitive: true, guidance: "Guide\(h)"}
            indicators:
              - {id: x, title: "Ind\(h)", category: coercion, strength: strong, when: hurt, sources: [src/one]}
            outcomes:
              - {id: yes_out, title: "Out\(h)", description: "D\(h)", when: count("strong") >= 1}
              - {id: none, title: "None\(h)", when: true}
            services: [{id: s, title: "Svc\(h)", contact: "Call\(h)"}]
            referrals: [{id: r, service: s, urgency: immediate, when: outcome == "yes_out", because: "Because\(h)"}]
            notices: [{id: n, when: true, text: "Notice\(h)"}]
            """
        let path = directory + "/pack.yaml"
        try pack.write(toFile: path, atomically: true, encoding: .utf8)
        let scenario = """
            scenario:
              id: hostile-case
              title: "Title\(h)"
              narrative: "Story\(h)"
              answers: {note: "hi\(h)", work: a, hurt: yes}
              expect: {outcome: none}
            """
        try scenario.write(toFile: directory + "/scenario.yaml", atomically: true, encoding: .utf8)
        try "answers: {note: \"x\(h)\", work: b, hurt: yes}\n".write(toFile: directory + "/answers.yaml", atomically: true, encoding: .utf8)
        return path
    }

    static func isClean(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || (0x80...0x9F).contains($0.value) }
    }

    @Test func noCommandLetsAnEscapeSequenceThrough() throws {
        let pack = try hostilePack()
        let intakes = directory + "/intakes"
        let runs: [[String]] = [
            ["check", "--pack", pack], ["check", "--pack", pack, "--format", "json"],
            ["evaluate", directory + "/answers.yaml", "--pack", pack], ["evaluate", directory + "/answers.yaml", "--pack", pack, "--explain", "x"],
            ["coverage", "--pack", pack, "--scenarios", directory + "/scenario.yaml", "--trace"],
            ["coverage", "--pack", pack, "--scenarios", directory + "/scenario.yaml", "--format", "markdown"],
            ["drill", "run", directory + "/scenario.yaml", "--pack", pack], ["drill", "list", directory + "/scenario.yaml", "--pack", pack],
        ]
        for arguments in runs {
            let result = try CommandRunner.run(arguments)
            #expect(Self.isClean(result.stdout) && Self.isClean(result.stderr), "\(arguments)")
            #expect(result.stdout.contains("\\u{1b}") || result.stdout.contains("\\u001b") || arguments.contains("json") || ["drill", "check"].contains(arguments[0]) || arguments.contains("--trace"),
                    "\(arguments): the hostile text should be shown escaped")
        }
        #expect(try CommandRunner.run(["check", "--pack", pack]).status == 0)
        let intake = try CommandRunner.run(["intake", "--pack", pack, "--out", intakes, "--report", directory + "/summary.md", "--include-sensitive"],
                                           stdin: "hello\u{1B}[2J\n1\ny\ni\na\nn\nwhy\u{1B}]0;x\u{07}\n")
        #expect(intake.status == 0, "\(intake.stderr)")
        #expect(Self.isClean(intake.stdout) && Self.isClean(intake.stderr))
        #expect(Self.isClean(try String(contentsOfFile: directory + "/summary.md", encoding: .utf8)))
    }

    @Test func journalFieldsAreShownSafely() throws {
        let pack = try hostilePack()
        let intakes = directory + "/intakes"
        let first = try CommandRunner.run(["intake", "--pack", pack, "--out", intakes], stdin: "q\n")
        let id = try #require(IntakeCommandTests.intakeID(in: first.stdout))
        let journal = "\(intakes)/\(id).journal"
        var lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").map(String.init)
        let json = String(lines[0].dropFirst(9))
            .replacingOccurrences(of: #""started":""#, with: #""started":"\u001b[2J"#)
            .replacingOccurrences(of: #""version":"1.0.0""#, with: #""version":"\u001b]0;x\u0007""#)
        lines[0] = CRC32.hex(Array(json.utf8)) + " " + json
        let answer = #"{"event":"answer","question":"gone\u001b[8m","value":"x"}"#
        lines.append(CRC32.hex(Array(answer.utf8)) + " " + answer)
        try (lines.joined(separator: "\n") + "\n").write(toFile: journal, atomically: true, encoding: .utf8)
        let list = try CommandRunner.run(["intake", "--list", "--out", intakes])
        #expect(Self.isClean(list.stdout), "\(list.stdout)")
        let resumed = try CommandRunner.run(["intake", "--pack", pack, "--out", intakes, "--resume", id], stdin: "q\n")
        #expect(Self.isClean(resumed.stdout) && Self.isClean(resumed.stderr))
        #expect(resumed.stdout.contains("gone\\u{1b}[8m"))
    }
}
