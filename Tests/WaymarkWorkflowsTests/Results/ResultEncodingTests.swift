import Foundation
import Testing
@testable import WaymarkCore
import WaymarkTestSupport
@testable import WaymarkRecords
@testable import WaymarkWorkflows

@Suite struct JSONValueTests {
    @Test func stringsAreEscapedSoAnyParserReadsThemBack() throws {
        let tricky = "quote \" backslash \\ newline \n tab \t bell \u{7} C1 \u{85} separator \u{2028} Azərbaycan ✓"
        let json = JSONValue.object([("text", .string(tricky)), ("n", .number(2.5)), ("list", .array([.bool(true), .null]))]).compact
        #expect(json == #"{"text":"quote \" backslash \\ newline \n tab \t bell \u0007 C1 \u0085 separator \u2028 Azərbaycan ✓","n":2.5,"list":[true,null]}"#)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(decoded?["text"] as? String == tricky)
    }

    @Test func prettyKeepsKeyOrder() {
        #expect(JSONValue.object([("b", .number(1)), ("a", .array([]))]).pretty == "{\n  \"b\": 1,\n  \"a\": []\n}")
    }
}

@Suite struct ResultEncodingTests {
    /// The batch writer and the report encode the shipped scenarios' results, absent indicators included, the same way.
    @Test func writerAndReportAgree() throws {
        let pack = try PackLoader.loadValid(TestPaths.repository.appendingPathComponent("Rules").path)
        let writer = ResultLineWriter(pack: pack, all: true)
        for file in ScenarioLoader.files(in: [TestPaths.repository.appendingPathComponent("Examples/scenarios").path]).prefix(8) {
            let scenario = try #require(try ScenarioLoader(pack: pack).load(file).get())
            let report = ResultReport(Evaluator(pack: pack).evaluate(scenario.answers), pack: pack, all: true, caseID: scenario.id)
            let run = EvaluationRun(pack: pack, answers: scenario.answers)
            run.evaluate()
            let out = ByteBuffer()
            Array(JSONValue.string(scenario.id).compact.utf8).withUnsafeBufferPointer { writer.write(run, line: 1, id: $0, to: out) }
            #expect(String(decoding: out.bytes, as: UTF8.self) == report.json(line: 1).compact + "\n")
        }
    }
}
