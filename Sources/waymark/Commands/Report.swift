import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkWorkflows
import WaymarkRecords

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The printable summary of a completed intake, from its record, at any time.",
        discussion: "Sensitive answers, free text and the indicators that would reveal them are left out unless --include-sensitive. "
            + "A sealed record is reported at the organisation: waymark records open RECORD --key KEY --report FILE.md.")

    @Argument(help: ArgumentHelp("An intake id (looked up in the intake folder) or a .record.json file.", valueName: "id-or-file"))
    var intake: String

    @OptionGroup var packOptions: PackOptions
    @OptionGroup var serviceOptions: ServiceOptions

    @Option(help: ArgumentHelp("Folder for intakes (default: $XDG_DATA_HOME/waymark/intakes).", valueName: "dir"))
    var out: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the summary to this file (mode 0600) instead of standard output.", valueName: "file.md"))
    var output: String?

    @Option(help: ArgumentHelp("Language of the question wording (default: the pack's first).", valueName: "code"))
    var lang: String?

    @Option(help: ArgumentHelp("Instead of the summary, a printable referral letter (HTML) to this service: the screening result and the urgency only, with a box for the person's agreement.", valueName: "service"))
    var letter: String?

    @Flag(help: "Include answers to sensitive questions and free text.")
    var includeSensitive = false

    func run() throws {
        let console = Output()
        let settings = try Settings.load(output: console)
        let pack = try packOptions.load(output: console)
        let store = IntakeStore(directory: settings.intakeDirectory(flag: out))
        let path = FileManager.default.fileExists(atPath: intake) ? intake : store.recordPath(intake)
        if !FileManager.default.fileExists(atPath: path) {
            let sealed = FileManager.default.fileExists(atPath: store.sealedRecordPath(intake))
            console.fail(at: .file(path), sealed ? "this intake's record is sealed to the organisation key" : "no completed record here",
                         suggestion: sealed ? "at the organisation: waymark records open \(store.sealedRecordPath(intake).shellQuoted) --key KEY --report FILE.md"
                                            : "waymark intake --list shows the intakes in \(store.directory.shellQuoted)")
            throw ExitCode(1)
        }
        let completed: CompletedIntake
        do { completed = try CompletedIntake.read(path, pack: pack, sources: console.sources) } catch {
            console.diagnostics(error.diagnostics)
            throw ExitCode(1)
        }
        if let recorded = completed.recordedPack, recorded.hash != pack.contentHash {
            console.diagnostics([Diagnostic(code: "W8127", .warning, at: .file(path),
                                            "recorded with pack \(recorded.id.singleLineSafe) \(recorded.version.singleLineSafe); the result is recomputed with \(pack.info.id) \(pack.info.version) and the summary says so")],
                                summary: false)
        }
        let directory = try serviceOptions.load(pack: pack, settings: settings, output: console)
        let report = completed.result(language: lang).withContacts(from: directory, pack: pack)
        let text: String
        if let letter {
            let steps = ReferralPlan(report).steps
            guard let step = steps.first(where: { $0.service == letter }) else {
                console.fail("this intake's result suggests no referral to '\(letter.singleLineSafe)'",
                             suggestion: Suggestion.didYouMean(letter, in: steps.map(\.service)) ?? "its services are: \(steps.map(\.service).joined(separator: ", "))")
                throw ExitCode(1)
            }
            let decision = completed.decisions.first { $0.service == step.service || step.referrals.contains($0.referral) }
            if decision?.decision == .declined || decision?.consent == false {
                console.fail("the person declined this referral; no letter is made")
                throw ExitCode(1)
            }
            text = ReferralLetter(words: Catalog.load(lang ?? "en"), language: lang)
                .html(completed, report: report, step: step, organisation: directory?.organisation, decision: decision)
        } else {
            text = IntakeSummary(includeSensitive: includeSensitive).markdown(completed, report: report, language: lang)
        }
        guard let output else { return console.print(text) }
        do { try SecureFile.writeAtomically(Array(text.utf8), to: output) } catch {
            console.fail(error)
            throw ExitCode(1)
        }
        console.print((letter == nil ? "Summary: " : "Letter: ") + output + "\n")
    }
}
