import Foundation
import Testing
import WaymarkTestSupport
@testable import WaymarkCore
@testable import WaymarkRecords
@testable import WaymarkWorkflows

/// A journal keeps every answer through torn lines and refuses to be resumed under another name.
@Suite struct IntakeJournalTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-journal-\(UUID().uuidString)").path

    @Test func answerAfterATornLineSurvivesTheNextResume() throws {
        let pack = try TestPack.load(InterviewTests.packBody)
        let store = IntakeStore(directory: directory)
        let id = try {
            let session = try IntakeSession.start(pack: pack, store: store, language: nil)
            try session.record(.value(.number(25)), question: 0)
            return session.id
        }()
        let handle = try #require(FileHandle(forWritingAtPath: store.journalPath(id)))
        handle.seekToEndOfFile()
        handle.write(Data("1234abcd {\"event\":\"answer\",\"quest".utf8))
        try handle.close()
        try {
            let resumed = try IntakeSession.resume(id, pack: pack, store: store)
            try resumed.record(.value(.choice(1)), question: 1)
        }()
        let again = try IntakeSession.resume(id, pack: pack, store: store)
        #expect(again.answers[0] == .value(.number(25)))
        #expect(again.answers[1] == .value(.choice(1)))
        #expect(again.warnings.isEmpty)
    }

    @Test func aJournalCopiedUnderAnotherNameIsNotResumed() throws {
        let pack = try TestPack.load(InterviewTests.packBody)
        let store = IntakeStore(directory: directory)
        let id = try IntakeSession.start(pack: pack, store: store, language: nil).id
        try FileManager.default.copyItem(atPath: store.journalPath(id), toPath: store.journalPath("copy1"))
        #expect(throws: FatalError.self) { try IntakeSession.resume("copy1", pack: pack, store: store) }
    }
}
