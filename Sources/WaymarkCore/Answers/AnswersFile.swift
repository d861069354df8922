/// Answers files on disk: one YAML or JSON document, or JSON Lines for batches.
public enum AnswersFile {
    /// One answers document from a file (or `-` for standard input), with any problems found.
    public static func load(_ path: String, pack: Pack, sources: SourceFiles = SourceFiles()) throws(FatalError)
        -> (id: String?, answers: AnswerSet?, diagnostics: [Diagnostic]) {
        let bytes = try TextFile.read(path, sources: sources)
        let name = path == "-" ? "<stdin>" : path
        let reader = SchemaReader(sources: sources)
        do {
            guard let node = try YAMLLoader.document(bytes, file: name) else {
                reader.bag.error(code: "W4004", at: SourceLocation(file: name, line: 1, column: 1), "the answers file is empty",
                                 suggestion: "write 'answers:' followed by question ids and answers")
                return (nil, nil, reader.bag.sorted)
            }
            let (id, answers) = AnswersDecoder(pack: pack).decodeDocument(node, reader: reader)
            return (id, reader.bag.hasErrors ? nil : answers, reader.bag.sorted)
        } catch {
            return (nil, nil, [error])
        }
    }
}
