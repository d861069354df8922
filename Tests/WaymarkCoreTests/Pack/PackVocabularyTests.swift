import Testing
import WaymarkTestSupport
@testable import WaymarkCore

/// The tags count() reads must mean one thing each.
@Suite struct PackVocabularyTests {
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
}
