import Foundation
import WaymarkCore
import WaymarkWorkflows
import WaymarkRecords

/// Finds the shipped `Rules/` and `Examples/` from any working directory.
enum ShippedContent {
    static var packPath: String {
        if let path = ProcessInfo.processInfo.environment["WAYMARK_PACK"], !path.isEmpty { return path }
        return locate("Rules") ?? "Rules"
    }

    /// "az-tip-2023 2.0.0": the id and version in the shipped pack's header, read without loading the pack.
    static var packIdentity: String {
        let path = packPath
        let files = TextFile.isDirectory(path) ? ((try? TextFile.yamlFiles(in: path)) ?? []) : [path]
        for file in files {
            guard let bytes = try? TextFile.read(file), let root = try? YAMLLoader.document(bytes, file: file),
                  let header = root.value(for: "pack") else { continue }
            let id = header.value(for: "id")?.scalar?.text ?? "?", version = header.value(for: "version")?.scalar?.text ?? "?"
            return "\(id.singleLineSafe) \(version.singleLineSafe) (\(path))"
        }
        return "not found"
    }

    static var examplesPath: String {
        if let path = ProcessInfo.processInfo.environment["WAYMARK_EXAMPLES"], !path.isEmpty { return path }
        return locate("Examples") ?? "Examples"
    }

    /// The folder beside the executable's package (installed as share/waymark/NAME, or in the source tree that built it).
    private static func locate(_ name: String) -> String? {
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments[0].contains("/") ? CommandLine.arguments[0] : "/proc/self/exe")
            .resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        candidates.append(directory.appendingPathComponent("../share/waymark/\(name)"))
        for _ in 0..<5 {
            candidates.append(directory.appendingPathComponent(name))
            directory = directory.deletingLastPathComponent()
        }
        // The source tree this binary was built from, for `swift run` from anywhere.
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(sourceRoot.appendingPathComponent(name))
        return candidates.map(\.standardizedFileURL.path).first { TextFile.isDirectory($0) }.map(relativeToWorkingDirectory)
    }

    /// Shorter paths in messages when the folder is under the working directory.
    private static func relativeToWorkingDirectory(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }
}
