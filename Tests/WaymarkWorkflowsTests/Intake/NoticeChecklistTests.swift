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
        let io = ScriptedIO(["", "9 x", "2 3", "the person was tired; at the next meeting"] + Array(repeating: "p", count: 20))
        guard case .completed(let path, let report, let decisions) = try Interview(session: session, io: io).run() else {
            Issue.record("not completed")
            return
        }
        #expect(io.output.contains("Type numbers from 1 to \(notices.count), or press Enter if all were explained."))
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
