import Foundation
import Testing
import WaymarkTestSupport
@testable import WaymarkCore

/// Answers documents read into answer sets: unknown and declined are states, never text or no.
@Suite struct AnswersDecoderTests {
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
}
