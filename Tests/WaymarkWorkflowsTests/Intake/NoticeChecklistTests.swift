import Foundation
import Testing
import WaymarkTestSupport
@testable import WaymarkCore
@testable import WaymarkRecords
@testable import WaymarkWorkflows

/// Rights are recorded as explained only when the caseworker confirms it; the summary and record say no more.
@Suite struct NoticeChecklistTests {
    @Test func onlyConfirmedNoticesAreReportedAsTold() throws {
        let (session, pack) = try ReferralDecisionTests().presumedCase()
        let notices = ResultReport(Evaluator(pack: pack).evaluate(session.answers), pack: pack).notices
        #expect(notices.count >= 3)
        let explained = (1...notices.count).filter { $0 != 2 && $0 != 3 }.map(String.init).joined(separator: " ")
        let io = ScriptedIO(["", "", "9 x", explained, "the person was tired; at the next meeting"] + Array(repeating: "p", count: 20))
        guard case .completed(let path, let report, let decisions) = try Interview(session: session, io: io).run() else {
            Issue.record("not completed")
            return
        }
        #expect(io.output.contains("Type numbers from 1 to \(notices.count), a for all, or 0 for none."), "Enter alone and stray text are asked again")
        let record = try String(contentsOfFile: path, encoding: .utf8)
        #expect(record.contains(#""notice": "\#(notices[1].id)","#) && record.contains(#""told": false"#))
        let completed = try CompletedIntake.read(path, pack: pack)
        #expect(completed.told[notices[0].id]?.told == true)
        #expect(completed.told[notices[1].id] == NoticeTold(notice: notices[1].id, told: false, reason: "the person was tired; at the next meeting"))
        let summary = IntakeSummary().markdown(completed, report: report)
        let told = summary.components(separatedBy: "## The person was told").last?.components(separatedBy: "\n## ").first ?? ""
        #expect(told.contains(notices[0].text) && !told.contains(notices[1].text) && !told.contains(notices[2].text))
        #expect(summary.contains("## Still to explain to the person\n\n- \(notices[1].title ?? "")\n"))
        #expect(!summary.contains("the person was tired"), "the reason is free text: only with --include-sensitive")
        #expect(IntakeSummary(includeSensitive: true).markdown(completed, report: report).contains("the person was tired"))
        #expect(completed.decisions.map(\.service) == decisions.map(\.service))
    }

    @Test func aSummaryWithoutConfirmationsClaimsNothing() throws {
        let (session, pack) = try ReferralDecisionTests().presumedCase()
        let report = ResultReport(Evaluator(pack: pack).evaluate(session.answers), pack: pack)
        let summary = IntakeSummary().markdown(session: session, report: report, decisions: [])
        #expect(!summary.contains("## The person was told"))
        #expect(summary.contains("## Rights not recorded as explained"))
    }
}

/// The details after an interview never suggest asking again what the person declined to answer.
@Suite struct DeclinedFollowUpTests {
    @Test func aDeclinedQuestionIsNotSuggestedAgain() throws {
        let pack = try TestPack.load("""
            questions:
              - {id: held, type: yes_no, prompt: Is someone keeping your papers?}
              - {id: free, type: yes_no, prompt: Could you leave if you wanted?}
            indicators:
              - {id: papers, title: Papers kept, category: coercion, strength: strong, when: held}
              - {id: not_free, title: Not free, category: coercion, strength: medium, when: not free}
            outcomes: [{id: any, title: Any, when: true}]
            """)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-declined-\(UUID().uuidString)").path
        let session = try IntakeSession.start(pack: pack, store: IntakeStore(directory: directory), language: nil)
        let io = ScriptedIO(["d", "u", "i"])
        _ = try Interview(session: session, io: io).run()
        let details = io.output.components(separatedBy: "Follow-up questions").last ?? ""
        #expect(io.output.contains("Follow-up questions"))
        #expect(details.contains("Could you leave if you wanted?"), "an unknown answer is worth asking again")
        #expect(!details.contains("Is someone keeping your papers?"), "a declined one is not")
    }
}
