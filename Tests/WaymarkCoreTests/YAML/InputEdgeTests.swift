import Foundation
import Testing
import WaymarkTestSupport
@testable import WaymarkCore

/// Inputs from editors and shells that once failed or misled: a byte-order mark, a control character, a huge line.
@Suite struct InputEdgeTests {
    @Test func aByteOrderMarkIsNotPartOfTheText() throws {
        let node = try #require(try YAMLLoader.document([0xEF, 0xBB, 0xBF] + Array("a: 1\nb: x\n".utf8), file: "bom.yaml"))
        #expect(node.value(for: "a")?.scalar?.text == "1")
        #expect(node.value(for: "b")?.location == SourceLocation(file: "bom.yaml", line: 2, column: 4))
    }

    @Test func aControlCharacterIsPlacedWhereItIs() {
        #expect(throws: Diagnostic.self) { try YAMLLoader.document("a: 1\nbé: x\u{1}y\n", file: "c.yaml") }
        do { _ = try YAMLLoader.document("a: 1\nbé: x\u{1}y\n", file: "c.yaml") } catch {
            #expect(error.location == SourceLocation(file: "c.yaml", line: 2, column: 6))
        }
    }

    @Test func aHugeLineIsQuotedAsAnExcerptAroundTheCaret() {
        let line = String(repeating: "a", count: 5_000) + "X" + String(repeating: "b", count: 5_000)
        let renderer = DiagnosticRenderer(sourceLine: { _, _ in line })
        let text = renderer.render(Diagnostic(at: SourceLocation(file: "f", line: 1, column: 5_001), "here"))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].count < 200)
        let caret = try! #require(lines[2].firstIndex(of: "^"))
        #expect(lines[1][lines[1].index(lines[1].startIndex, offsetBy: lines[2].distance(from: lines[2].startIndex, to: caret))] == "X")
    }

    @Test func wordsOfTheConditionLanguageAndControlCharactersInTheVersionAreRefused() {
        let reserved = TestPack.errors("""
            questions: [{id: in, type: yes_no, prompt: Q?}]
            outcomes: [{id: none, title: None, when: true}]
            """)
        #expect(reserved.contains { $0.contains("'in' is a word of the condition language and cannot be a question id") })
        let result = PackLoader.load(files: [("v.yaml", "pack: {id: v, version: \"1\\e[2J\", title: V}\noutcomes: [{id: a, title: A, when: true}]\n")])
        #expect(result.diagnostics.map(\.message) == ["the version may not hold control characters"])
    }
}
