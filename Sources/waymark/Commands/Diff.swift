import ArgumentParser
import WaymarkCore
import WaymarkWorkflows
import WaymarkRecords

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two versions of a pack: rules added, removed or changed, and every case whose result would change.",
        discussion: "Exit 1 when any case would change, unless --accept: a pack release is reviewed like code.")

    @Argument(help: ArgumentHelp("The pack as it was.", valueName: "old-pack"))
    var oldPack: String

    @Argument(help: ArgumentHelp("The pack as it is now.", valueName: "new-pack"))
    var newPack: String

    @Argument(help: ArgumentHelp("Scenarios, intake records or answers files, or folders of them (default: the shipped Examples/).", valueName: "cases"))
    var cases: [String] = []

    @Flag(help: "Exit 0 even when cases change: the changes are intended.")
    var accept = false

    func run() throws {
        let output = Output()
        let old = try PackOptions(pack: oldPack).load(output: output)
        let new = try PackOptions(pack: newPack).load(output: output)
        var loaded: [DiffCase] = []
        var failed = false
        let files = ScenarioLoader.files(in: cases.isEmpty ? [ShippedContent.examplesPath] : cases, extensions: ["yaml", "yml", "json"])
        for file in files {
            switch DiffCase.load(file, sources: output.sources) {
            case .success(let c): loaded.append(c)
            case .failure(let error):
                output.diagnostics(error.diagnostics, summary: false)
                failed = true
            }
        }
        let diff = PackDiff(old: old, new: new, cases: loaded)
        output.print(diff.text())
        if failed || (!diff.changedCases.isEmpty && !accept) { throw ExitCode(1) }
    }
}

extension PackOptions {
    init(pack: String) {
        self.init()
        self.pack = pack
    }
}
