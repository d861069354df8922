import Foundation
import Testing
import WaymarkTestSupport
@testable import WaymarkCore

/// A JSON Lines line over the limit is one located error line; the lines around it are evaluated.
@Suite struct JSONLinesLimitsTests {
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
}
