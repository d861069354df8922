/// Reads a rule pack from a directory of YAML files or a single file: every key checked, every reference resolved,
/// every condition type-checked. `PackLoader` adds the checks that need evaluation.
public enum PackReader {
    /// The outcome of reading: the pack when it has no errors, and every diagnostic either way.
    public struct Result: Sendable {
        public var pack: Pack?
        public var diagnostics: [Diagnostic]
    }

    /// Reads and checks the pack at `path`; throws only when nothing can be read at all.
    public static func read(_ path: String, sources: SourceFiles) throws(FatalError) -> (Result, SchemaReader) {
        let reader = SchemaReader(sources: sources)
        let files = try PackFiles.read(path, reader: reader)
        let pack = PackDecoder(reader: reader, files: files).decode()
        return (Result(pack: pack, diagnostics: reader.bag.sorted), reader)
    }

    /// Checks a pack held in memory as (file name, text) pairs, merged in the order given.
    public static func read(files: [(name: String, text: String)], sources: SourceFiles) -> (Result, SchemaReader) {
        let reader = SchemaReader(sources: sources)
        for file in files { sources.register(file.name, text: file.text) }
        let merged = PackFiles.merge(files.map { ($0.name, Array($0.text.utf8)) }, reader: reader)
        let pack = PackDecoder(reader: reader, files: merged).decode()
        return (Result(pack: pack, diagnostics: reader.bag.sorted), reader)
    }
}
