import Foundation
import Testing
@testable import WaymarkCore
import WaymarkTestSupport
@testable import WaymarkRecords
@testable import WaymarkWorkflows

/// Interviews in Azerbaijani and Russian: nothing English reaches the person, typed answers in their words are understood.
@Suite struct LocalizedInterviewTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-lang-\(UUID().uuidString)").path

    static let englishCatalogMessages: [String] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/WaymarkCore/Localization/Catalog/messages.pot")
        let po = (try? POFile.parse(String(contentsOf: url, encoding: .utf8))) ?? POFile(header: [], entries: [])
        return po.entries.map(\.id)
    }()

    @Test func catalogsTranslateEveryMessageTheToolUses() throws {
        #expect(Self.englishCatalogMessages.count >= 70)
        for language in ["az", "ru"] {
            let catalog = Catalog.load(language)
            let missing = Self.englishCatalogMessages.filter { !catalog.has($0) }
            #expect(missing == [], "\(language)")
            for message in Self.englishCatalogMessages where message.contains("{1}") {
                #expect(catalog(message).contains("{1}") || catalog(message, "X").contains("X"), "\(language): \(message)")
            }
        }
    }

    @Test(arguments: ["az", "ru"])
    func wholeShippedInterviewShowsNoEnglish(language: String) throws {
        let pack = try ShippedPack.pack()
        let session = try IntakeSession.start(pack: pack, store: IntakeStore(directory: directory), language: language)
        let io = ScriptedIO(Array(repeating: "u", count: 120) + ["a"] + Array(repeating: "m", count: 40))
        let ending = try Interview(session: session, io: io, languages: InterviewLanguages(person: language)).run()
        guard case .completed = ending else {
            Issue.record("interview did not complete")
            return
        }
        var english = Self.englishCatalogMessages.filter { $0.count > 12 && Catalog.load(language)($0) != $0 }
        for field in pack.textFields where field.text.values[language] != nil && field.text.values[language] != field.text.text {
            english.append(field.text.text)
        }
        // Whole words only: a short English label such as "No" must not match inside another word.
        let words = Set(io.output.split(whereSeparator: { !$0.isLetter }).map(String.init))
        let leaked = english.filter { text in
            text.split(separator: " ").count > 1 ? io.output.contains(text) : words.contains(text)
        }
        #expect(leaked == [], "English shown in a \(language) interview")
        #expect(io.output.contains(pack.questions[0].prompt.text(language)))
        if pack.completeness(language).draft > 0 {
            #expect(io.output.replacingOccurrences(of: "\n", with: " ").contains(Catalog.load(language)("Note for you, not to read aloud: the {1} texts are a draft translation that a native speaker has not yet checked. Rephrase anything unclear.",
                                                               LanguageNames.own[language]!)))
        }
    }

    static let pack = """
        pack: {id: lang, version: 1.0.0, title: Languages, languages: [en, az, ru]}
        categories: [{id: coercion, title: Coercion}]
        questions:
          - {id: free, type: yes_no, prompt: {en: Can you leave?, az: Gedə bilərsinizmi?, ru: Можете ли вы уйти?}}
          - {id: safe, type: yes_no, prompt: {en: Are you safe?, az: Təhlükəsizsinizmi?, ru: Вы в безопасности?}}
          - {id: hurt, type: yes_no, prompt: {en: Are you hurt?, az: Xəsarətiniz var?, ru: Вы ранены?}}
        indicators:
          - {id: not_free, title: Not free, category: coercion, strength: strong, when: not free}
        outcomes:
          - {id: any, title: Any, when: true}
        """

    @Test func yesAndNoInThePersonsWordsWithTurkicCase() throws {
        let pack = try #require(PackLoader.load(files: [(name: "lang.yaml", text: Self.pack)]).pack)
        let session = try IntakeSession.start(pack: pack, store: IntakeStore(directory: directory), language: "az")
        let io = ScriptedIO(["XEYR", "BƏLİ", "maybe", "hə"])
        _ = try Interview(session: session, io: io, languages: InterviewLanguages(person: "az")).run()
        #expect(session.answers[0] == .value(.yesNo(false)))
        #expect(session.answers[1] == .value(.yesNo(true)))
        #expect(session.answers[2] == .value(.yesNo(true)))
        #expect(io.output.contains(Catalog.load("az")("Type y for yes or n for no.")))
        #expect(session.answerLanguages == ["free": "az", "safe": "az", "hurt": "az"])
    }

    @Test func lSwitchesWhatThePersonHearsButNotTheCaseworkersWords() throws {
        let pack = try #require(PackLoader.load(files: [(name: "lang.yaml", text: Self.pack)]).pack)
        let session = try IntakeSession.start(pack: pack, store: IntakeStore(directory: directory), language: "az")
        let io = ScriptedIO(["bəli", "l", "3", "нет", "n"])
        _ = try Interview(session: session, io: io, languages: InterviewLanguages(person: "az", caseworker: "en")).run()
        #expect(io.output.contains("Gedə bilərsinizmi?"))
        #expect(io.output.contains("Вы в безопасности?"))
        #expect(io.output.contains("Language for the person:"))
        #expect(session.answers[0] == .value(.yesNo(true)))
        #expect(session.answers[1] == .value(.yesNo(false)))
        #expect(session.answerLanguages == ["free": "az", "safe": "ru", "hurt": "ru"])
    }
}

/// Every message the interview and result code pass to the catalog is in the template translators work from.
@Suite struct CatalogTemplateTests {
    @Test func everyWordsLiteralIsInTheTemplate() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let files = ["Sources/WaymarkWorkflows/Intake/Interview.swift", "Sources/WaymarkCore/Results/TextReport.swift", "Sources/waymark/Commands/Intake.swift"]
        var literals: [String] = []
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            let regex = try Regex(#"words\("((?:[^"\\]|\\.)*)""#)
            for match in text.matches(of: regex) {
                if let range = match.output[1].range { literals.append(String(text[range]).replacingOccurrences(of: "\\\"", with: "\"")) }
            }
        }
        #expect(literals.count >= 60)
        let template = Set(LocalizedInterviewTests.englishCatalogMessages)
        #expect(literals.filter { !template.contains($0) } == [])
    }
}
