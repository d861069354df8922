import Testing
@testable import WaymarkCore

/// Conditions over the length or nesting limit are rejected with a message that names the limit.
@Suite struct ExpressionLimitsTests {
    @Test func conditionLengthLimit() {
        let long = Array(repeating: "age > 1", count: 700).joined(separator: " and ")
        #expect(throws: ExpressionError(code: "W2035", "condition is \(long.count) characters, over the limit of 4000", at: 0..<0)) {
            _ = try ExpressionParser.parse(long)
        }
    }

    @Test func conditionDepthLimit() {
        let deep = String(repeating: "(", count: 60) + "true" + String(repeating: ")", count: 60)
        #expect(throws: ExpressionError(code: "W2039", "condition nests deeper than 48 levels", at: 48..<49)) { _ = try ExpressionParser.parse(deep) }
        let nots = String(repeating: "not ", count: 60) + "true"
        #expect((try? ExpressionParser.parse(nots)) == nil)
    }
}
