import Foundation
import Testing

/// `intake --discard` removes a draft only when its id is confirmed, never a completed record.
@Suite struct DraftDiscardTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-discard-\(UUID().uuidString)").path
    var arguments: [String] { ["intake", "--out", directory, "--pack", "\(CommandRunner.fixtures)/demo-pack.yaml"] }

    @Test func aDraftIsRemovedOnlyOnceItsIdIsConfirmed() throws {
        let draft = try CommandRunner.run(arguments, stdin: "30\nq\n")
        let id = try #require(IntakeCommandTests.intakeID(in: draft.stdout))
        let refused = try CommandRunner.run(["intake", "--out", directory, "--discard", id], stdin: "yes\n")
        #expect(refused.status == 1)
        #expect(refused.stdout.hasSuffix("Type \(id.suffix(4)) to confirm: Nothing was removed.\n"))
        #expect(FileManager.default.fileExists(atPath: "\(directory)/\(id).journal"))
        let removed = try CommandRunner.run(["intake", "--out", directory, "--discard", id], stdin: "\(id.suffix(4))\n")
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout.hasSuffix("Draft \(id) removed.\n"))
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: directory)).contains { $0.hasPrefix(id) })
        let again = try CommandRunner.run(["intake", "--out", directory, "--discard", id], stdin: "\(id.suffix(4))\n")
        #expect(again.status == 1)
        #expect(again.stderr.hasPrefix("error: no draft \(id) in "))
    }

    @Test func aCompletedIntakeIsNotDiscarded() throws {
        let done = try CommandRunner.run(arguments, stdin: "30\n1\ny\nn\n\na\nm\n")
        let id = try #require(IntakeCommandTests.intakeID(in: done.stdout))
        let refused = try CommandRunner.run(["intake", "--out", directory, "--discard", id], stdin: "\(id.suffix(4))\n")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error: intake \(id) is complete; its record is kept"))
        #expect(FileManager.default.fileExists(atPath: "\(directory)/\(id).record.json"))
    }
}
