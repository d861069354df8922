import Foundation
import Testing
@testable import WaymarkWorkflows

/// Old drafts are flagged in `intake --list`, so that unfinished stories do not linger on a laptop.
@Suite struct IntakeListTests {
    @Test func draftsOlderThanTwoWeeksAreFlagged() {
        let started = "2026-11-01T09:00:00Z"
        let draft = IntakeStore.Summary(id: "a", started: started, packVersion: "p 1", answered: 3, completed: false)
        let start = ISO8601DateFormatter().date(from: started)!
        #expect(IntakeList.status(draft, now: start.addingTimeInterval(13 * 86_400)) == "draft")
        #expect(IntakeList.status(draft, now: start.addingTimeInterval(20 * 86_400)) == "draft, 20 days old: finish it or discard it")
        var done = draft
        done.completed = true
        #expect(IntakeList.status(done, now: start.addingTimeInterval(90 * 86_400)) == "completed")
    }
}
