import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkWorkflows
import WaymarkRecords

struct Coverage: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rule and condition coverage by the scenarios, static analysis, witnesses and traceability to the sources.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @OptionGroup var packOptions: PackOptions

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Scenario files or folders (default: the shipped Examples/).", valueName: "paths"))
    var scenarios: [String] = []

    @Option(help: "Output format: text, json or markdown.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Also write the JSON report to this file.", valueName: "file"))
    var outputJson: String?

    @Option(help: ArgumentHelp("Also write the Markdown report to this file.", valueName: "file"))
    var outputMarkdown: String?

    @Option(help: ArgumentHelp("Exit 1 when rule coverage (indicators, outcomes, referrals, notices) is below this percentage.", valueName: "pct"))
    var failUnder: Double?

    @Flag(help: "Include the traceability matrix: source items → rules → scenarios.")
    var trace = false

    @Option(help: ArgumentHelp("Write a draft scenario for each rule no scenario reaches, from its witness.", valueName: "dir"))
    var suggest: String?

    func run() throws {
        let output = Output()
        let pack = try packOptions.load(output: output)
        let (found, failures) = ScenarioLoader(pack: pack, sources: output.sources).load(ScenarioLoader.files(in: scenarios.isEmpty ? [ShippedContent.examplesPath] : scenarios))
        for failure in failures { output.diagnostics(failure.diagnostics, summary: false) }
        let report = CoverageReport(pack: pack, scenarios: found, trace: trace || format == .markdown, witnesses: true)
        switch format {
        case .text: output.print(report.text())
        case .json: output.print(report.json.pretty + "\n")
        case .markdown: output.print(report.markdown())
        }
        do {
            if let outputJson { try SecureFile.writeAtomically(Array((report.json.pretty + "\n").utf8), to: outputJson) }
            if let outputMarkdown { try SecureFile.writeAtomically(Array(report.markdown().utf8), to: outputMarkdown) }
            if let suggest {
                try SecureFile.makeDirectory(suggest, requirePrivate: false)
                let scaffold = ScenarioScaffold(pack: pack)
                for witness in report.witnesses {
                    guard let answers = witness.answers else { continue }
                    let id = WitnessSearch.scenarioID(forRule: witness.rule)
                    try SecureFile.writeAtomically(Array(scaffold.yaml(id: id, answers: answers).utf8), to: "\(suggest)/\(id).yaml")
                    output.error("wrote \(suggest)/\(id).yaml")
                }
            }
        } catch {
            output.fail(error)
            throw ExitCode(1)
        }
        if let failUnder, report.coverage.rulePercent < failUnder {
            output.fail("rule coverage \(CoverageReport.percent(report.coverage.rulePercent)) is below --fail-under \(failUnder.formatted)%")
            throw ExitCode(1)
        }
        if !failures.isEmpty { throw ExitCode(1) }
    }
}
