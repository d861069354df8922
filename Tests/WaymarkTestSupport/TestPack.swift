import Foundation
import Testing
@testable import WaymarkCore

/// Small packs and answers written inline in tests.
public enum TestPack {
    /// A header and one section, so tests write only the parts they are about.
    public static let header = """
        pack: {id: test, version: 1.0.0, title: Test}
        sources:
          - id: src
            title: Source
            items: [{id: one, text: First item}]
        categories: [{id: coercion, title: Coercion}, {id: conditions, title: Conditions}]
        sections: [{id: about, title: About}]

        """

    public static func load(_ body: String, name: String = #function) throws -> Pack {
        let result = PackLoader.load(files: [(name: "\(name).yaml", text: header + body)])
        guard let pack = result.pack else {
            Issue.record("pack did not load:\n\(result.diagnostics.map(\.description).joined(separator: "\n"))")
            throw DiagnosticsError(result.diagnostics)
        }
        return pack
    }

    /// The diagnostics for a pack body, as one-line strings with line numbers relative to the body.
    public static func errors(_ body: String, name: String = #function) -> [String] {
        let offset = header.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        return PackLoader.load(files: [(name: "t.yaml", text: header + body)]).diagnostics.map { d in
            var d = d
            d.location.line -= offset
            return d.description
        }
    }

    public static func answers(_ pack: Pack, _ yaml: String) throws -> AnswerSet {
        let reader = SchemaReader()
        let node = try #require(try YAMLLoader.document("answers:\n" + yaml.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"), file: "answers.yaml"))
        let (_, set) = AnswersDecoder(pack: pack).decodeDocument(node, reader: reader)
        #expect(reader.bag.diagnostics.isEmpty, "\(reader.bag.diagnostics)")
        return set
    }

    public static func evaluate(_ pack: Pack, _ yaml: String) throws -> Evaluation {
        Evaluator(pack: pack).evaluate(try answers(pack, yaml))
    }
}
