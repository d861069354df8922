import Foundation
import Testing

/// The interview and the command line as caseworkers' tools (ODK Collect, git, cargo) have taught them to expect,
/// each point through the built binary; terminal behaviour on a pseudo-terminal.
@Suite struct InterviewConventionsTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-conventions-\(UUID().uuidString)").path
    var demo: [String] { ["intake", "--out", directory, "--pack", "\(CommandRunner.fixtures)/demo-pack.yaml"] }
    var shipped: [String] { ["intake", "--out", directory] }

    @Test func interviewerTextIsLabelledIndentedAndDimOnlyOnAColourTerminal() throws {
        let pack = directory + "-sensitive.yaml"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try """
            pack: {id: sensitive, version: 1.0.0, title: Sensitive}
            questions:
              - {id: hurt, type: yes_no, prompt: Has anyone hurt you?, sensitive: true, guidance: Say they can skip it.}
            outcomes: [{id: none, title: None, when: true}]
            """.write(toFile: pack, atomically: true, encoding: .utf8)
        let arguments = ["intake", "--out", directory, "--pack", pack]
        let piped = try CommandRunner.run(arguments, stdin: "q\n")
        #expect(piped.stdout.contains("\n  Interviewer, not to read aloud: Say they can skip it.\nHas anyone hurt you?"))
        #expect(!piped.stdout.contains("\u{1B}["))
        let colour = try PseudoTerminal(arguments)
        #expect(colour.expect("y/n > "))
        colour.send("q")
        _ = colour.waitForExit()
        #expect(colour.transcript.contains("\u{1B}[2m  Interviewer, not to read aloud: Say they can skip it.\u{1B}[0m"))
        for environment in [["NO_COLOR": "1"], ["TERM": "dumb"]] {
            let plain = try PseudoTerminal(arguments, environment: environment)
            #expect(plain.expect("y/n > "))
            plain.send("q")
            _ = plain.waitForExit()
            #expect(plain.transcript.contains("  Interviewer, not to read aloud: Say they can skip it."))
            #expect(!plain.transcript.contains("\u{1B}[2m"), "\(environment)")
        }
    }

    @Test func safetyComesFirstAndSectionsCanBeJumpedTo() throws {
        let result = try CommandRunner.run(shipped, stdin: "n\ns\n2\nq\n")
        #expect(result.stdout.contains("question 2 of about") && result.stdout.contains("]\nDo you have a safe place to stay tonight?"))
        #expect(result.stdout.contains("[About you 2/"))
        #expect(result.stdout.contains("Sections (answered / asked):"))
        #expect(result.stdout.contains("  1) About you  1/"))
        #expect(result.stdout.contains("[How you came to this work or place 1/"))
    }

    @Test func progressSaysWhyTheEstimateMovedAndEnterKeepsAnAnswer() throws {
        // begging closes the "free to leave" question: one fewer, said once; going back and pressing Enter keeps the answer.
        let result = try CommandRunner.run(demo, stdin: "30\n2\nb\n\nq\n")
        #expect(result.stdout.contains("(the last answer, work_sector, changed the questions ahead: -1)"))
        #expect(result.stdout.contains("(current answer: Begging; press Enter to keep it)"))
        #expect(!result.stdout.contains("Please answer, or type u"))
        #expect(result.stdout.contains("[About the person 1/1 · question 1 of about 4]"))
        let record = try CommandRunner.run(["intake", "--list", "--json", "--out", directory])
        #expect(record.stdout.contains(#""answers": 2"#))
    }

    @Test func messagesSpeakTheCaseworkersLanguage() throws {
        let seven = try CommandRunner.run(demo, stdin: "30\nseven\nq\n")
        #expect(seven.stdout.contains("That answer does not fit. Type one of the numbers 1 to 2."))
        let missing = try CommandRunner.run(["evaluate", "nofile.yaml"])
        #expect(missing.stderr == "nofile.yaml: error: no such file\n")
        let typo = try CommandRunner.run(["intak"])
        #expect(typo.status == 64)
        #expect(typo.stderr.hasPrefix("error: unknown command 'intak' for 'waymark'; did you mean 'intake'?"))
        let nested = try CommandRunner.run(["drill", "pratice"])
        #expect(nested.stderr.hasPrefix("error: unknown command 'pratice' for 'waymark drill'; did you mean 'practice'?"))
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try "waymark sealed record v1\n".write(toFile: directory + "/20261130-000000-aaaaaaaa.record.sealed", atomically: true, encoding: .utf8)
        let sealed = try CommandRunner.run(demo + ["--resume", "20261130-000000-aaaaaaaa"])
        #expect(sealed.stderr.hasPrefix("error: intake 20261130-000000-aaaaaaaa is complete and sealed to the organisation key"))
        let list = try CommandRunner.run(["intake", "--list", "--out", directory])
        #expect(list.stdout.contains("20261130-000000-aaaaaaaa  -                     -                     -        completed, sealed"))
    }

    @Test func notesAreJournalledShownInReviewAndKeptOutOfReports() throws {
        let summary = directory + "-summary.md"
        let result = try CommandRunner.run(demo + ["--report", summary], stdin: "30\n+\nsays the boss keeps her phone\n1\ny\nr\n\nn\n\na\nm\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Note saved."))
        #expect(result.stdout.contains("note: says the boss keeps her phone"))
        let records = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".record.json") }
        let record = try String(contentsOfFile: directory + "/" + #require(records.first), encoding: .utf8)
        #expect(record.contains(#""text": "says the boss keeps her phone""#))
        #expect(try !String(contentsOfFile: summary, encoding: .utf8).contains("boss keeps her phone"))
    }

    @Test func textWrapsToTheTerminalWidthNeverInsideAWord() throws {
        let result = try CommandRunner.run(shipped, stdin: "q\n", environment: ["COLUMNS": "60"])
        // The resume command is one line to copy; everything else fits.
        let long = result.stdout.split(separator: "\n").filter { line in line.count > 60 && line.contains(" ") && !line.contains("waymark intake --resume") }
        #expect(long == [], "lines over 60 columns")
        let wide = try CommandRunner.run(shipped, stdin: "q\n", environment: ["COLUMNS": "120"])
        #expect(wide.stdout.split(separator: "\n").contains { $0.count > 80 })
    }

    @Test func listingsVersionsFiltersAndUnwrittenScenarios() throws {
        let version = try CommandRunner.run(["--version"])
        #expect(version.stdout.hasPrefix("waymark 0.2.0, shipped pack az-tip-2023 2.0.0"))
        let list = try CommandRunner.run(["drill", "list", "--json"])
        let scenarios = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(scenarios.count >= 70)
        #expect((scenarios.first?["languages"] as? [String]) == ["en", "az", "ru"])
        let none = try CommandRunner.run(["drill", "run", "--filter", "no-such-scenario"])
        #expect(none.status == 1)
        #expect(none.stderr.hasPrefix("error: no scenario id contains 'no-such-scenario'"))
        let draft = directory + "-draft.yaml"
        _ = try CommandRunner.run(["drill", "new", "--from", CommandRunner.repository.appendingPathComponent("Examples/answers/labour-dispute.yaml").path, "-o", draft])
        let unwritten = try CommandRunner.run(["drill", "run", draft])
        #expect(unwritten.status == 1)
        #expect(unwritten.stdout.contains("error: the narrative is still TODO"))
        let help = try CommandRunner.run(["--help"])
        #expect(help.stdout.contains("Exit codes: 0 success; 1 invalid input"))
    }
}
