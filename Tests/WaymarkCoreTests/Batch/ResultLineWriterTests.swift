import Foundation
import Testing
import WaymarkTestSupport
@testable import WaymarkCore

/// The batch writer (the fast twin of `ResultReport`) encodes results exactly as the report does.
@Suite struct ResultLineWriterTests {
    /// The batch writer and the report encode the shipped scenarios' results, absent indicators included, the same way.
    @Test func writerAndReportAgree() throws {
        let pack = try ShippedPack.pack()
        let writer = ResultLineWriter(pack: pack, all: true)
        let folder = TestPaths.repository.appendingPathComponent("Examples/scenarios").path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 60)
        for name in files.prefix(12) {
            let file = folder + "/" + name
            let scenario = try #require(try YAMLLoader.document(TextFile.read(file), file: file)?.value(for: "scenario"))
            let id = scenario.value(for: "id")?.scalar?.text ?? name
            let answers = AnswersDecoder(pack: pack).decodeAnswers(try #require(scenario.value(for: "answers")), reader: SchemaReader())
            let report = ResultReport(Evaluator(pack: pack).evaluate(answers), pack: pack, all: true, caseID: id)
            let run = EvaluationRun(pack: pack, answers: answers)
            run.evaluate()
            let out = ByteBuffer()
            Array(JSONValue.string(id).compact.utf8).withUnsafeBufferPointer { writer.write(run, line: 1, id: $0, to: out) }
            #expect(String(decoding: out.bytes, as: UTF8.self) == report.json(line: 1).compact + "\n")
        }
    }
}
