import Foundation

/// Paths to the repository's folders, found from this file's place in the tree.
enum TestPaths {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let yamlTestSuite = repository.deletingLastPathComponent().appendingPathComponent("shared/yaml-test-suite")

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }
}
