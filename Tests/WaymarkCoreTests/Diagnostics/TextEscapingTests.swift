import Foundation
import Testing
@testable import WaymarkCore

/// Each format's escaping reads back as the text it escaped.
@Suite struct TextEscapingTests {
    static let tricky = "Quote \" back \\ tab \t line\nbell \u{7} sep \u{2028} Azərbaycan | <b>"

    @Test func yamlReadsBack() throws {
        let node = try #require(try YAMLLoader.document("k: " + TextEscaping.yamlDoubleQuoted(Self.tricky) + "\n", file: "t.yaml"))
        #expect(node.value(for: "k")?.scalar?.text == Self.tricky)
        #expect(!TextEscaping.yamlDoubleQuoted(Self.tricky).contains("\n"))
    }

    @Test func poReadsBack() throws {
        let po = try POFile.parse("msgid \(TextEscaping.poQuoted(Self.tricky))\nmsgstr \"x\"\n")
        #expect(po.entries.first?.id == Self.tricky)
    }

    @Test func xmlAndMarkdownCannotBreakOut() throws {
        #expect(TextEscaping.xml("<a href='x'>&\"\u{1}") == "&lt;a href=&apos;x&apos;&gt;&amp;&quot;?")
        #expect(TextEscaping.markdownCell("a | b <script>\nc") == "a \\| b &lt;script>\\nc")
    }
}
