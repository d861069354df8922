import Foundation
import Testing
@testable import WaymarkCore
@testable import WaymarkRecords
@testable import WaymarkWorkflows

/// Export → edit → import writes into the right YAML field, keeps comments and order, and flags stale texts.
@Suite struct TranslationExchangeTests {
    static let pack = """
        pack: {id: tr, version: 1.0.0, title: Translation test, languages: [en, az]}
        sections: [{id: about, title: About}]
        questions:
          - {id: age, section: about, type: number, prompt: How old are you?, help: A best guess is fine.}
          - id: work
            section: about
            type: single
            prompt: What work do you do?
            choices: [{id: farm, label: Farming}, {id: shop, label: A shop}]
        outcomes:
          - {id: any, title: Any, when: true}
        """

    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-translation-\(UUID().uuidString)").path

    func writePack(_ text: String = pack, translation: String? = nil) throws {
        try FileManager.default.createDirectory(atPath: directory + "/lang", withIntermediateDirectories: true)
        try text.write(toFile: directory + "/pack.yaml", atomically: true, encoding: .utf8)
        if let translation { try translation.write(toFile: directory + "/lang/az.yaml", atomically: true, encoding: .utf8) }
    }

    func load() throws -> PackLoader.Result { try PackLoader.load(directory) }

    @Test func roundTripKeepsCommentsAndOrderAndMarksStale() throws {
        let existing = """
            # Kept comment at the top.
            translation:
              language: az
              status: draft
            texts:
              # A comment the translator left.
              sections.about.title: {source: \(TextHash.of("About")), text: "Haqqında"}
              questions.work.prompt: {source: \(TextHash.of("What work do you do?")), text: "Nə iş görürsünüz?"}

            """
        try writePack(translation: existing)
        let pack = try #require(try load().pack)
        var po = TranslationExchange.export(pack, language: "az")
        #expect(po.headerValue("Language") == "az")
        let keys = po.entries.map { $0.context ?? "" }
        #expect(keys == ["pack.title", "sections.about.title", "questions.age.prompt", "questions.age.help", "questions.work.prompt",
                         "questions.work.choices.farm.label", "questions.work.choices.shop.label", "outcomes.any.title"])
        #expect(po.entries[1].translation == "Haqqında" && po.entries[1].fuzzy)
        #expect(po.entries[2].comments.contains { $0.hasPrefix("Read aloud to the person") })

        // The translator fills two entries in their tool and confirms one (no fuzzy flag).
        po.entries[2].translation = "Neçə yaşınız var?"
        po.entries[2].fuzzy = false
        po.entries[4].translation = "Hansı işi görürsünüz?"
        po.entries[4].fuzzy = true
        let (text, report) = try TranslationExchange.importing(try POFile.parse(po.rendered()), poPath: "az.po", into: existing,
                                                               yamlPath: directory + "/lang/az.yaml", pack: pack, language: "az", forceDraft: false)
        #expect(report.added == 1 && report.updated == 1 && report.unchanged == 1 && report.reviewed == 1)
        #expect(report.diagnostics.isEmpty)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "# Kept comment at the top.")
        #expect(lines.contains("  # A comment the translator left."))
        let entryKeys = lines.filter { $0.hasPrefix("  ") && $0.contains(": {source:") }.map { String($0.dropFirst(2).prefix { $0 != ":" }) }
        #expect(entryKeys == ["sections.about.title", "questions.age.prompt", "questions.work.prompt"])
        #expect(text.contains("questions.age.prompt: {source: \(TextHash.of("How old are you?")), text: \"Neçə yaşınız var?\", status: reviewed}"))
        #expect(text.contains("questions.work.prompt: {source: \(TextHash.of("What work do you do?")), text: \"Hansı işi görürsünüz?\"}"))

        // The imported file loads, and the texts land in their fields.
        try text.write(toFile: directory + "/lang/az.yaml", atomically: true, encoding: .utf8)
        let translated = try #require(try load().pack)
        #expect(translated.questions[0].prompt.text("az") == "Neçə yaşınız var?")
        #expect(translated.questions[1].prompt.text("az") == "Hansı işi görürsünüz?")
        let c = translated.completeness("az")
        #expect((c.total, c.reviewed, c.draft, c.stale, c.missing.count) == (8, 1, 2, [], 5))

        // The English changes: the translation is stale, reported by the loader and not shown.
        try writePack(Self.pack.replacingOccurrences(of: "prompt: How old are you?", with: "prompt: How old are you now?"))
        let result = try load()
        let stalePack = try #require(result.pack)
        #expect(result.diagnostics.map(\.description).contains {
            $0.contains("az.yaml:") && $0.contains("warning: stale translation of 'questions.age.prompt'")
        })
        #expect(stalePack.questions[0].prompt.text("az") == "How old are you now?")
        #expect(stalePack.completeness("az").stale == ["questions.age.prompt"])
        #expect(TranslationExchange.export(stalePack, language: "az").entries[2].fuzzy)
    }

    @Test func unknownKeysAndLanguagesAreLocatedErrors() throws {
        try writePack(translation: """
            translation: {language: az}
            texts:
              questions.age.promtp: {source: abc, text: "x"}
            """)
        let errors = try load().diagnostics.map(\.description)
        #expect(errors.contains { $0.hasSuffix("lang/az.yaml:3:3: error: no text field 'questions.age.promtp' in the pack; did you mean 'questions.age.prompt'?") })

        try writePack(translation: "translation: {language: ru}\n")
        #expect(try load().diagnostics.contains { $0.message.contains("language 'ru' is not one of the pack's other languages") })
    }

    @Test func importRefusesKeysThePackDoesNotHave() throws {
        try writePack()
        let pack = try #require(try load().pack)
        let po = POFile(header: [("Language", "az")], entries: [POFile.Entry(context: "questions.agee.prompt", id: "x", translation: "y")])
        let (_, report) = try TranslationExchange.importing(po, poPath: "az.po", into: nil, yamlPath: directory + "/lang/az.yaml",
                                                            pack: pack, language: "az", forceDraft: false)
        #expect(report.diagnostics.map(\.severity) == [.error])
        #expect(report.diagnostics[0].message == "no text field 'questions.agee.prompt' in pack tr")
    }
}

extension TranslationExchangeTests {
    /// A stale entry exported (fuzzy) and imported back untouched must stay stale, not be re-stamped as current.
    @Test func untouchedStaleEntryStaysStale() throws {
        let existing = """
            translation: {language: az, status: draft}
            texts:
              questions.age.prompt: {source: \(TextHash.of("How old were you?")), text: "Neçə yaşınız var idi?"}

            """
        try writePack(translation: existing)
        let pack = try #require(try load().pack)
        #expect(pack.completeness("az").stale == ["questions.age.prompt"])
        let po = TranslationExchange.export(pack, language: "az")
        #expect(po.entries[2].fuzzy && po.entries[2].translation == "Neçə yaşınız var idi?")
        let (text, report) = try TranslationExchange.importing(po, poPath: "az.po", into: existing, yamlPath: directory + "/lang/az.yaml",
                                                               pack: pack, language: "az", forceDraft: true)
        #expect(text == existing)
        #expect(report.updated == 0 && report.unchanged == 1)
    }
}
