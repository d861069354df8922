import Foundation
import Testing
@testable import WaymarkCore
import WaymarkTestSupport

/// Each input limit rejects with a clear error that names the limit.
@Suite struct LimitsTests {
    @Test func conditionLengthLimit() {
        let long = Array(repeating: "age > 1", count: 700).joined(separator: " and ")
        #expect(throws: ExpressionError("condition is \(long.count) characters, over the limit of 4000", at: 0..<0)) {
            _ = try ExpressionParser.parse(long)
        }
    }

    @Test func conditionDepthLimit() {
        let deep = String(repeating: "(", count: 60) + "true" + String(repeating: ")", count: 60)
        #expect(throws: ExpressionError("condition nests deeper than 48 levels", at: 48..<49)) { _ = try ExpressionParser.parse(deep) }
        let nots = String(repeating: "not ", count: 60) + "true"
        #expect((try? ExpressionParser.parse(nots)) == nil)
    }

    @Test func jsonLinesLineLengthLimit() throws {
        let pack = try TestPack.load("""
            questions: [{id: age, type: number, prompt: Age?}]
            outcomes: [{id: none, title: None, when: true}]
            """)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-long-\(UUID().uuidString).jsonl").path
        let long = "{\"answers\": {\"age\": 3" + String(repeating: " ", count: 2_000) + "}}"
        try ("{\"answers\": {\"age\": 1}}\n" + long + "\n{\"answers\": {\"age\": 2}}\n").write(toFile: path, atomically: true, encoding: .utf8)
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        var lines: [String] = []
        var evaluator = JSONLinesEvaluator(pack: pack)
        evaluator.maxLineLength = 1_000
        let invalid = evaluator.run(file: "long.jsonl", input: LineReader(fileDescriptor: fd, maxLineLength: 1_000), write: { lines += String(decoding: Array($0), as: UTF8.self).split(separator: "\n").map { $0 + "\n" } }, report: { _ in })
        #expect(invalid == 1)
        #expect(lines.count == 3)
        #expect(lines.count == 3 && lines[1] == #"{"line":2,"errors":["long.jsonl:2:1: error: line is 2023 bytes, over the limit of 1000 bytes"]}"# + "\n")
        #expect(lines.count == 3 && lines[2].hasPrefix(#"{"line":3,"#))
    }

    @Test func yamlLimitsNameTheLimit() {
        func message(_ text: String, _ limits: YAMLLimits) -> String? {
            do { _ = try YAMLLoader.documents(Array(text.utf8), file: "f", limits: limits); return nil } catch { return error.message }
        }
        #expect(message("a: 1\n", YAMLLimits(maxBytes: 3)) == "file is 5 bytes, over the limit of 3 bytes")
        #expect(message("[[[1]]]", YAMLLimits(maxDepth: 2)) == "nesting deeper than the limit of 2 levels")
        #expect(message("a: &x [1, 2, 3]\nb: [*x, *x, *x]\n", YAMLLimits(maxNodes: 10)) == "document grows past the limit of 10 nodes (aliases count once per use)")
        #expect(message("a\n---\nb\n---\nc\n", YAMLLimits(maxDocuments: 2)) == "more than 2 documents in one file")
    }
}
