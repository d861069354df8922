import ArgumentParser
import WaymarkCore
import WaymarkWorkflows

extension Drill {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the scenarios with their titles, in a language the pack has.")

        @Argument(help: ArgumentHelp("Scenario files or directories (default: the shipped Examples/).", valueName: "paths"))
        var paths: [String] = []

        @OptionGroup var packOptions: PackOptions

        @Option(help: ArgumentHelp("Language of the titles (default: the pack's first).", valueName: "code"))
        var lang: String?

        @Flag(help: "Print JSON for scripts.")
        var json = false

        func run() throws {
            let output = Output()
            let pack = try packOptions.load(output: output)
            let (scenarios, failures) = ScenarioLoader(pack: pack, sources: output.sources)
                .load(ScenarioLoader.files(in: paths.isEmpty ? [ShippedContent.examplesPath] : paths))
            for failure in failures { output.diagnostics(failure.diagnostics, summary: false) }
            if json {
                output.print(JSONValue.array(scenarios.map { s in
                    .object([("id", .string(s.id)), ("title", .string(s.title.text(lang))), ("file", .string(s.file)),
                             ("languages", .array(pack.info.languages.filter { s.narrative.values[$0] != nil }.map(JSONValue.string)))])
                }).pretty + "\n")
            } else {
                let width = min(48, scenarios.map(\.id.count).max() ?? 0)
                for s in scenarios {
                    output.print(s.id.padding(toLength: max(width, s.id.count), withPad: " ", startingAt: 0) + "  " + s.title.text(lang).singleLineSafe + "\n")
                }
            }
            if !failures.isEmpty { throw ExitCode(1) }
        }
    }
}
