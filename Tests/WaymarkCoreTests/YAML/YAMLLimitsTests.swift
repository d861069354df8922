import Testing
@testable import WaymarkCore

/// Each YAML limit rejects with a clear error that names the limit.
@Suite struct YAMLLimitsTests {
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
