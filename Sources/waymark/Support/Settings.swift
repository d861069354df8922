import ArgumentParser
import WaymarkCore
import WaymarkWorkflows

/// The laptop's settings file, read once per command, or its errors printed and exit 1.
enum Settings {
    static func load(output: Output) throws -> WaymarkSettings {
        do { return try WaymarkSettings.load(sources: output.sources) } catch {
            output.diagnostics(error.diagnostics)
            throw ExitCode(1)
        }
    }
}
