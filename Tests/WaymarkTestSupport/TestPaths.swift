import Foundation
@testable import WaymarkCore

/// Paths to the repository's folders, found from this file's place in the tree.
public enum TestPaths {
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let fixtures = repository.appendingPathComponent("Tests/WaymarkCoreTests/Fixtures")
    public static let yamlTestSuite = fixtures.appendingPathComponent("yaml-test-suite")
    public static let rules = repository.appendingPathComponent("Rules").path
    public static let examples = repository.appendingPathComponent("Examples").path

    public static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }
}

/// The shipped pack, loaded once for the whole test run.
public enum ShippedPack {
    public static let result: PackLoader.Result = (try? PackLoader.load(TestPaths.rules)) ?? PackLoader.Result(pack: nil, diagnostics: [])

    public static func pack() throws -> Pack {
        guard let pack = result.pack else { throw DiagnosticsError(result.diagnostics) }
        return pack
    }
}
