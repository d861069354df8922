import ArgumentParser
import WaymarkCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load and validate a rule pack, reporting every error with its file, line and column.")

    @OptionGroup var packOptions: PackOptions

    func run() throws {
        let output = Output()
        let (pack, diagnostics) = try packOptions.loadWithDiagnostics(output: output)
        let analysis = StaticAnalysis(pack: pack)
        output.diagnostics((diagnostics + analysis.findings).sorted { $0.location < $1.location }, summary: false)
        output.print(PackSummary.line(pack) + "\n")
        if !analysis.findings.isEmpty { output.print("\(DiagnosticRenderer.plural(analysis.findings.count, "finding")) from static analysis (warnings)\n") }
    }
}

/// One line describing a valid pack.
enum PackSummary {
    static func line(_ pack: Pack) -> String {
        "\(pack.info.id) \(pack.info.version) is valid: \(pack.questions.count) questions, \(pack.indicators.count) indicators, "
            + "\(pack.outcomes.count) outcomes, \(pack.referrals.count) referrals, \(pack.notices.count) notices"
    }
}
