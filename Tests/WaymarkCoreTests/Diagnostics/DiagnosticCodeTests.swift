import Foundation
import Testing
import WaymarkTestSupport
@testable import WaymarkCore

/// Every message has a stable code, written beside the code that emits it, used once.
@Suite struct DiagnosticCodeTests {
    @Test func codesAreUniqueAcrossTheSources() throws {
        let root = TestPaths.repository.appendingPathComponent("Sources")
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var seen: [String: String] = [:], duplicates: [String] = []
        let regex = try Regex(#"code: "(W\d{4})""#)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
            for match in text.matches(of: regex) {
                guard let range = match.output[1].range else { continue }
                let code = String(text[range])
                if let first = seen[code] { duplicates.append("\(code) in \(first) and \(relative)") } else { seen[code] = relative }
            }
        }
        #expect(seen.count > 150)
        #expect(duplicates == [])
    }

    @Test(arguments: ["references.yaml", "split-pack"])
    func everyDiagnosticOfAnInvalidPackHasACode(_ fixture: String) throws {
        let diagnostics = try PackLoader.load(TestPaths.fixture("invalid-packs/\(fixture)")).diagnostics
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.filter { $0.code == nil }.map(\.description) == [])
    }

    @Test func conditionAndAnswerErrorsCarryTheirCodes() throws {
        #expect(TestPack.errors("""
            questions: [{id: age, type: number, prompt: Age?}]
            indicators: [{id: a, title: A, category: coercion, strength: weak, when: age = 3}]
            outcomes: [{id: none, title: None, when: true}]
            """).count == 1)
        let result = PackLoader.load(files: [("t.yaml", TestPack.header + """
            questions: [{id: age, type: number, prompt: Age?}]
            indicators: [{id: a, title: A, category: coercion, strength: weak, when: age = 3}]
            outcomes: [{id: none, title: None, when: true}]
            """)])
        #expect(result.diagnostics.map(\.code) == ["W2044"])
        let json = try #require(result.diagnostics.first?.json.compact)
        #expect(json.contains(#""code":"W2044""#))
    }
}
