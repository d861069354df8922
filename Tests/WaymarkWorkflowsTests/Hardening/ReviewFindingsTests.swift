import Foundation
import Testing
@testable import WaymarkCore
import WaymarkTestSupport
@testable import WaymarkRecords
@testable import WaymarkWorkflows

/// Regression tests for problems a code review found.
@Suite struct ReviewFindingsTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-review-\(UUID().uuidString)").path

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

    @Test func aSharedFolderIsRefusedNotChanged() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        #expect(throws: FatalError.self) { try IntakeStore(directory: directory).prepare() }
        #expect(try FileManager.default.attributesOfItem(atPath: directory)[.posixPermissions] as? Int == 0o755)
    }

    @Test func atomicWritesNeverFollowALinkOrReuseAPreparedFile() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let victim = "\(directory)/victim.txt", target = "\(directory)/record.json"
        try "keep".write(toFile: victim, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: target + ".tmp", withDestinationPath: victim)
        try SecureFile.writeAtomically(Array("secret".utf8), to: target)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "secret")
        #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o600)
    }

    @Test func unknownAndDeclinedReadBackAsStatesFromJSON() throws {
        let pack = try TestPack.load("""
            questions: [{id: note, type: text, prompt: Note?}, {id: seen, type: yes_no, prompt: Seen?}]
            outcomes: [{id: none, title: None, when: true}]
            """)
        let node = try #require(try YAMLLoader.document(#"{"answers": {"note": "unknown", "seen": "declined"}}"#, file: "a.json"))
        let (_, answers) = AnswersDecoder(pack: pack).decodeDocument(node, reader: SchemaReader())
        #expect(answers[0] == .unknown)
        #expect(answers[1] == .declined)
    }

    @Test func countTagsCannotBeAmbiguous() {
        let errors = TestPack.errors("""
            indicators:
              - {id: strong, title: S, category: coercion, strength: weak, when: true}
              - {id: b, title: B, category: coercion, strength: weak, populations: [coercion], when: true}
            outcomes: [{id: none, title: None, when: true}]
            """)
        #expect(errors.contains { $0.contains("error: indicator id 'strong' is also a strength") })
        #expect(errors.contains { $0.contains("error: population 'coercion' of indicator 'b' is also a category") })
    }

    @Test func narrowNumberRangesAreNotCalledImpossible() throws {
        let pack = try TestPack.load("""
            questions: [{id: n, type: number, prompt: N?, min: 0, max: 120}]
            indicators:
              - {id: a, title: A, category: coercion, strength: weak, when: n > 1 and n < 1.5}
              - {id: b, title: B, category: coercion, strength: weak, when: n > 119.7}
              - {id: c, title: C, category: coercion, strength: weak, when: n > 2 and n < 2}
            outcomes: [{id: none, title: None, when: true}]
            """)
        #expect(StaticAnalysis(pack: pack).findings.map(\.message) == ["indicator c can never be true, whatever the answers"])
    }

    @Test func summaryLeavesOutEverySensitiveAnswer() throws {
        let pack = try TestPack.load("""
            questions: [{id: hurt, type: yes_no, prompt: Did anyone hurt you?, sensitive: true}, {id: age, type: number, prompt: Age?}]
            outcomes: [{id: none, title: None, when: true}]
            """)
        let session = try IntakeSession.start(pack: pack, store: IntakeStore(directory: directory), language: nil)
        try session.record(.value(.yesNo(true)), question: 0)
        try session.record(.value(.number(30)), question: 1)
        let report = ResultReport(Evaluator(pack: pack).evaluate(session.answers), pack: pack)
        let hidden = IntakeSummary().markdown(session: session, report: report, decisions: [])
        #expect(hidden.contains("| Did anyone hurt you? | [sensitive answer left out] |"))
        #expect(hidden.contains("| Age? | 30 |"))
        #expect(IntakeSummary(includeSensitive: true).markdown(session: session, report: report, decisions: []).contains("| Did anyone hurt you? | yes |"))
    }
}
