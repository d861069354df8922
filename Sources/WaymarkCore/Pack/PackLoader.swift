/// Loads and checks a rule pack from a directory of YAML files or a single file.
public enum PackLoader {
    /// The outcome of loading: the pack when it has no errors, and every diagnostic either way.
    public struct Result: Sendable {
        public var pack: Pack?
        public var diagnostics: [Diagnostic]
    }

    /// Reads and checks the pack at `path`; throws only when nothing can be read at all.
    public static func load(_ path: String) throws(FatalError) -> Result {
        let reader = SchemaReader()
        let files = try PackFiles.read(path, reader: reader)
        let pack = PackDecoder(reader: reader, files: files).decode()
        return Result(pack: pack, diagnostics: reader.bag.sorted)
    }

    /// Checks a pack held in memory as (file name, text) pairs, merged in the order given.
    public static func load(files: [(name: String, text: String)]) -> Result {
        let reader = SchemaReader()
        for file in files { SourceFiles.shared.register(file.name, text: file.text) }
        let merged = PackFiles.merge(files.map { ($0.name, Array($0.text.utf8)) }, reader: reader)
        let pack = PackDecoder(reader: reader, files: merged).decode()
        return Result(pack: pack, diagnostics: reader.bag.sorted)
    }

    /// Loads a pack that must be valid, for commands that evaluate with it.
    public static func loadValid(_ path: String) throws -> Pack {
        let result = try load(path)
        guard let pack = result.pack else { throw DiagnosticsError(result.diagnostics) }
        return pack
    }
}
