import Testing
@testable import WaymarkCore
import WaymarkTestSupport
@testable import WaymarkRecords
@testable import WaymarkWorkflows

@Suite struct WitnessAndExamplesTests {
    static let body = """
        questions:
          - {id: age, type: number, prompt: Age?, min: 0, max: 120}
          - id: sector
            type: single
            prompt: Sector?
            choices: [{id: construction, label: Construction}, {id: begging, label: Begging}]
          - {id: withheld, type: yes_no, prompt: Documents withheld?, ask_if: sector == "construction"}
        indicators:
          - id: child_begging
            title: Child begging
            category: coercion
            strength: strong
            when: age < 18 and sector == "begging"
            examples:
              fires: [{age: 9, sector: begging}]
              does_not_fire: [{age: 30, sector: begging}, {age: unknown, sector: begging}]
          - {id: documents, title: Documents, category: coercion, strength: strong, when: withheld}
        outcomes:
          - {id: presumed, title: Presumed, when: count("strong") >= 1}
          - {id: none, title: None, when: true}

        """

    @Test func witnessIsMinimal() throws {
        let pack = try TestPack.load(Self.body)
        let search = WitnessSearch(pack: pack)
        let witness = try #require(search.witness(for: .indicator(0)))
        #expect(witness.answers == [.value(.number(17)), .value(.choice(1)), nil])
        let gated = try #require(search.witness(for: .indicator(1)))
        // An unanswered gate is unknown, and an unknown gate asks the question: sector is not needed.
        #expect(gated.answers == [nil, nil, .value(.yesNo(true))])
        let outcome = try #require(search.witness(for: .outcome(1)))
        #expect(Evaluator(pack: pack).evaluate(outcome).outcome == 1)
    }

    @Test func passingExamplesLoad() throws {
        let pack = try TestPack.load(Self.body)
        #expect(RuleExamples.decode(pack, reader: SchemaReader()).count == 3)
    }

    @Test func failingExampleIsReportedLikeATest() throws {
        let broken = Self.body.replacingOccurrences(of: "does_not_fire: [{age: 30, sector: begging}", with: "does_not_fire: [{age: 12, sector: begging}")
        let errors = TestPack.errors(broken)
        #expect(errors == ["t.yaml:16:23: error: example should not fire indicator child_begging, but it does for these answers"])
    }
}
