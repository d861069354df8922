import Foundation
import Testing
@testable import WaymarkCore

/// JSON values written for results and records: escaped so any parser reads them back, keys in order.
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
