import Foundation
import Testing

/// Languages end to end through the built binary: completeness in check, the PO round trip, an interview in Azerbaijani.
@Suite struct TranslationsCommandTests {
    let rules = CommandRunner.repository.appendingPathComponent("Rules").path
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-translations-\(UUID().uuidString)").path

    @Test func checkReportsEveryLanguagesCompleteness() throws {
        let result = try CommandRunner.run(["check"])
        #expect(result.status == 0, "\(result.stderr)")
        let total = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("Translations (of ") })
            .dropFirst("Translations (of ".count).prefix { $0.isNumber }
        for line in ["  az  Azərbaycanca \(total) present (100%)", "  ru  Русский      \(total) present (100%)"] {
            #expect(result.stdout.contains(line), "\(result.stdout)")
        }
        let az = try CommandRunner.run(["check", "--lang", "az"])
        #expect(az.stdout.contains("az texts are drafts: have a native speaker who knows the field review them"))
        #expect(!az.stdout.contains("missing:") && !az.stdout.contains("stale:"))
        let unknown = try CommandRunner.run(["check", "--lang", "xx"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("has no 'xx' texts"))
    }

    @Test func exportEditImportLandsInTheRightField() throws {
        try FileManager.default.copyItem(atPath: rules, toPath: scratch)
        let po = scratch + "/az.po"
        let export = try CommandRunner.run(["translations", "export", "--pack", scratch, "--lang", "az", "-o", po])
        #expect(export.status == 0, "\(export.stderr)")
        var text = try String(contentsOfFile: po, encoding: .utf8)
        let key = "msgctxt \"questions.age.prompt\"\n"
        let start = try #require(text.range(of: key))
        let msgstr = try #require(text.range(of: "msgstr \"", range: start.upperBound..<text.endIndex))
        let end = try #require(text.range(of: "\"\n", range: msgstr.upperBound..<text.endIndex))
        text.replaceSubrange(msgstr.upperBound..<end.lowerBound, with: "Yaşınız neçədir? Təxmini deyə bilərsiniz.")
        try text.write(toFile: po, atomically: true, encoding: .utf8)
        let before = try String(contentsOfFile: scratch + "/lang/az.yaml", encoding: .utf8).split(separator: "\n")

        let imported = try CommandRunner.run(["translations", "import", "--pack", scratch, po])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("1 updated"))
        let after = try String(contentsOfFile: scratch + "/lang/az.yaml", encoding: .utf8).split(separator: "\n")
        #expect(after.count == before.count)
        let changed = zip(before, after).filter { $0 != $1 }.map(\.1)
        #expect(changed.count == 1)
        #expect(changed.first?.hasPrefix("  questions.age.prompt: {source: ") == true)
        #expect(changed.first?.contains("text: \"Yaşınız neçədir? Təxmini deyə bilərsiniz.\"") == true)
        let check = try CommandRunner.run(["check", "--pack", scratch])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func importNamesAnUnknownKeyAndWritesNothing() throws {
        try FileManager.default.copyItem(atPath: rules, toPath: scratch)
        let po = scratch + "/bad.po"
        try "msgid \"\"\nmsgstr \"\"\n\"Language: ru\\n\"\n\nmsgctxt \"questions.agge.prompt\"\nmsgid \"x\"\nmsgstr \"y\"\n"
            .write(toFile: po, atomically: true, encoding: .utf8)
        let before = try String(contentsOfFile: scratch + "/lang/ru.yaml", encoding: .utf8)
        let result = try CommandRunner.run(["translations", "import", "--pack", scratch, po])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(po):5:1: error: no text field 'questions.agge.prompt' in pack az-tip-2023; did you mean 'questions.age.prompt'?"))
        #expect(try String(contentsOfFile: scratch + "/lang/ru.yaml", encoding: .utf8) == before)
    }

    @Test func intakeInAzerbaijaniAndAnUnknownLanguage() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-az-intake-\(UUID().uuidString)").path
        let result = try CommandRunner.run(["intake", "--lang", "az", "--out", out], stdin: "u\nq\n")
        #expect(result.status == 3)
        #expect(result.stdout.contains("Başqa dildə, tərcüməçi ilə danışmaq istəyirsinizmi?") || result.stdout.contains("tərcüməçi"))
        #expect(!result.stdout.contains("Would you like to talk in another language"))
        #expect(result.stdout.contains("bəli/xeyr (y/n) >"))
        let unknown = try CommandRunner.run(["intake", "--lang", "az-AZ", "--out", out], stdin: "")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("has no 'az-AZ' texts; its languages are en, az, ru"))
    }
}

extension TranslationsCommandTests {
    /// Azerbaijani and Russian texts survive every output format: JSON reads back, text is in the language's words.
    @Test(arguments: ["az", "ru"])
    func resultsInTheLanguageSurviveEveryFormat(_ language: String) throws {
        let answers = CommandRunner.repository.appendingPathComponent("Examples/answers/child-begging.json").path
        let json = try CommandRunner.run(["evaluate", answers, "--lang", language, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let title = try #require((object["outcome"] as? [String: Any])?["title"] as? String)
        #expect(title.unicodeScalars.contains { $0.value > 0x7F }, "outcome title \(title) is not in \(language)")
        let text = try CommandRunner.run(["evaluate", answers, "--lang", language])
        #expect(text.stdout.contains(title))
        #expect(!text.stdout.contains("Outcome:") && !text.stdout.contains("Referrals\n"))
        let markdown = try CommandRunner.run(["coverage", "--format", "markdown"])
        #expect(markdown.stdout.contains("| \(language) | "))
    }
}
