import Foundation
import Testing
@testable import WaymarkCore

/// Inputs the fuzzer once crashed on (Fixtures/fuzz-crashes, named TARGET-what); each must now be handled cleanly.
@Suite struct FuzzRegressionTests {
    static var crashes: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: TestPaths.fixture("fuzz-crashes"))) ?? []).sorted()
    }

    @Test(arguments: crashes)
    func crashInputIsRejectedCleanly(_ name: String) throws {
        let text = try String(contentsOfFile: TestPaths.fixture("fuzz-crashes/\(name)"), encoding: .utf8)
        if name.hasPrefix("expression-") {
            #expect(throws: ExpressionError.self) { _ = try ExpressionParser.parse(text) }
        }
    }

    @Test func deeplyNestedListsAndCallsHitTheDepthLimit() {
        for deep in [String(repeating: "[", count: 500), String(repeating: "count(", count: 500), String(repeating: "not [", count: 300)] {
            #expect(throws: ExpressionError.self) { _ = try ExpressionParser.parse(deep) }
        }
    }
}
