import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkWorkflows
import WaymarkRecords

struct Translations: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The translator's round trip: export a pack's texts as a PO file, import the translated file back.",
        discussion: """
            PO files open in Poedit, Weblate, Lokalize or OmegaT. Each entry names its field (msgctxt), the English \
            (msgid), what it is and who reads it. A translation marked fuzzy is imported as a draft; one confirmed \
            in the tool (not fuzzy) is imported as reviewed, unless --draft.
            """,
        subcommands: [Export.self, Import.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the pack's texts for one language as a PO file.")

        @OptionGroup var packOptions: PackOptions

        @Option(help: ArgumentHelp("The language to translate into, one of the pack's languages.", valueName: "code"))
        var lang: String

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file.po"))
        var output: String?

        func run() throws {
            let out = Output()
            let pack = try packOptions.load(output: out)
            guard pack.info.languages.dropFirst().contains(lang) else {
                out.fail("'\(lang.singleLineSafe)' is not one of the pack's other languages (\(pack.info.languages.dropFirst().joined(separator: ", ")))",
                         suggestion: Suggestion.didYouMean(lang, in: pack.info.languages))
                throw ExitCode(1)
            }
            let text = TranslationExchange.export(pack, language: lang).rendered()
            guard let output else { out.print(text); return }
            do { try SecureFile.writeAtomically(Array(text.utf8), to: output, mode: 0o644) } catch {
                out.fail(error)
                throw ExitCode(1)
            }
            let c = pack.completeness(lang)
            out.error("wrote \(output): \(c.total) texts, \(c.reviewed) reviewed, \(c.draft) draft, \(c.stale.count) stale, \(c.missing.count) missing")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a translated PO file's texts into the pack's lang/<code>.yaml, keeping its comments and order.")

        @OptionGroup var packOptions: PackOptions

        @Argument(help: ArgumentHelp("The translated PO file.", valueName: "file.po"))
        var file: String

        @Option(help: ArgumentHelp("The language (default: the PO file's Language header).", valueName: "code"))
        var lang: String?

        @Flag(help: "Import every text as a draft, even where the file marks it confirmed.")
        var draft = false

        func run() throws {
            let out = Output()
            let pack = try packOptions.load(output: out)
            guard TextFile.isDirectory(packOptions.path) else {
                out.fail(at: .file(packOptions.path), "is a single file; translations are kept in a pack directory's lang/ folder")
                throw ExitCode(1)
            }
            let po: POFile
            do {
                let bytes = try TextFile.read(file, sources: out.sources)
                do { po = try POFile.parse(String(decoding: bytes, as: UTF8.self)) } catch {
                    out.fail(at: SourceLocation(file: file, line: error.line, column: 1), error.message)
                    throw ExitCode(1)
                }
            } catch let error as FatalError {
                out.fail(error)
                throw ExitCode(1)
            }
            guard let language = lang ?? po.headerValue("Language"), pack.info.languages.dropFirst().contains(language) else {
                out.fail(at: .file(file), "the language is not one of the pack's other languages (\(pack.info.languages.dropFirst().joined(separator: ", ")))",
                         suggestion: "give it with --lang or in the file's Language header")
                throw ExitCode(1)
            }
            let folder = (packOptions.path as NSString).appendingPathComponent("lang")
            let yamlPath = (folder as NSString).appendingPathComponent("\(language).yaml")
            let existing = FileManager.default.contents(atPath: yamlPath).map { String(decoding: $0, as: UTF8.self) }
            do {
                let (text, report) = try TranslationExchange.importing(po, poPath: file, into: existing, yamlPath: yamlPath, pack: pack,
                                                                       language: language, forceDraft: draft)
                out.diagnostics(report.diagnostics)
                if report.diagnostics.contains(where: { $0.severity == .error }) {
                    out.error("nothing was written: fix the entries above first")
                    throw ExitCode(1)
                }
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try SecureFile.writeAtomically(Array(text.utf8), to: yamlPath, mode: 0o644)
                out.print("\(yamlPath): \(report.added) added, \(report.updated) updated, \(report.unchanged) unchanged"
                          + " (\(report.reviewed) marked reviewed), \(report.skippedEmpty) untranslated left out\n")
            } catch let error as FatalError {
                out.fail(error)
                throw ExitCode(1)
            }
        }
    }
}
