import Foundation
import Testing
@testable import WaymarkCore
import WaymarkTestSupport
@testable import WaymarkRecords
@testable import WaymarkWorkflows

/// An interview's input and output held in memory.
final class ScriptedIO: InterviewIO {
    var lines: [String]
    var output = ""

    init(_ lines: [String]) { self.lines = lines }

    func readLine() -> String? { lines.isEmpty ? nil : lines.removeFirst() }
    func write(_ text: String) { output += text }
}

@Suite struct InterviewTests {
    static let packBody = """
        questions:
          - {id: age, section: about, type: number, prompt: How old is the person?, min: 0, max: 120, help: A best estimate is fine.}
          - id: sector
            type: single
            prompt: What work were they doing?
            choices: [{id: construction, label: Construction}, {id: begging, label: Begging}]
          - {id: free_to_leave, type: yes_no, prompt: Can they leave the work if they want to?, ask_if: sector == "construction"}
          - id: threats
            type: multi
            prompt: Has anyone threatened them?
            sensitive: true
            choices: [{id: family, label: Threats to family}, {id: police, label: Threats to call the police}, {id: none, label: No threats}]
        indicators:
          - {id: not_free, title: Not free to leave, category: coercion, strength: strong, when: not free_to_leave}
          - {id: threats_family, title: Threats to family, category: coercion, strength: medium, when: '"family" in threats'}
        outcomes:
          - {id: presumed_victim, title: Presumed victim, when: count("strong") >= 1}
          - {id: none, title: No indicators, when: true}
        services: [{id: shelter, title: Shelter}]
        referrals:
          - {id: shelter_now, service: shelter, urgency: immediate, when: outcome == "presumed_victim"}
        """

    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-interview-\(UUID().uuidString)").path

    func start(_ name: String = #function) throws -> (IntakeSession, Pack) {
        let pack = try TestPack.load(Self.packBody, name: name)
        return (try IntakeSession.start(pack: pack, store: IntakeStore(directory: directory), language: nil), pack)
    }

    @Test func completesAndSavesAnOwnerOnlyRecord() throws {
        let (session, _) = try start()
        let io = ScriptedIO(["30", "1", "n", "3", "", "n", "no bed free tonight"])
        guard case .completed(let path, let report, let decisions) = try Interview(session: session, io: io).run() else {
            Issue.record("expected completion:\n\(io.output)")
            return
        }
        #expect(report.outcome?.id == "presumed_victim")
        #expect(decisions.map { [$0.referral, $0.service ?? "", $0.decision.rawValue, $0.reason ?? ""] } == [["shelter_now", "shelter", "not_made", "no bed free tonight"]])
        #expect(io.output.contains("[About 1/1 · question 1 of about 4]\nHow old is the person?"))
        #expect(io.output.contains("  Interviewer, not to read aloud: This is a sensitive question."))
        let record = try String(contentsOfFile: path, encoding: .utf8)
        #expect(record.contains("\"decision\": \"not_made\""))
        #expect(record.contains("\"free_to_leave\": \"no\""))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: directory)[.posixPermissions] as? Int == 0o700)
        #expect(try FileManager.default.attributesOfItem(atPath: session.store.journalPath(session.id))[.posixPermissions] as? Int == 0o600)
    }

    @Test func invalidInputIsExplainedAndAskedAgain() throws {
        let (session, _) = try start()
        let io = ScriptedIO(["about thirty", "130", "", "30", "7", "2"])
        _ = try Interview(session: session, io: io).run()
        // What to type, in the caseworker's words, whatever was typed.
        #expect(io.output.components(separatedBy: "That answer does not fit. Type a number from 0 to 120.\n").count == 3)
        #expect(io.output.contains("Please answer, or type u if it is not known, d if the person prefers not to say."))
        #expect(io.output.contains("That answer does not fit. Type one of the numbers 1 to 2."))
        #expect(session.answers[0] == .value(.number(30)))
        #expect(session.answers[1] == .value(.choice(1)))
    }

    @Test func unknownAndDeclinedAreRecorded() throws {
        let (session, _) = try start()
        _ = try Interview(session: session, io: ScriptedIO(["u", "1", "d"])).run()
        #expect(session.answers[0] == .unknown)
        #expect(session.answers[2] == .declined)
    }

    @Test func backAndReviewRecomputeSkipLogicAndKeepAnswersNoLongerAsked() throws {
        let (session, _) = try start()
        // construction -> asked free_to_leave (answer no); back to sector via review; begging -> free_to_leave no longer asked
        let io = ScriptedIO(["40", "1", "b", "1", "n", "r", "2", "2", "r", ""])
        _ = try Interview(session: session, io: io).run()
        #expect(session.answers[1] == .value(.choice(1)))
        #expect(session.answers[2] == .value(.yesNo(false)))
        #expect(io.output.contains("3) Can they leave the work if they want to? — no (kept, not used: this\n      question no longer applies)"))
        #expect(io.output.contains("[question 3 of about 3]\n  Interviewer, not to read aloud:"))
        let evaluation = Evaluator(pack: session.pack).evaluate(session.answers)
        #expect(evaluation.indicatorStates[0] == .absent)
    }

