import Testing
@testable import WaymarkCore

@Suite struct POFileTests {
    @Test func readsEntriesWithContextCommentsFlagsAndContinuedStrings() throws {
        let text = """
            msgid ""
            msgstr ""
            "Language: az\\n"
            "X-Reviewed-By: A. Reviewer\\n"

            #. question 'age', prompt.
            #: Rules/10-questions.yaml:58
            #, fuzzy
            msgctxt "questions.age.prompt"
            msgid "How old "
            "are you?"
            msgstr "Neçə yaşınız var?"

            #~ msgid "old"
            #~ msgstr "köhnə"

            msgctxt "questions.age.help"
            msgid "Say \\"unknown\\"\\nif unsure."
            msgstr ""
            """
        let po = try POFile.parse(text)
        #expect(po.headerValue("language") == "az")
        #expect(po.headerValue("X-Reviewed-By") == "A. Reviewer")
        #expect(po.entries.count == 2)
        var expected = POFile.Entry(context: "questions.age.prompt", id: "How old are you?", translation: "Neçə yaşınız var?",
                                    comments: ["question 'age', prompt."], references: ["Rules/10-questions.yaml:58"], fuzzy: true)
        expected.line = 6
        #expect(po.entries[0] == expected)
        #expect(po.entries[1].id == "Say \"unknown\"\nif unsure.")
        #expect(po.entries[1].fuzzy == false)
    }

    @Test func renderedTextReadsBackTheSame() throws {
        let po = POFile(header: [("Language", "ru")], entries: [
            POFile.Entry(context: "a.b", id: "Line one\n\"quoted\" \\ back", translation: "Строка", comments: ["note"], fuzzy: true),
            POFile.Entry(context: "c.d", id: "Plain", translation: ""),
        ])
        var parsed = try POFile.parse(po.rendered())
        for i in parsed.entries.indices { parsed.entries[i].line = 0 }
        #expect(parsed == po)
    }

    @Test func badInputNamesItsLine() {
        #expect(throws: POFile.ParseError(line: 2, message: "expected a quoted string")) {
            try POFile.parse("msgctxt \"k\"\nmsgid unquoted\n")
        }
        #expect(throws: POFile.ParseError(line: 1, message: "expected msgctxt, msgid or msgstr, found 'nonsense here'")) {
            try POFile.parse("nonsense here\n")
        }
    }
}

@Suite struct CaseFoldingTests {
    @Test func azerbaijaniDottedAndDotlessI() {
        #expect(CaseFolding.lowercased("BƏLİ", language: "az") == "bəli")
        #expect(CaseFolding.lowercased("XEYIR", language: "az") == "xeyır")
        #expect(CaseFolding.lowercased("İ", language: "en") != "i")
        #expect(CaseFolding.lowercased("ДА", language: "ru") == "да")
    }

}
