import Testing
@testable import WaymarkCore
import WaymarkTestSupport

@Suite struct StaticAnalysisTests {
    static let questions = """
        questions:
          - {id: age, type: number, prompt: Age?, min: 0, max: 120}
          - id: sector
            type: single
            prompt: Sector?
            choices: [{id: construction, label: Construction}, {id: begging, label: Begging}, {id: farm, label: Farm}]
          - {id: paid, type: yes_no, prompt: Paid?}

        """

    func findings(_ body: String, name: String = #function) throws -> [String] {
        let pack = try TestPack.load(Self.questions + body, name: name)
        return StaticAnalysis(pack: pack).findings.map(\.message)
    }

    @Test func questionWhoseGateCanNeverOpen() throws {
        let pack = try TestPack.load("""
            questions:
              - {id: age, type: number, prompt: Age?, min: 0, max: 120}
              - {id: school, type: yes_no, prompt: School?, ask_if: age < 18 and age > 65}
            indicators:
              - {id: a, title: A, category: coercion, strength: weak, when: age > 1 and school}
            outcomes: [{id: none, title: None, when: true}]
            """)
        let findings = StaticAnalysis(pack: pack).findings
        #expect(findings.map(\.message) == ["question school (ask_if) can never be true: the question is asked only when earlier answers are unknown"])
        #expect(findings.first?.location.line == TestPack.header.split(separator: "\n").count + 3)
    }

    @Test func ruleThatCanNeverBeTrue() throws {
        let found = try findings("""
            indicators:
              - {id: contradiction, title: C, category: coercion, strength: weak, when: 'sector == "begging" and sector in ["farm", "construction"]'}
              - {id: fine, title: F, category: coercion, strength: weak, when: sector == "begging" and paid and age < 18}
            outcomes: [{id: none, title: None, when: true}]
            """)
        #expect(found == ["indicator contradiction can never be true, whatever the answers"])
    }

    @Test func alwaysTrueCondition() throws {
        let found = try findings("""
            indicators:
              - {id: a, title: A, category: coercion, strength: weak, when: 'answered(paid) or not answered(paid)'}
              - {id: b, title: B, category: coercion, strength: weak, when: sector == "farm" and paid and age < 18}
            outcomes: [{id: none, title: None, when: true}]
            """)
        #expect(found == ["indicator a is always true, whatever the answers"])
    }

    @Test func outcomeShadowedByAnEarlierOne() throws {
        let found = try findings("""
            indicators:
              - {id: a, title: A, category: coercion, strength: weak, when: sector == "farm" and paid and age < 18}
            outcomes:
              - {id: any_work, title: Any, when: 'answered(sector) or not answered(sector)'}
              - {id: farm, title: Farm, when: sector == "farm"}
              - {id: none, title: None, when: true}
            """)
        #expect(found.contains("outcome farm is never reached: an earlier outcome is always true first"))
        #expect(found.contains("outcome none is never reached: an earlier outcome is always true first"))
    }

    @Test func unusedQuestionAndUnreferencedService() throws {
        let found = try findings("""
            indicators:
              - {id: a, title: A, category: coercion, strength: weak, when: sector == "farm" and age < 18}
            outcomes: [{id: none, title: None, when: true}]
            services: [{id: shelter, title: Shelter}]
            """)
        #expect(found == ["question paid is asked but no rule reads its answer", "service shelter is not the target of any referral"])
    }

    @Test func shippedPackHasNoFindings() throws {
        let pack = try ShippedPack.pack()
        let analysis = StaticAnalysis(pack: pack)
        #expect(analysis.findings.map(\.description) == [])
        // The identification question's ask_if is a long "or" of warning signs, past the enumeration budget; check
        // says so rather than calling it checked. Nothing else may be left unanalysed.
        #expect(analysis.notAnalysed.filter { $0 != "question identification_choice (ask_if)" } == [])
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
}
