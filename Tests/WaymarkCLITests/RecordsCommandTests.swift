import Foundation
import Testing

/// An organisation makes keys; a laptop seals completed intakes to the public key; only the private key opens them.
@Suite struct RecordsCommandTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-records-\(UUID().uuidString)").path

    @Test func sealedIntakeRoundTrip() throws {
        let keys = try CommandRunner.run(["keys", "new", "--out", "\(directory)/keys"])
        #expect(keys.status == 0)
        let publicKey = "\(directory)/keys/organisation.public.key", privateKey = "\(directory)/keys/organisation.private.key"
        #expect(try FileManager.default.attributesOfItem(atPath: privateKey)[.posixPermissions] as? Int == 0o600)
        let again = try CommandRunner.run(["keys", "new", "--out", "\(directory)/keys"])
        #expect(again.status == 1)

        let intake = try CommandRunner.run(["intake", "--out", "\(directory)/intakes", "--pack", "\(CommandRunner.fixtures)/demo-pack.yaml",
                                            "--encrypt-to", publicKey], stdin: "correct horse\n30\n1\ny\nn\n\na\nm\n")
        #expect(intake.status == 0, "\(intake.stdout)\(intake.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(directory)/intakes")
        let sealed = try #require(files.first { $0.hasSuffix(".record.sealed") })
        #expect(!files.contains { $0.hasSuffix(".journal") || $0.hasSuffix(".record.json") })

        let opened = try CommandRunner.run(["records", "open", "\(directory)/intakes/\(sealed)", "--key", privateKey])
        #expect(opened.status == 0)
        #expect(opened.stdout.contains("\"work_sector\": \"construction\""))
        _ = try CommandRunner.run(["keys", "new", "--out", "\(directory)/other"])
        let wrong = try CommandRunner.run(["records", "open", "\(directory)/intakes/\(sealed)", "--key", "\(directory)/other/organisation.private.key"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.hasSuffix("error: cannot open this record with that key (wrong key, or the file was changed)\n"))
    }
}

extension RecordsCommandTests {
    /// A mistyped passphrase on resume is asked again instead of ending the command.
    @Test func aWrongPassphraseCanBeTypedAgain() throws {
        _ = try CommandRunner.run(["keys", "new", "--out", "\(directory)/keys"])
        let base = ["intake", "--out", "\(directory)/intakes", "--pack", "\(CommandRunner.fixtures)/demo-pack.yaml"]
        let first = try CommandRunner.run(base + ["--encrypt-to", "\(directory)/keys/organisation.public.key"], stdin: "correct horse\n30\nq\n")
        #expect(first.status == 3)
        let id = try #require(IntakeCommandTests.intakeID(in: first.stdout))
        let resumed = try CommandRunner.run(base + ["--resume", id], stdin: "wrong horse\ncorrect horse\nq\n")
        #expect(resumed.status == 3, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("That passphrase does not open this draft. Please try again."))
        #expect(resumed.stdout.contains("Resuming intake \(id)."))
        let refused = try CommandRunner.run(base + ["--resume", id], stdin: "a\nb\nc\n")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("that passphrase does not open intake \(id)"))
    }

    @Test func aClearTextSummaryOfASealedIntakeNeedsItsOwnFlag() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-cleartext-\(UUID().uuidString)").path
        _ = try CommandRunner.run(["keys", "new", "--out", "\(directory)/keys"])
        let base = ["intake", "--out", "\(directory)/intakes", "--pack", "\(CommandRunner.fixtures)/demo-pack.yaml",
                    "--encrypt-to", "\(directory)/keys/organisation.public.key", "--report", "\(directory)/summary.md"]
        let refused = try CommandRunner.run(base, stdin: "correct horse\n")
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("error: records are sealed to the organisation key, but --report would write a summary anyone on this laptop can read"))
        #expect(!refused.stdout.contains("Passphrase"))
        let allowed = try CommandRunner.run(base + ["--clear-text-report"], stdin: "correct horse\n30\n1\ny\nn\n\na\nm\n")
        #expect(allowed.status == 0, "\(allowed.stdout)\(allowed.stderr)")
        #expect(try String(contentsOfFile: "\(directory)/summary.md", encoding: .utf8).hasPrefix("> This summary is not encrypted"))
    }

    @Test func aSealedRecordOpensStraightIntoItsSummary() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-open-report-\(UUID().uuidString)").path
        _ = try CommandRunner.run(["keys", "new", "--out", "\(directory)/keys"])
        let demo = ["--pack", "\(CommandRunner.fixtures)/demo-pack.yaml"]
        let intake = try CommandRunner.run(["intake", "--out", "\(directory)/intakes", "--encrypt-to", "\(directory)/keys/organisation.public.key"] + demo,
                                           stdin: "correct horse\n30\n+\nsays the boss keeps her phone\n1\ny\nn\n\na\nm\n")
        #expect(intake.status == 0, "\(intake.stdout)\(intake.stderr)")
        let sealed = try #require(try FileManager.default.contentsOfDirectory(atPath: "\(directory)/intakes").first { $0.hasSuffix(".record.sealed") })
        let summary = directory + "/summary.md"
        let opened = try CommandRunner.run(["records", "open", "\(directory)/intakes/\(sealed)", "--key", "\(directory)/keys/organisation.private.key",
                                            "--report", summary] + demo)
        #expect(opened.status == 0, "\(opened.stderr)")
        let markdown = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(markdown.contains("- Shelter, now: made"))
        #expect(!markdown.contains("boss keeps her phone"))
        #expect(try FileManager.default.attributesOfItem(atPath: summary)[.posixPermissions] as? Int == 0o600)
        let wrongPack = try CommandRunner.run(["records", "open", "\(directory)/intakes/\(sealed)", "--key", "\(directory)/keys/organisation.private.key",
                                               "--report", summary])
        #expect(wrongPack.status == 1)
        #expect(wrongPack.stderr.contains("error: this record is from pack 'demo'"))
    }
}
