import ArgumentParser
import WaymarkCore
import WaymarkWorkflows
import WaymarkRecords

/// The `--pack` option every command shares.
struct PackOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The rule pack: a directory of YAML files or one file.", discussion: "Defaults to $WAYMARK_PACK, then the shipped pack.", valueName: "path"))
    var pack: String?

    /// The pack path to use: the flag, then the environment, then the shipped pack.
    var path: String { pack ?? ShippedContent.packPath }

    /// Loads a valid pack, or prints its errors and exits 1.
    func load(output: Output) throws -> Pack {
        try loadWithDiagnostics(output: output).pack
    }

    /// Loads a valid pack with what the loader said about it (warnings), or prints its errors and exits 1.
    func loadWithDiagnostics(output: Output) throws -> (pack: Pack, diagnostics: [Diagnostic]) {
        do {
            let result = try PackLoader.load(path, sources: output.sources)
            guard let pack = result.pack else {
                output.diagnostics(result.diagnostics)
                throw ExitCode(1)
            }
            return (pack, result.diagnostics)
        } catch let error as FatalError {
            output.fail(error)
            throw ExitCode(1)
        }
    }
}
