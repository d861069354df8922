import Foundation
import Testing
@testable import WaymarkWorkflows

/// A journal whose first line was damaged is listed, named, and its intact answers recovered; other small hardening.
@Suite struct DraftRecoveryTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-recover-\(UUID().uuidString)").path
    var base: [String] { ["intake", "--out", directory, "--pack", "\(CommandRunner.fixtures)/demo-pack.yaml"] }

    @Test func aFlippedByteInTheFirstLineLosesNothing() throws {
        let first = try CommandRunner.run(base, stdin: "30\n1\nq\n")
        let id = try #require(IntakeCommandTests.intakeID(in: first.stdout))
        let journal = "\(directory)/\(id).journal"
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: journal)))
        bytes[20] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: journal))
        let list = try CommandRunner.run(["intake", "--list", "--out", directory])
        #expect(list.stdout.contains("damaged: waymark intake --recover \(id)"))
        let resume = try CommandRunner.run(base + ["--resume", id])
        #expect(resume.stderr.hasPrefix("\(journal):1:1: error: the journal's first line is damaged; 'waymark intake --recover \(id)'"))
        let recover = try CommandRunner.run(base + ["--recover", id])
        #expect(recover.status == 0, "\(recover.stderr)")
        #expect(recover.stdout.hasPrefix("Recovered 2 answers of intake \(id) into a new draft"))
        #expect(FileManager.default.fileExists(atPath: journal + ".damaged"))
        let newID = try #require(recover.stdout.split(separator: " ").first { $0.hasPrefix("20") && $0.hasSuffix(";") }).dropLast()
        let resumed = try CommandRunner.run(base + ["--resume", String(newID)], stdin: "q\n")
        #expect(resumed.stdout.contains("Is someone keeping their ID?"))
    }

    @Test func standardInputAndStreamsHaveTheLimitAndLittleMemory() throws {
        let big = String(repeating: "a", count: 20 << 20)
        let result = try CommandRunner.run(["evaluate", "-"], stdin: big)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("<stdin>:1:1: error: input is over the limit of 8388608 bytes"))
        #expect(result.stderr.count < 1_000)
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        #expect(usage.ru_maxrss < 200_000, "a child used \(usage.ru_maxrss) KB")
        let fifo = directory + "-pack.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let demo = try String(contentsOfFile: "\(CommandRunner.fixtures)/demo-pack.yaml", encoding: .utf8)
        let writer = Thread { try? demo.write(toFile: fifo, atomically: false, encoding: .utf8) }
        writer.start()
        let check = try CommandRunner.run(["check", "--pack", fifo])
        #expect(check.stdout.hasPrefix("demo 1.0.0 is valid"), "\(check.stderr)")
    }

    @Test func draftsNeverOverwriteAndRenamedRecordsAreSaidToBe() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let existing = directory + "/existing.yaml"
        try "keep".write(toFile: existing, atomically: true, encoding: .utf8)
        let draft = try CommandRunner.run(["drill", "new", "--from", CommandRunner.repository.appendingPathComponent("Examples/answers/labour-dispute.yaml").path, "-o", existing])
        #expect(draft.status == 1)
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep")
        _ = try CommandRunner.run(["keys", "new", "--out", "\(directory)/keys"])
        let sealed = try CommandRunner.run(base + ["--encrypt-to", "\(directory)/keys/organisation.public.key"], stdin: "correct horse\n30\n1\ny\nn\n\na\nm\n")
        #expect(sealed.status == 0, "\(sealed.stderr)")
        let record = try #require(try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasSuffix(".record.sealed") })
        let renamed = "\(directory)/20200101-000000-00000000.record.sealed"
        try FileManager.default.moveItem(atPath: "\(directory)/\(record)", toPath: renamed)
        let opened = try CommandRunner.run(["records", "open", renamed, "--key", "\(directory)/keys/organisation.private.key"])
        #expect(opened.status == 0)
        #expect(opened.stderr.contains("warning: this is the record of intake \(record.replacingOccurrences(of: ".record.sealed", with: "")), but the file is named 20200101-000000-00000000: it was renamed"))
    }
}
