import Foundation
import Testing
@testable import WaymarkCore
import WaymarkTestSupport

/// Loads each invalid pack under Fixtures/invalid-packs and compares its diagnostics with the markers in the files.
@Suite struct PackErrorFixtureTests {
    /// The suite is driven by files on disk: it must not pass with zero cases if they go missing.
    @Test func fixturesArePresent() { #expect(Self.fixtures.count >= 4, "found \(Self.fixtures.count) invalid-pack fixtures") }

    static var fixtures: [String] {
        let directory = TestPaths.fixture("invalid-packs")
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    @Test(arguments: fixtures)
    func diagnosticsMatchMarkers(_ name: String) throws {
        let path = TestPaths.fixture("invalid-packs/\(name)")
        let files = TextFile.isDirectory(path) ? try TextFile.yamlFiles(in: path) : [path]
        var expected: [String] = []
        for file in files { expected += try Self.markers(in: file) }
        let actual = try PackLoader.load(path).diagnostics.map(\.description)
        #expect(actual == expected.sorted { Self.order($0) < Self.order($1) })
    }

    @Test func duplicateAcrossFilesNamesBothPlaces() throws {
        let path = TestPaths.fixture("invalid-packs/split-pack")
        let sources = SourceFiles()
        let diagnostics = try PackLoader.load(path, sources: sources).diagnostics
        let duplicate = try #require(diagnostics.first { $0.message.hasPrefix("duplicate indicator") })
        #expect(duplicate.notes.map(\.description) == ["\(path)/a.yaml:6:10: note: 'documents' was first defined here"])
        let rendered = sources.renderer(colour: false).render(duplicate)
        #expect(rendered == """
            \(path)/b.yaml:4:10: error: duplicate indicator id 'documents'
                  - {id: documents, title: Documents again, category: coercion, strength: strong, when: withheld}
                         ^
            \(path)/a.yaml:6:10: note: 'documents' was first defined here
                  - {id: documents, title: Documents, category: coercion, strength: strong, when: withheld}
                         ^

            """)
    }

    /// Expected diagnostics from `# ^ severity: message` lines: the caret's column on the nearest line above that is not a marker.
    static func markers(in file: String) throws -> [String] {
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        var result: [String] = []
        var target = 0
        for (i, line) in lines.enumerated() {
            guard line.hasPrefix("#"), let caret = line.firstIndex(of: "^"),
                  line[line.index(after: caret)...].hasPrefix(" error:") || line[line.index(after: caret)...].hasPrefix(" warning:") else {
                target = i + 1
                continue
            }
            // "#^" points at column 1, where a caret cannot stand after the comment sign.
            let column = line.hasPrefix("#^") ? 1 : line.distance(from: line.startIndex, to: caret) + 1
            let text = line[line.index(caret, offsetBy: 2)...]
            result.append("\(file):\(target):\(column): \(text)")
        }
        return result
    }

    static func order(_ line: String) -> (Int, Int) {
        let parts = line.split(separator: ":")
        return (Int(parts[1]) ?? 0, Int(parts[2]) ?? 0)
    }
}
