import ArgumentParser
import WaymarkCore
import WaymarkWorkflows
import WaymarkRecords

extension Drill {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Evaluate scenarios against the pack and report each as passed or failed, with the differences.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, junit }

        @Argument(help: ArgumentHelp("Scenario files or directories (default: the shipped Examples/).", valueName: "paths"))
        var paths: [String] = []

        @OptionGroup var packOptions: PackOptions

        @Option(help: "Output format: text, json or junit.")
        var format: Format = .text

        @Option(help: "Run only scenarios whose id contains this text.")
        var filter: String?

        @Flag(help: "Fail when a story gives its result away (it names the outcome, trafficking or a referral); warned about either way.")
        var strict = false

        @Flag(name: .shortAndLong, help: "List passing scenarios too.")
        var verbose = false

        func run() throws {
            let output = Output()
            let pack = try packOptions.load(output: output)
            let loader = ScenarioLoader(pack: pack, sources: output.sources)
            let explicitFiles = !paths.isEmpty && paths.allSatisfy { !TextFile.isDirectory($0) }
            var (scenarios, failures) = loader.load(ScenarioLoader.files(in: paths.isEmpty ? [ShippedContent.examplesPath] : paths), strict: explicitFiles)
            if let filter {
                scenarios = scenarios.filter { $0.id.contains(filter) }
                if scenarios.isEmpty, failures.isEmpty {
                    output.fail("no scenario id contains '\(filter.singleLineSafe)'", suggestion: "'waymark drill list' shows them")
                    throw ExitCode(1)
                }
            }
            let giveaways = NarrativeGiveaways.findings(scenarios)
            if format == .text { output.diagnostics(giveaways, summary: false) }
            let runner = ScenarioRunner(pack: pack)
            let report = DrillReport(outcomes: scenarios.map(runner.run), failures: failures)
            switch format {
            case .text: output.print(report.text(renderer: output.sources.renderer(colour: output.colour), verbose: verbose))
            case .json: output.print(report.json.pretty + "\n")
            case .junit: output.print(report.junit)
            }
            if !report.allPassed || (strict && !giveaways.isEmpty) { throw ExitCode(1) }
        }
    }
}
