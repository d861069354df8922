import Foundation
import Testing
import WaymarkTestSupport
@testable import WaymarkCore
@testable import WaymarkRecords
@testable import WaymarkWorkflows

/// The end of an interview: one decision per service, most urgent first, each saved as it is made and changeable.
@Suite struct ReferralDecisionTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-decisions-\(UUID().uuidString)").path

    /// A shipped presumed case, answered as its scenario says, up to the end of the questions.
    func presumedCase() throws -> (IntakeSession, Pack) {
        let pack = try ShippedPack.pack()
        let file = TestPaths.examples + "/scenarios/migrant-construction-forced-labour.yaml"
        let scenario = try #require(try ScenarioLoader(pack: pack).load(file).get())
        let session = try IntakeSession.start(pack: pack, store: IntakeStore(directory: directory), language: nil)
        for q in pack.questions.indices { if let answer = scenario.answers[q] { try session.record(answer, question: q) } }
        let evaluation = Evaluator(pack: pack).evaluate(session.answers)
        for q in pack.questions.indices where evaluation.questionStatus[q] == .asked && session.answers[q] == nil { try session.record(.unknown, question: q) }
        return (session, pack)
    }

    @Test func referralsAreMergedPerServiceAndSortedByUrgency() throws {
        let (session, pack) = try presumedCase()
        let report = ResultReport(Evaluator(pack: pack).evaluate(session.answers), pack: pack)
        let plan = ReferralPlan(report)
        #expect(plan.steps.count == Set(plan.steps.map(\.service)).count, "one step per service")
        #expect(plan.steps.map(\.urgency) == plan.steps.map(\.urgency).sorted())
        #expect(plan.steps.reduce(0) { $0 + $1.referrals.count } == report.referrals.filter { $0.state == .present }.count)
    }

    @Test func theFirstScreenFitsAndDetailsComeOnRequest() throws {
        let (session, _) = try presumedCase()
        let io = ScriptedIO([""])
        _ = try Interview(session: session, io: io).run()
        let start = try #require(io.output.range(of: "Outcome:"))
        let end = try #require(io.output.range(of: "Type i for the indicators"))
        let screen = io.output[start.lowerBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
        #expect(screen.count <= 24, "the first screen has \(screen.count) lines:\n\(screen.joined(separator: "\n"))")
        #expect(screen.allSatisfy { $0.count <= 80 })
        #expect(!io.output.contains("Indicators present ("), "details are shown only on request")
    }

    @Test func aWrongDecisionCanBeChangedWithB() throws {
        let (session, pack) = try presumedCase()
        let plan = ReferralPlan(ResultReport(Evaluator(pack: pack).evaluate(session.answers), pack: pack))
        #expect(plan.steps.count >= 2)
        let io = ScriptedIO(["", "a", "d", "b", "m", "y"] + Array(repeating: "p", count: plan.steps.count))
        guard case .completed(_, _, let decisions) = try Interview(session: session, io: io).run() else {
            Issue.record("not completed")
            return
        }
        #expect(decisions.first?.decision == .made)
        #expect(decisions.first?.service == plan.steps.first?.service)
        #expect(decisions.dropFirst().allSatisfy { $0.decision == .pending && $0.due != nil })
        #expect(io.output.contains("(recorded: declined by the person)"))
    }

    @Test func eachReferralShowsItsContactFromTheServiceDirectory() throws {
        let (session, pack) = try presumedCase()
        let path = directory + "-services.yaml"
        try "services:\n  interpretation: {name: Example interpreters, phone: '000 111'}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let io = ScriptedIO(["", "a", "p", "p", "p", "q"])
        let interview = Interview(session: session, io: io)
        interview.serviceDirectory = try ServiceDirectory.load(path, pack: pack).directory
        _ = try interview.run()
        #expect(io.output.contains("Professional interpretation (now)\n  Contact: Example interpreters · 000 111 (not yet verified locally)\n"))
        #expect(io.output.contains("NGO-run shelter (now)\n  Contact: none in the service directory\n"))
    }
}

