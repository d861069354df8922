import Foundation
import Testing

@Suite struct IntakeCommandTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-intake-\(UUID().uuidString)").path
    var arguments: [String] { ["intake", "--out", directory, "--pack", "\(CommandRunner.fixtures)/demo-pack.yaml"] }

    static func intakeID(in text: String) -> String? {
        guard let range = text.range(of: #"Intake (\S+) started"#, options: .regularExpression) else { return nil }
        return text[range].split(separator: " ")[1].description
    }

    @Test func pipedInterviewCompletesWithARecordAndSummary() throws {
        let summary = directory + "-summary.md"
        let result = try CommandRunner.run(arguments + ["--report", summary], stdin: "30\n1\ny\nn\n\na\nm\n")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Outcome: Presumed victim"))
        #expect(result.stdout.contains("Referral 1 of 1: Shelter (now)"))
        #expect(!result.stdout.contains("\u{1B}["))
        let markdown = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(markdown.contains("- Shelter, now: made"))
        #expect(try FileManager.default.attributesOfItem(atPath: summary)[.posixPermissions] as? Int == 0o600)
        let list = try CommandRunner.run(["intake", "--list", "--out", directory])
        #expect(list.stdout.contains("demo 1.0.0            4        completed"))
    }

    @Test func quitSavesADraftAndResumeFinishesIt() throws {
        let first = try CommandRunner.run(arguments, stdin: "30\n1\nq\n")
        #expect(first.status == 3)
        let id = try #require(Self.intakeID(in: first.stdout))
        #expect(first.stdout.hasSuffix("Saved as a draft. Resume with: waymark intake --resume \(id) --out \(directory)\n"))
        let list = try CommandRunner.run(["intake", "--list", "--out", directory])
        #expect(list.stdout.contains("\(id)  "))
        #expect(list.stdout.contains("2        draft"))
        let second = try CommandRunner.run(arguments + ["--resume", id], stdin: "n\nu\n\n")
        #expect(second.status == 0, "\(second.stdout)")
        #expect(second.stdout.contains("[question 3 of about 4]"))
    }

    @Test func unknownIntakeIDIsAClearError() throws {
        let result = try CommandRunner.run(arguments + ["--resume", "nope"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: no intake 'nope' in \(directory)"))
    }

    @Test func ctrlCSavesADraftAndSaysHowToResume() throws {
        let terminal = try PseudoTerminal(arguments)
        #expect(terminal.expect("number 0-120 > "))
        terminal.send("30")
        #expect(terminal.expect("number > "))
        terminal.signal(SIGINT)
        #expect(terminal.waitForExit() == 3)
        let id = try #require(Self.intakeID(in: terminal.transcript))
        #expect(terminal.transcript.contains("Saved as a draft. Resume with: waymark intake --resume \(id)"))
        let resumed = try CommandRunner.run(arguments + ["--resume", id], stdin: "")
        #expect(resumed.stdout.contains("[question 2 of about 4]"))
    }

    @Test func closedTerminalSavesADraft() throws {
        let terminal = try PseudoTerminal(arguments)
        #expect(terminal.expect("number 0-120 > "))
        terminal.send("44")
        #expect(terminal.expect("number > "))
        terminal.signal(SIGHUP)
        #expect(terminal.waitForExit() == 3)
        let id = try #require(Self.intakeID(in: terminal.transcript))
        let list = try CommandRunner.run(["intake", "--list", "--out", directory])
        #expect(list.stdout.contains("\(id)  "))
        #expect(list.stdout.contains("1        draft"))
    }

    @Test func killedBetweenAnswersLosesNothingConfirmed() throws {
        let terminal = try PseudoTerminal(arguments)
        #expect(terminal.expect("number 0-120 > "))
        terminal.send("17")
        #expect(terminal.expect("number > "))
        terminal.send("1")
        #expect(terminal.expect("y/n > "))
        terminal.signal(SIGKILL)
        #expect(terminal.waitForExit() == -9)
        let id = try #require(Self.intakeID(in: terminal.transcript))
        let resumed = try CommandRunner.run(arguments + ["--resume", id], stdin: "r\n\n")
        #expect(resumed.stdout.contains("1) How old is the person? — 17\n  2) What work? — Construction\n"))
    }

    @Test func quickExitClearsTheScreenAndSaysNothing() throws {
        let terminal = try PseudoTerminal(arguments)
        #expect(terminal.expect("number 0-120 > "))
        terminal.send("x")
        #expect(terminal.waitForExit() == 3)
        let after = terminal.transcript.components(separatedBy: "number 0-120 > ").last ?? ""
        #expect(after == "x\r\n\u{1B}[H\u{1B}[2J\u{1B}[3J")
    }

    @Test func aSecondProcessCannotOpenAnIntakeInUse() throws {
        let terminal = try PseudoTerminal(arguments)
        #expect(terminal.expect("number 0-120 > "))
        let id = try #require(Self.intakeID(in: terminal.transcript))
        let second = try CommandRunner.run(arguments + ["--resume", id])
        #expect(second.status == 1)
        #expect(second.stderr == "error: intake \(id) is open in another waymark process; finish or close that one first\n")
        terminal.send("q")
        #expect(terminal.waitForExit() == 3)
    }

    @Test func intakeFilesAreReadableByTheirOwnerOnly() throws {
        _ = try CommandRunner.run(arguments, stdin: "30\nq\n")
        #expect(try FileManager.default.attributesOfItem(atPath: directory)[.posixPermissions] as? Int == 0o700)
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            #expect(try FileManager.default.attributesOfItem(atPath: "\(directory)/\(name)")[.posixPermissions] as? Int == 0o600, "\(name)")
        }
    }
}
