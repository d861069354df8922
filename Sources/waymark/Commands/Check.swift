import ArgumentParser
import WaymarkCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load and validate a rule pack, reporting every error with its file, line and column.")

    @OptionGroup var packOptions: PackOptions

    func run() throws {
        let output = Output()
        let result: PackLoader.Result
        do {
            result = try PackLoader.load(packOptions.path)
        } catch {
            output.error(error.description)
            throw ExitCode(1)
        }
        guard let pack = result.pack else {
            output.diagnostics(result.diagnostics)
            throw ExitCode(1)
        }
        let analysis = StaticAnalysis(pack: pack)
        output.diagnostics((result.diagnostics + analysis.findings).sorted { $0.location < $1.location }, summary: false)
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
