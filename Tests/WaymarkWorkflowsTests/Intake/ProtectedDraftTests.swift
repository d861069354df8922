import Foundation
import Testing
import WaymarkTestSupport
@testable import WaymarkCore
@testable import WaymarkRecords
@testable import WaymarkWorkflows

/// Drafts protected with a passphrase and records sealed to the organisation key, through the intake.
@Suite struct ProtectedDraftTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-enc-\(UUID().uuidString)").path

    func keyFiles(_ name: String) throws -> (privatePath: String, publicPath: String) { try TestKeys.files(name, in: directory) }

    @Test func protectedDraftHidesAnswersAndNeedsItsPassphrase() throws {
        let org = try keyFiles("org")
        let pack = try TestPack.load(InterviewTests.packBody)
        let store = IntakeStore(directory: directory + "/intakes")
        let id = try {
            let session = try IntakeSession.start(pack: pack, store: store, language: nil,
                                                  protection: ("correct horse battery", try OrganisationKey.publicKey(from: org.publicPath)))
            try session.record(.value(.number(16)), question: 0)
            try session.record(.value(.choice(1)), question: 1)
            return session.id
        }()
        let journal = try String(contentsOfFile: store.journalPath(id), encoding: .utf8)
        #expect(!journal.contains("begging"))
        #expect(!journal.contains("\"question\""))
        #expect(!journal.contains("\"value\":16"))
        #expect(throws: FatalError.self) { try IntakeSession.resume(id, pack: pack, store: store) }
        #expect(throws: FatalError.self) { try IntakeSession.resume(id, pack: pack, store: store) { "wrong passphrase" } }
        // An answer line written in the clear, or an old sealed line replayed at the end, is not taken.
        let lines = journal.split(separator: "\n").map(String.init)
        let plain = #"{"event":"answer","question":"age","value":99}"#
        let injected = [lines[2], CRC32.hex(Array(plain.utf8)) + " " + plain]
        try (journal + injected.joined(separator: "\n") + "\n").write(toFile: store.journalPath(id), atomically: true, encoding: .utf8)
        let resumed = try IntakeSession.resume(id, pack: pack, store: store) { "correct horse battery" }
        #expect(resumed.answers[0] == .value(.number(16)))
        #expect(resumed.answers[1] == .value(.choice(1)))
        #expect(resumed.warnings.count == 2)
        #expect(resumed.sealsTo != nil)
    }

    @Test func completingWithAKeySealsTheRecordAndRemovesTheDraft() throws {
        let org = try keyFiles("org")
        let pack = try TestPack.load(InterviewTests.packBody)
        let store = IntakeStore(directory: directory + "/intakes")
        let session = try IntakeSession.start(pack: pack, store: store, language: nil,
                                              protection: ("correct horse battery", try OrganisationKey.publicKey(from: org.publicPath)))
        let io = ScriptedIO(["30", "2", "3", ""])
        let ending = try Interview(session: session, io: io).run()
        guard case .completed(let path, _, _) = ending else { Issue.record("not completed"); return }
        #expect(path == store.sealedRecordPath(session.id))
        #expect(!FileManager.default.fileExists(atPath: store.journalPath(session.id)))
        #expect(!FileManager.default.fileExists(atPath: store.recordPath(session.id)))
        let record = String(decoding: try SealedRecord.open(path, with: OrganisationKey.privateKey(from: org.privatePath)), as: UTF8.self)
        #expect(record.contains("\"sector\": \"begging\""))
    }
}
