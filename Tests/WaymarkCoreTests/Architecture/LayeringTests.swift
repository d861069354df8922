import Foundation
import Testing
import WaymarkTestSupport

/// The folders of each target name a pipeline, and each folder uses only the folders before it. The targets themselves
/// enforce the larger cuts (the engine cannot see records or workflows); this test enforces the order inside them.
@Suite struct LayeringTests {
    static let layers: [(target: String, folders: [String])] = [
        ("WaymarkCore", ["Diagnostics", "Localization", "YAML", "Expression", "Pack", "Answers", "Evaluation", "Results", "Batch", "Checks"]),
        ("WaymarkWorkflows", ["Translation", "Intake", "Drill", "Coverage"]),
    ]

    /// Top-level type declarations: `public struct Name`, `enum Name`, and so on, at the start of a line.
    static var declaration: Regex<AnyRegexOutput> { try! Regex(#"(?m)^(?:(?:public|package|internal|fileprivate|private|final|indirect)\s+)*(?:struct|class|enum|protocol|typealias|actor)\s+([A-Z][A-Za-z0-9_]*)"#) }

    struct SourceFile {
        var folder: String
        var name: String
        var code: String
    }

    static func files(in target: String) throws -> [SourceFile] {
        let root = TestPaths.repository.appendingPathComponent("Sources/\(target)")
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var files: [SourceFile] = []
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
            files.append(SourceFile(folder: String(relative.split(separator: "/").first ?? ""), name: relative, code: Self.withoutCommentsAndStrings(text)))
        }
        return files
    }

    /// Comments and string literals removed, so that words in them do not count as references.
    static func withoutCommentsAndStrings(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var out = "", inString = false, escaped = false
            var previous: Character = " "
            for ch in line {
                if inString {
                    if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == "\"" { inString = false }
                    continue
                }
                if ch == "/", previous == "/" { out.removeLast(); break }
                if ch == "\"" { inString = true; continue }
                out.append(ch)
                previous = ch
            }
            return out
        }
        return lines.joined(separator: "\n")
    }

    @Test(arguments: layers.map(\.target))
    func everyFolderUsesOnlyTheFoldersBeforeIt(_ target: String) throws {
        let folders = Self.layers.first { $0.target == target }!.folders
        let files = try Self.files(in: target)
        #expect(files.count >= 20, "the sources of \(target) went missing")
        #expect(Set(files.map(\.folder)).subtracting(folders).isEmpty, "a folder of \(target) is not in the layer list: \(Set(files.map(\.folder)).subtracting(folders))")
        var owner: [String: String] = [:]
        for file in files {
            for match in file.code.matches(of: Self.declaration) {
                if let range = match.output[1].range { owner[String(file.code[range])] = owner[String(file.code[range])] ?? file.folder }
            }
        }
        var violations: [String] = []
        for file in files {
            guard let rank = folders.firstIndex(of: file.folder) else { continue }
            let words = Set(file.code.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init))
            for (type, folder) in owner where folders.firstIndex(of: folder)! > rank && words.contains(type) {
                violations.append("\(file.name) (\(file.folder)) uses \(type) from the later folder \(folder)")
            }
        }
        #expect(violations.sorted() == [])
    }

    @Test func theEngineLinksNoCryptographyAndNoWorkflow() throws {
        let manifest = try String(contentsOf: TestPaths.repository.appendingPathComponent("Package.swift"), encoding: .utf8)
        let core = try #require(manifest.range(of: #"name: "WaymarkCore",\s*dependencies: \[[^\]]*\]"#, options: .regularExpression))
        #expect(manifest[core].contains("\"CLibYAML\""))
        #expect(!manifest[core].contains("Crypto") && !manifest[core].contains("Workflows") && !manifest[core].contains("Records"))
        for file in try Self.files(in: "WaymarkCore") {
            #expect(!file.code.contains("import Crypto") && !file.code.contains("import WaymarkRecords"), "\(file.name)")
        }
    }
}
