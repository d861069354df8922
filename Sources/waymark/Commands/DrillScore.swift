import ArgumentParser
import WaymarkCore
import WaymarkWorkflows
import WaymarkRecords

extension Drill {
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "score",
            abstract: "Score a group's practice attempts on one scenario: a table, then what was missed most often.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

        @Option(help: ArgumentHelp("The scenario the attempts are for (a file or a shipped scenario's id).", valueName: "scenario"))
        var scenario: String

        @Argument(help: ArgumentHelp("Attempt files saved by 'drill practice'.", valueName: "attempts"))
        var attempts: [String]

        @OptionGroup var packOptions: PackOptions

        @Option(help: "Output format: text, markdown or json.")
        var format: Format = .text

        func run() throws {
            let output = Output()
            let pack = try packOptions.load(output: output)
            let scenario = try ScenarioLookup.find(self.scenario, pack: pack, output: output)
            var loaded: [PracticeAttempt] = []
            var failed = false
            for path in attempts {
                switch PracticeAttempt.load(path, pack: pack, sources: output.sources) {
                case .success(let attempt):
                    if attempt.scenario != scenario.id {
                        output.diagnostics([Diagnostic(code: "W9001", .warning, at: .file(path), "this attempt is for scenario '\(attempt.scenario.singleLineSafe)', not '\(scenario.id)'", suggestion: "left out")], summary: false)
                        continue
                    }
                    loaded.append(attempt)
                case .failure(let error):
                    output.diagnostics(error.diagnostics, summary: false)
                    failed = true
                }
            }
            let group = GroupScore(scenario: scenario, attempts: loaded, pack: pack)
            switch format {
            case .text: output.print(group.text())
            case .markdown: output.print(group.markdown())
            case .json: output.print(group.json.pretty + "\n")
            }
            if failed { throw ExitCode(1) }
        }
    }
}
