/// Loads a rule pack and runs every check, its rules' inline examples included: what commands and tests use.
public enum PackLoader {
    /// The pack, if it loaded without errors, and every diagnostic found.
    public typealias Result = PackReader.Result

    /// Reads, checks and runs the examples of the pack at `path`; throws only when nothing can be read at all.
    /// The pack's files are registered in `sources`, for rendering the diagnostics.
    public static func load(_ path: String, sources: SourceFiles = SourceFiles()) throws(FatalError) -> Result {
        let (result, reader) = try PackReader.read(path, sources: sources)
        return withExamplesChecked(result, reader)
    }

    /// The same for a pack held in memory as (file name, text) pairs, merged in the order given.
    public static func load(files: [(name: String, text: String)], sources: SourceFiles = SourceFiles()) -> Result {
        let (result, reader) = PackReader.read(files: files, sources: sources)
        return withExamplesChecked(result, reader)
    }

    /// Loads a pack that must be valid, for commands that evaluate with it.
    public static func loadValid(_ path: String, sources: SourceFiles = SourceFiles()) throws -> Pack {
        let result = try load(path, sources: sources)
        guard let pack = result.pack else { throw DiagnosticsError(result.diagnostics) }
        return pack
    }

    private static func withExamplesChecked(_ result: Result, _ reader: SchemaReader) -> Result {
        guard let pack = result.pack, !pack.exampleNodes.isEmpty else { return result }
        RuleExamples.check(RuleExamples.decode(pack, reader: reader), pack: pack, reader: reader)
        return Result(pack: reader.bag.hasErrors ? nil : pack, diagnostics: reader.bag.sorted)
    }
}
