import ArgumentParser
import WaymarkCore
import WaymarkWorkflows
import WaymarkRecords

extension Drill {
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "score",
            abstract: "Score a group's practice attempts: per scenario, a table, then what was missed most often.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

        @Option(help: ArgumentHelp("Score only attempts at this scenario (a file or a shipped scenario's id); by default each attempt's own scenario, grouped.", valueName: "scenario"))
        var scenario: String?

        @Argument(help: ArgumentHelp("Attempt files saved by 'drill practice'.", valueName: "attempts"))
        var attempts: [String]

        @OptionGroup var packOptions: PackOptions

        @Option(help: "Output format: text, markdown or json.")
        var format: Format = .text

        func run() throws {
            let output = Output()
            let pack = try packOptions.load(output: output)
            let chosen = try scenario.map { try ScenarioLookup.find($0, pack: pack, output: output) }
            var groups: [(scenario: String, attempts: [PracticeAttempt])] = []
            var failed = false
            for path in attempts {
                switch PracticeAttempt.load(path, pack: pack, sources: output.sources) {
                case .success(let attempt):
                    if let chosen, attempt.scenario != chosen.id {
                        output.diagnostics([Diagnostic(code: "W9001", .warning, at: .file(path), "this attempt is for scenario '\(attempt.scenario.singleLineSafe)', not '\(chosen.id)'", suggestion: "left out")], summary: false)
                        continue
                    }
                    if let g = groups.firstIndex(where: { $0.scenario == attempt.scenario }) { groups[g].attempts.append(attempt) } else { groups.append((attempt.scenario, [attempt])) }
                case .failure(let error):
                    output.diagnostics(error.diagnostics, summary: false)
                    failed = true
                }
            }
            var scores: [GroupScore] = []
            for group in groups {
                let scenario = try chosen ?? ScenarioLookup.find(group.scenario, pack: pack, output: output)
                scores.append(GroupScore(scenario: scenario, attempts: group.attempts, pack: pack))
            }
            if scores.isEmpty, let chosen { scores = [GroupScore(scenario: chosen, attempts: [], pack: pack)] }
            switch format {
            case .text: output.print(scores.map { $0.text() }.joined(separator: "\n"))
            case .markdown: output.print(scores.map { $0.markdown() }.joined(separator: "\n"))
            case .json: output.print((scores.count == 1 ? scores[0].json : .array(scores.map(\.json))).pretty + "\n")
            }
            if failed { throw ExitCode(1) }
        }
    }
}
