import Foundation
import Testing
@testable import WaymarkCore

@Suite struct JSONNodeParserTests {
    /// Every JSON value in the YAML test suite's in.json files.
    static var corpus: [String] {
        YAMLTestSuiteTests.cases.flatMap { testCase -> [String] in
            guard let data = try? Data(contentsOf: testCase.directory.appendingPathComponent("in.json")) else { return [] }
            return JSONStream.pieces(String(decoding: data, as: UTF8.self))
        }
    }

    @Test func readsJSONExactlyAsTheYAMLLayerDoes() throws {
        let corpus = Self.corpus
        #expect(corpus.count > 200)
        for text in corpus {
            let fast = try JSONNodeParser.parse(Array(text.utf8), file: "t")
            let expected = JSONStream.values(text).first
            #expect(CoreSchema.value(fast) == expected, "\(text)")
            if let viaYAML = try? YAMLLoader.document(text, file: "t") {
                #expect(CoreSchema.value(fast) == CoreSchema.value(viaYAML), "\(text)")
            }
        }
    }

    @Test func locatesErrorsOnTheirLineAndColumn() {
        func error(_ text: String) -> String {
            do {
                _ = try JSONNodeParser.parse(Array(text.utf8), file: "batch.jsonl", line: 7)
                return "no error"
            } catch {
                return error.description
            }
        }
        #expect(error(#"{"answers": {"age": }}"#) == "batch.jsonl:7:21: error: expected a JSON value")
        #expect(error(#"{"a": 1, "a": 2}"#) == "batch.jsonl:7:10: error: duplicate key 'a'")
        #expect(error(#"{"é": tru}"#) == "batch.jsonl:7:7: error: 'tru' is not a JSON value")
        #expect(error(#"{"a": "x"#) == "batch.jsonl:7:7: error: unterminated string")
        #expect(error(#"{"a": 1} x"#) == "batch.jsonl:7:10: error: unexpected text after the JSON value")
        #expect(error(String(repeating: "[", count: 80)) == "batch.jsonl:7:65: error: nesting deeper than the limit of 64 levels")
    }
}
