import Testing
@testable import WaymarkCore
import WaymarkTestSupport

@Suite struct EvaluatorTests {
    static let pack = """
        questions:
          - {id: age, section: about, type: number, prompt: Age?, min: 0, max: 120}
          - id: sector
            type: single
            prompt: Sector?
            choices: [{id: construction, label: Construction}, {id: begging, label: Begging}, {id: sex, label: Commercial sex}]
          - {id: employed, type: yes_no, prompt: Employed?, ask_if: sector == "construction"}
          - {id: documents_withheld, type: yes_no, prompt: Documents?, ask_if: employed}
          - {id: threats, type: multi, prompt: Threats?, choices: [{id: family, label: To family}, {id: exposure, label: Exposure}]}
          - {id: free_to_leave, type: yes_no, prompt: Free to leave?}
        indicators:
          - {id: documents, title: Documents withheld, category: coercion, strength: strong, when: documents_withheld}
          - {id: threats_family, title: Threats to family, category: coercion, strength: medium, when: '"family" in threats'}
          - {id: not_free, title: Not free, category: coercion, strength: medium, when: not free_to_leave}
          - {id: child_begging, title: Child begging, category: conditions, strength: strong, populations: [child], when: age < 18 and sector == "begging"}
        derived:
          - {id: coerced, when: count("coercion") >= 2}
        outcomes:
          - {id: presumed_victim, title: Presumed, when: count("strong") >= 1 or derived.coerced}
          - {id: insufficient, title: Insufficient, when: unanswered_share() > 0.5}
          - {id: none, title: None, when: true}
        services: [{id: shelter, title: Shelter}]
        referrals:
          - {id: shelter_now, service: shelter, urgency: immediate, when: outcome == "presumed_victim" and not free_to_leave}
        notices:
          - {id: compensation, when: outcome == "presumed_victim", text: Compensation.}
        """

    @Test func skipLogicFollowsQuestionOrder() throws {
        let pack = try TestPack.load(Self.pack)
        let e = try TestPack.evaluate(pack, "sector: begging\ndocuments_withheld: yes")
        #expect(e.questionStatus[pack.questionIndex["employed"]!] == .notAsked)
        // Gated on a question that was not asked: stays skipped, and its recorded answer is ignored.
        #expect(e.questionStatus[pack.questionIndex["documents_withheld"]!] == .notAsked)
        #expect(e.indicatorStates[pack.indicatorIndex["documents"]!] == .absent)
    }

    @Test func unknownGateAsksTheQuestion() throws {
        let pack = try TestPack.load(Self.pack)
        let e = try TestPack.evaluate(pack, "sector: unknown")
        #expect(e.questionStatus[pack.questionIndex["employed"]!] == .asked)
        #expect(e.questionStatus[pack.questionIndex["documents_withheld"]!] == .asked)
    }

    @Test func unknownAndDeclinedAreNeverNo() throws {
        let pack = try TestPack.load(Self.pack)
        let e = try TestPack.evaluate(pack, "free_to_leave: declined\nsector: construction\nemployed: yes\ndocuments_withheld: unknown")
        #expect(e.indicatorStates[pack.indicatorIndex["not_free"]!] == .undetermined)
        #expect(e.indicatorStates[pack.indicatorIndex["documents"]!] == .undetermined)
        #expect(e.followUps[.indicator(pack.indicatorIndex["documents"]!)] == [pack.questionIndex["documents_withheld"]!])
    }

    @Test func unknownOnlyThroughNotAskedIsAbsent() throws {
        let pack = try TestPack.load(Self.pack)
        let e = try TestPack.evaluate(pack, "age: 30\nsector: begging")
        // documents_withheld was not asked: the indicator is not applicable, not undetermined.
        #expect(e.indicatorStates[pack.indicatorIndex["documents"]!] == .absent)
        #expect(e.followUps[.indicator(pack.indicatorIndex["documents"]!)] == nil)
    }

    @Test func presentIndicatorsDecideOutcomeReferralsAndNotices() throws {
        let pack = try TestPack.load(Self.pack)
        let e = try TestPack.evaluate(pack, "age: 12\nsector: begging\nthreats: []\nfree_to_leave: no")
        #expect(e.indicatorStates[pack.indicatorIndex["child_begging"]!] == .present)
        #expect(e.outcome == pack.outcomeIndex["presumed_victim"])
        #expect(e.referralStates == [.present])
        #expect(e.noticeStates == [.present])
        let report = ResultReport(e, pack: pack)
        #expect(report.referrals.first?.triggeredBy == ["child_begging"])
    }

    @Test func undeterminedReferralNamesItsFollowUp() throws {
        let pack = try TestPack.load(Self.pack)
        let e = try TestPack.evaluate(pack, "age: 12\nsector: begging\nthreats: []\nfree_to_leave: unknown")
        #expect(e.referralStates == [.undetermined])
        let report = ResultReport(e, pack: pack)
        #expect(report.followUps.map(\.question) == ["free_to_leave"])
        #expect(report.followUps.first?.decides == ["not_free", "shelter_now"])
    }

    @Test func countUsesThePacksTagsAndMostlyUnknownIsInsufficient() throws {
        let pack = try TestPack.load(Self.pack)
        let both = try TestPack.evaluate(pack, "age: 30\nsector: sex\nthreats: [family]\nfree_to_leave: no")
        #expect(both.derivedStates == [.present])
        #expect(both.outcome == pack.outcomeIndex["presumed_victim"])
        let vague = try TestPack.evaluate(pack, "age: unknown\nsector: declined\nthreats: unknown\nfree_to_leave: yes")
        #expect(vague.outcome == pack.outcomeIndex["insufficient"])
    }
}
