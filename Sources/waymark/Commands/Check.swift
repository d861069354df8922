import ArgumentParser
import WaymarkCore
import WaymarkWorkflows
import WaymarkRecords

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load and validate a rule pack, reporting every error with its file, line and column.")

    @OptionGroup var packOptions: PackOptions
    @OptionGroup var serviceOptions: ServiceOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Output format: text, or json with each diagnostic's place, severity, stable code and message.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Also list, for this language, every text that is missing or stale, and person-facing texts over the word limit.", valueName: "code"))
    var lang: String?

    func run() throws {
        let output = Output()
        if format == .json { return try runJSON(output: output) }
        let (pack, diagnostics) = try packOptions.loadWithDiagnostics(output: output)
        if let lang, !pack.info.languages.contains(lang) {
            output.fail("pack \(pack.info.id) has no '\(lang.singleLineSafe)' texts; its languages are \(pack.info.languages.joined(separator: ", "))",
                        suggestion: Suggestion.didYouMean(lang, in: pack.info.languages))
            throw ExitCode(1)
        }
        let analysis = StaticAnalysis(pack: pack)
        let wording = TranslationReport.wordingFindings(pack, languages: [pack.info.languages.first ?? "en"] + (lang.map { [$0] } ?? []))
        let findings = analysis.findings + wording + (try contactFindings(pack, output: output))
        output.diagnostics((diagnostics + findings).sorted { $0.location < $1.location }, summary: false)
        output.print(PackSummary.line(pack) + "\n")
        if pack.info.languages.count > 1 { output.print(TranslationReport.table(pack)) }
        if let lang, lang != pack.info.languages.first { output.print(TranslationReport.details(pack, language: lang)) }
        if !findings.isEmpty { output.print("\(DiagnosticRenderer.plural(findings.count, "finding")) from static analysis (warnings)\n") }
    }

    /// A warning for each service a referral can reach without a contact (one, naming them all, when there is no directory).
    private func contactFindings(_ pack: Pack, output: Output) throws -> [Diagnostic] {
        guard let directory = try serviceOptions.load(pack: pack, settings: try Settings.load(output: output), output: output) else {
            return ServiceDirectory.reachable(in: pack).contains { $0.contact == nil } ? [ServiceDirectory.missingFinding(pack)] : []
        }
        return directory.findings(pack)
    }

    /// Every diagnostic of the load and of static analysis as one JSON object; exit code 1 when the pack is invalid.
    private func runJSON(output: Output) throws {
        let result: PackLoader.Result
        do { result = try PackLoader.load(packOptions.path, sources: output.sources) } catch {
            output.print(JSONValue.object([("valid", .bool(false)), ("diagnostics", .array([error.diagnostic.json]))]).pretty + "\n")
            throw ExitCode(1)
        }
        var diagnostics = result.diagnostics
        if let pack = result.pack {
            diagnostics += StaticAnalysis(pack: pack).findings + TranslationReport.wordingFindings(pack, languages: [pack.info.languages.first ?? "en"])
                + (try contactFindings(pack, output: output))
        }
        var fields: [(String, JSONValue)] = [("valid", .bool(result.pack != nil))]
        if let pack = result.pack {
            fields.append(("pack", .object([("id", .string(pack.info.id)), ("version", .string(pack.info.version)), ("hash", .string(pack.contentHash))])))
        }
        fields.append(("diagnostics", .array(diagnostics.sorted { $0.location < $1.location }.map(\.json))))
        output.print(JSONValue.object(fields).pretty + "\n")
        if result.pack == nil { throw ExitCode(1) }
    }
}

/// One line describing a valid pack.
enum PackSummary {
    static func line(_ pack: Pack) -> String {
        "\(pack.info.id) \(pack.info.version) is valid: \(pack.questions.count) questions, \(pack.indicators.count) indicators, "
            + "\(pack.outcomes.count) outcomes, \(pack.referrals.count) referrals, \(pack.notices.count) notices"
    }
}