/// A referral made only with the person's agreement records that agreement, and a "no" records it as declined.
@Suite final class ReferralConsentTests {
    var lastSummary = ""
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-consent-\(UUID().uuidString)").path

    func finished(_ replies: [String]) throws -> [ReferralDecision] {
        let pack = try TestPack.load("""
            questions: [{id: held, type: yes_no, prompt: Papers kept?}]
            indicators: [{id: papers, title: Papers, category: coercion, strength: strong, when: held}]
            outcomes: [{id: presumed, title: Presumed, when: indicator.papers}, {id: none, title: None, when: true}]
            services: [{id: police_unit, title: Identification unit}, {id: shelter, title: Shelter}]
            referrals:
              - {id: identify, service: police_unit, urgency: within_24h, when: outcome == "presumed", needs_consent: true}
              - {id: stay, service: shelter, urgency: immediate, when: outcome == "presumed"}
            """)
        let session = try IntakeSession.start(pack: pack, store: IntakeStore(directory: directory), language: nil)
        let io = ScriptedIO(["y", ""] + replies)
        guard case .completed(let path, _, let decisions) = try Interview(session: session, io: io).run() else {
            Issue.record("not completed:\n\(io.output)")
            return []
        }
        let completed = try CompletedIntake.read(path, pack: pack)
        #expect(completed.decisions.map(\.consent) == decisions.map(\.consent))
        lastSummary = IntakeSummary().markdown(completed, report: ResultReport(Evaluator(pack: pack).evaluate(completed.answers), pack: pack))
        return decisions
    }

    @Test func agreementIsRecordedWithTheDecision() throws {
        let decisions = try finished(["m", "m", "y"])
        #expect(decisions.map(\.service) == ["shelter", "police_unit"])
        #expect(decisions[0].consent == nil, "the shelter needs no separate agreement")
        #expect(decisions[1].decision == .made && decisions[1].consent == true)
        #expect(lastSummary.contains("- Identification unit, within 24 hours: made, with the person's agreement (recorded "))
    }

    @Test func noAgreementMeansNotMade() throws {
        let decisions = try finished(["m", "m", "maybe", "n"])
        #expect(decisions[1].decision == .declined && decisions[1].consent == false)
    }

    @Test func forAChildTheChildProtectionBodyIsAskedAndANoKeepsItOpen() throws {
        let pack = try TestPack.load("""
            questions: [{id: age, type: number, prompt: Age?, min: 0, max: 120}]
            derived: [{id: possible_child, when: age < 18}]
            outcomes: [{id: presumed, title: Presumed, when: derived.possible_child}, {id: none, title: None, when: true}]
            services: [{id: child_protection, title: Child protection}, {id: police_unit, title: Identification unit}]
            referrals:
              - {id: child_now, service: child_protection, urgency: immediate, when: derived.possible_child}
              - {id: identify, service: police_unit, urgency: within_24h, when: outcome == "presumed", needs_consent: true}
            notices: [{id: decline, title: You may decline, when: true, text: You may decline any question.}]
            """)
        let session = try IntakeSession.start(pack: pack, store: IntakeStore(directory: directory), language: nil)
        let io = ScriptedIO(["15", "", "0", "not yet", "d", "m", "m", "n"])
        guard case .completed(_, _, let decisions) = try Interview(session: session, io: io).run() else {
            Issue.record("not completed:\n\(io.output)")
            return
        }
        #expect(io.output.contains("A child's referral to child protection is not declined"))
        #expect(io.output.contains("m) made  n) not made  p) later"), "no \"declined\" offered for a child's referral to child protection")
        #expect(io.output.contains("Not yet explained to the person: You may decline."))
        #expect(io.output.contains("the child protection body decides with you after hearing the child"))
        #expect(decisions.map(\.decision) == [.made, .pending])
        #expect(decisions[1].consent == false && decisions[1].due != nil)
    }
}
