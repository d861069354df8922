import Foundation
import Testing
@testable import WaymarkCore
import WaymarkTestSupport

/// Inputs the fuzzer once crashed on (Fixtures/fuzz-crashes, named TARGET-what); each must now be handled cleanly.
@Suite struct FuzzRegressionTests {
    /// The inputs fuzzing once crashed on must still be there to replay.
    @Test func crashInputsArePresent() { #expect(Self.crashes.count >= 2, "found \(Self.crashes.count) crash inputs") }

    static var crashes: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: TestPaths.fixture("fuzz-crashes"))) ?? []).sorted()
    }

    @Test(arguments: crashes)
    func crashInputIsRejectedCleanly(_ name: String) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("fuzz-crashes/\(name)"))))
        if name.hasPrefix("expression-") {
            #expect(throws: ExpressionError.self) { _ = try ExpressionParser.parse(String(decoding: bytes, as: UTF8.self)) }
        } else if name.hasPrefix("jsonl-") {
            #expect(throws: Diagnostic.self) { _ = try JSONNodeParser.parse(bytes, file: "crash.jsonl") }
        } else {
            Issue.record("no replay for \(name): name crash files TARGET-what")
        }
    }

    @Test func surrogatesMustPair() throws {
        func text(_ json: String) throws -> String? { try JSONNodeParser.parse(Array(json.utf8), file: "s").scalar?.text }
        #expect(try text(#""\ud83d\ude00""#) == "😀")
        #expect(throws: Diagnostic.self) { _ = try text(#""\udacc\udacc""#) }
        #expect(throws: Diagnostic.self) { _ = try text(#""\ude00""#) }
        #expect(throws: Diagnostic.self) { _ = try text(#""\ud83d x""#) }
    }

    @Test func deeplyNestedListsAndCallsHitTheDepthLimit() {
        for deep in [String(repeating: "[", count: 500), String(repeating: "count(", count: 500), String(repeating: "not [", count: 300)] {
            #expect(throws: ExpressionError.self) { _ = try ExpressionParser.parse(deep) }
        }
    }
}
