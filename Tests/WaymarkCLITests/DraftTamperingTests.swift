import Foundation
import Testing
@testable import WaymarkWorkflows

/// What someone with the laptop can do to a protected draft, and what a panicking user can do at the passphrase
/// prompt: each refused or handled, through the built binary.
@Suite struct DraftTamperingTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-tamper-\(UUID().uuidString)").path
    var base: [String] { ["intake", "--out", "\(directory)/intakes", "--pack", "\(CommandRunner.fixtures)/demo-pack.yaml"] }
    var publicKey: String { "\(directory)/keys/organisation.public.key" }

    /// A protected draft with two answers; returns its id and journal path.
    func protectedDraft() throws -> (id: String, journal: String) {
        _ = try CommandRunner.run(["keys", "new", "--out", "\(directory)/keys"])
        let first = try CommandRunner.run(base + ["--encrypt-to", publicKey], stdin: "correct horse\n30\n1\nq\n")
        #expect(first.status == 3, "\(first.stderr)")
        let id = try #require(IntakeCommandTests.intakeID(in: first.stdout))
        return (id, "\(directory)/intakes/\(id).journal")
    }

    func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func write(_ lines: [String], to path: String) throws {
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// A journal line with its checksum fixed, as an attacker who knows the format would write it.
    func line(_ json: String) -> String { CRC32.hex(Array(json.utf8)) + " " + json }

    @Test func aFirstLineRedirectedToAnotherKeyIsRefused() throws {
        let (id, journal) = try protectedDraft()
        var content = try lines(journal)
        _ = try CommandRunner.run(["keys", "new", "--out", "\(directory)/attacker"])
        let attacker = try String(contentsOfFile: "\(directory)/attacker/organisation.public.key", encoding: .utf8).split(separator: "\n")[1]
        let json = String(content[0].dropFirst(9))
        let redirected = json.replacingOccurrences(of: #""seal_to":"[^"]*""#, with: "\"seal_to\":\"\(attacker)\"", options: .regularExpression)
        #expect(redirected != json)
        content[0] = line(redirected)
        try write(content, to: journal)
        let resumed = try CommandRunner.run(base + ["--resume", id], stdin: "correct horse\n")
        #expect(resumed.status == 1)
        #expect(resumed.stderr.contains("\(journal):1:1: error: the first line of this draft was changed"))
    }

    @Test func aLowOrderOrganisationKeyIsRefused() throws {
        try FileManager.default.createDirectory(atPath: "\(directory)/keys", withIntermediateDirectories: true)
        let zero = Data(repeating: 0, count: 32).base64EncodedString()
        try "waymark public key v1\n\(zero)\n".write(toFile: publicKey, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(base + ["--encrypt-to", publicKey], stdin: "correct horse\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(publicKey):2:1: error: not a usable public key"))
    }

    @Test func unsealedOrMissingLinesInAProtectedDraftAreNotTrusted() throws {
        let (id, journal) = try protectedDraft()
        var content = try lines(journal)
        #expect(content.count == 3)
        content.append(line(#"{"event":"complete","ended":"2026-11-30T00:00:00Z"}"#))
        try write(content, to: journal)
        let completed = try CommandRunner.run(base + ["--resume", id], stdin: "correct horse\nq\n")
        #expect(!completed.stdout.contains("already complete"))
        #expect(completed.stdout.contains("journal line is damaged and was skipped"))
        content.removeLast()
        content.remove(at: 1)
        try write(content, to: journal)
        let rolledBack = try CommandRunner.run(base + ["--resume", id], stdin: "correct horse\nq\n")
        #expect(rolledBack.stdout.contains("1 sealed journal line is missing before this one: the draft was changed outside waymark"))
    }

    @Test func quickExitAndCtrlCAtThePassphrasePromptLeaveCleanly() throws {
        _ = try CommandRunner.run(["keys", "new", "--out", "\(directory)/keys"])
        for signal in [SIGQUIT, SIGINT] {
            let terminal = try PseudoTerminal(base + ["--encrypt-to", publicKey])
            #expect(terminal.expect("Passphrase (not shown): "))
            terminal.signal(signal)
            #expect(terminal.waitForExit() == 3)
            #expect(!terminal.transcript.contains("crashed") && !terminal.transcript.contains("Backtrace"))
        }
    }
}