    @Test func endOfInputSavesADraftThatResumesWhereItStopped() throws {
        let (pack, id) = try {
            let (session, pack) = try start()
            #expect(try Interview(session: session, io: ScriptedIO(["25"])).run().isDraft)
            return (pack, session.id)
        }()
        let resumed = try IntakeSession.resume(id, pack: pack, store: IntakeStore(directory: directory))
        #expect(resumed.answers[0] == .value(.number(25)))
        let io = ScriptedIO([])
        _ = try Interview(session: resumed, io: io).run()
        #expect(io.output.contains("[question 2 of about 4]\nWhat work were they doing?"))
    }

    @Test func aSecondProcessCannotOpenTheSameIntake() throws {
        let (session, pack) = try start()
        #expect(throws: FatalError.self) { try IntakeSession.resume(session.id, pack: pack, store: session.store) }
    }

    @Test func tornLastLineIsDroppedWithAWarning() throws {
        let (pack, id, store) = try {
            let (session, pack) = try start()
            try session.record(.value(.number(25)), question: 0)
            return (pack, session.id, session.store)
        }()
        let handle = try #require(FileHandle(forWritingAtPath: store.journalPath(id)))
        handle.seekToEndOfFile()
        handle.write(Data("5c1f3a90 {\"event\":\"answer\",\"question\":\"sec".utf8))
        try handle.close()
        let resumed = try IntakeSession.resume(id, pack: pack, store: store)
        #expect(resumed.answers[0] == .value(.number(25)))
        #expect(resumed.answers[1] == nil)
        #expect(resumed.warnings.map(\.message) == ["the last journal line was cut off (the program stopped while saving it) and was dropped"])
    }

    @Test func resumingUnderAChangedPackShowsWhatNoLongerFits() throws {
        let (id, store) = try {
            let (session, _) = try start()
            _ = try Interview(session: session, io: ScriptedIO(["25", "2", "1,2"])).run()
            return (session.id, session.store)
        }()
        let changed = Self.packBody
            .replacingOccurrences(of: "{id: begging, label: Begging}", with: "{id: street_work, label: Street work}")
            .replacingOccurrences(of: "{id: police, label: Threats to call the police}, ", with: "")
        let newPack = try TestPack.load(changed, name: "changedPack")
        let resumed = try IntakeSession.resume(id, pack: newPack, store: store)
        #expect(resumed.packChanged)
        #expect(resumed.unusable.map(\.question) == ["sector", "threats"])
        let io = ScriptedIO([])
        _ = try Interview(session: resumed, io: io).run()
        #expect(io.output.contains("These answers no longer fit the pack and are not used (they stay in the journal):\n"
            + "  - sector: begging — 'begging' is not a choice of 'sector'\n"
            + "  - threats: [family, police] — 'police' is not a choice of 'threats'\n"))
        #expect(io.output.contains("[question 2 of about 4]\nWhat work were they doing?"))
    }
}

extension Interview.Ending {
    var isDraft: Bool { if case .savedDraft = self { return true } else { return false } }
}

@Suite struct InterviewLanguageTests {
    @Test func packLanguageIsShownWhereThePackHasIt() throws {
        let result = PackLoader.load(files: [(name: "languages.yaml", text: """
            pack: {id: bilingual, version: 1.0.0, title: Bilingual, languages: [en, az]}
            questions:
              - {id: age, type: number, prompt: {en: How old is the person?, az: Şəxsin neçə yaşı var?}}
              - {id: paid, type: yes_no, prompt: Were they paid?}
            outcomes: [{id: none, title: {en: No indicators, az: Göstərici yoxdur}, when: true}]
            """)])
        let pack = try #require(result.pack, "\(result.diagnostics)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-lang-\(UUID().uuidString)").path
        let session = try IntakeSession.start(pack: pack, store: IntakeStore(directory: directory), language: "az")
        let io = ScriptedIO(["30", "y"])
        _ = try Interview(session: session, io: io, language: "az").run()
        #expect(io.output.contains("Şəxsin neçə yaşı var?"))
        #expect(io.output.contains("Were they paid?"))
        #expect(io.output.contains(Catalog.load("az")("Outcome:") + " Göstərici yoxdur"))
    }

    @Test func interviewShowsAnswersSafely() throws {
        let pack = try TestPack.load("""
            questions: [{id: note, type: text, prompt: "A note?"}, {id: more, type: yes_no, prompt: More?}]
            outcomes: [{id: none, title: None, when: true}]
            """)
        let directory = "/tmp/waymark-safety-\(UInt32.random(in: 0...UInt32.max))"
        let session = try IntakeSession.start(pack: pack, store: IntakeStore(directory: directory), language: nil)
        let io = ScriptedIO(["hello\u{1B}]0;owned\u{07}", "r", ""])
        _ = try Interview(session: session, io: io).run()
        #expect(!io.output.contains("\u{1B}"))
        #expect(io.output.contains("hello\\u{1b}]0;owned\\u{7}"))
    }
}
