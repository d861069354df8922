import Foundation
import Testing
@testable import WaymarkCore
@testable import WaymarkWorkflows

/// Kills the intake with SIGKILL at many random moments while it saves answers, then resumes from the journal.
@Suite struct CrashSafetyTests {
    static let answers: [(line: String, answer: Answer)] = [("30", .value(.number(30))), ("1", .value(.choice(0))), ("y", .value(.yesNo(true))), ("n", .value(.yesNo(false)))]

    @Test func killedAtRandomPointsKeepsEveryConfirmedAnswer() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-kill-\(UUID().uuidString)").path
        let pack = try PackLoader.loadValid("\(CommandRunner.fixtures)/demo-pack.yaml")
        var generator = SystemRandomNumberGenerator()
        var tornLines = 0, killedMidAnswer = 0
        for _ in 0..<200 {
            let process = Process()
            process.executableURL = CommandRunner.executable
            process.arguments = ["intake", "--out", directory, "--pack", "\(CommandRunner.fixtures)/demo-pack.yaml"]
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            var transcript = ""
            func waitFor(prompts: Int) {
                while transcript.components(separatedBy: "> ").count - 1 < prompts {
                    let data = output.fileHandleForReading.availableData
                    if data.isEmpty { return }
                    transcript += String(decoding: data, as: UTF8.self)
                }
            }
            let killAfter = Int.random(in: 0..<Self.answers.count, using: &generator)
            var confirmed = 0
            for (k, answer) in Self.answers.enumerated() {
                waitFor(prompts: k + 1)
                confirmed = k
                input.fileHandleForWriting.write(Data((answer.line + "\n").utf8))
                if k == killAfter {
                    // Anywhere from before the line is read to after it is on disk.
                    usleep(UInt32.random(in: 0...600, using: &generator))
                    break
                }
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let id = try #require(transcript.range(of: #"Intake (\S+) started"#, options: .regularExpression)
                .map { transcript[$0].split(separator: " ")[1] }.map(String.init))
            let session = try IntakeSession.resume(id, pack: pack, store: IntakeStore(directory: directory))
            for k in 0..<confirmed {
                #expect(session.answers[k] == Self.answers[k].answer, "answer \(k) of intake \(id) was confirmed but is missing")
            }
            if let saved = session.answers[confirmed] {
                #expect(saved == Self.answers[confirmed].answer)
            } else {
                killedMidAnswer += 1
            }
            for warning in session.warnings {
                #expect(warning.message.hasPrefix("the last journal line was cut off"), "\(warning)")
                tornLines += 1
            }
        }
        // The figures go to the test log for the record; the expectations above are what must hold.
        print("kill test: 200 runs, \(killedMidAnswer) killed before the last answer reached the disk, \(tornLines) torn lines detected and dropped")
    }
}

/// A decision about a referral is on disk before the next is asked: a killed process loses none.
@Suite struct DecisionCrashSafetyTests {
    @Test func aKilledInterviewKeepsItsReferralDecisions() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-kill-\(UUID().uuidString)").path
        let arguments = ["intake", "--out", directory, "--pack", "\(CommandRunner.fixtures)/demo-pack.yaml"]
        let terminal = try PseudoTerminal(arguments)
        for (prompt, answer) in [("number 0-120 > ", "30"), ("number > ", "1"), ("y/n > ", "y"), ("y/n > ", "n"), ("go on.", ""), ("for none.", "a"), ("p) later", "n"),
                                 ("Why was it not made?", "no bed free tonight")] {
            #expect(terminal.expect(prompt))
            terminal.send(answer)
        }
        #expect(terminal.expect("The intake is complete"), "the decision was taken, so the one-referral intake completes")
        terminal.signal(SIGKILL)
        _ = terminal.waitForExit()
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
        if let journal = files.first(where: { $0.hasSuffix(".journal") }) {
            let text = try String(contentsOfFile: "\(directory)/\(journal)", encoding: .utf8)
            #expect(text.contains(#""event":"decision""#) && text.contains("no bed free tonight"))
        } else {
            let record = try #require(files.first { $0.hasSuffix(".record.json") })
            #expect(try String(contentsOfFile: "\(directory)/\(record)", encoding: .utf8).contains("no bed free tonight"))
        }
    }

    @Test func aKillBetweenTwoDecisionsLosesNeitherAndResumeAsksOnlyTheRest() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-kill2-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let pack = directory + "/two-services.yaml"
        let demo = try String(contentsOfFile: "\(CommandRunner.fixtures)/demo-pack.yaml", encoding: .utf8)
        try demo.replacingOccurrences(of: "services:\n", with: "services:\n  - {id: lawyer, title: Lawyer}\n")
            .replacingOccurrences(of: "referrals:\n", with: "referrals:\n  - {id: legal_help, service: lawyer, urgency: routine, when: outcome == \"presumed_victim\"}\n")
            .write(toFile: pack, atomically: true, encoding: .utf8)
        let arguments = ["intake", "--out", directory + "/intakes", "--pack", pack]
        let terminal = try PseudoTerminal(arguments)
        for (prompt, answer) in [("number 0-120 > ", "30"), ("number > ", "1"), ("y/n > ", "y"), ("y/n > ", "n"), ("go on.", ""), ("for none.", "a"),
                                 ("Referral 1 of 2: Shelter", "m")] {
            #expect(terminal.expect(prompt))
            terminal.send(answer)
        }
        #expect(terminal.expect("Referral 2 of 2: Lawyer"), "the first decision is on disk before the second is asked")
        terminal.signal(SIGKILL)
        _ = terminal.waitForExit()
        let id = try #require(try FileManager.default.contentsOfDirectory(atPath: directory + "/intakes").first { $0.hasSuffix(".journal") })
            .replacingOccurrences(of: ".journal", with: "")
        let resumed = try CommandRunner.run(arguments + ["--resume", id], stdin: "\n\nd\n")
        #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
        #expect(!resumed.stdout.contains("Referral 1 of 2"), "the decision made before the kill is not asked again")
        #expect(resumed.stdout.contains("Referral 2 of 2: Lawyer"))
        let record = try String(contentsOfFile: "\(directory)/intakes/\(id).record.json", encoding: .utf8)
        #expect(record.contains(#""decision": "made""#) && record.contains(#""decision": "declined_by_person""#))
    }
}
