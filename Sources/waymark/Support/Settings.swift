import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkWorkflows
import WaymarkRecords

/// Settings an organisation may fix for a laptop in `$XDG_CONFIG_HOME/waymark/config.yaml`:
/// `encrypt_to` (a public key file) and `intakes` (the intake folder). Flags and environment variables win.
struct Settings {
    var encryptTo: String?
    var intakes: String?

    static var path: String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (env["HOME"] ?? NSHomeDirectory()) + "/.config"
        return base + "/waymark/config.yaml"
    }

    /// The settings file, if there is one; a malformed one is an error with its location.
    static func load(output: Output) throws -> Settings {
        guard FileManager.default.fileExists(atPath: path) else { return Settings() }
        let reader = SchemaReader(sources: output.sources)
        do {
            guard let root = try YAMLLoader.document(try TextFile.read(path, sources: output.sources), file: path) else { return Settings() }
            if let f = reader.fields(root, of: "the settings file", allowed: ["encrypt_to", "intakes"]), !reader.bag.hasErrors {
                return Settings(encryptTo: f.string("encrypt_to"), intakes: f.string("intakes"))
            }
        } catch let error as Diagnostic {
            reader.bag.append(error)
        } catch {
            output.fail(error)
            throw ExitCode(1)
        }
        output.diagnostics(reader.bag.sorted)
        throw ExitCode(1)
    }
}
