import ArgumentParser
import WaymarkCore
import WaymarkWorkflows

/// The `--services` option: the organisation's own contacts for the pack's services.
struct ServiceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The local service directory (YAML).", discussion: "Defaults to $WAYMARK_SERVICES, then 'services' in the settings file, then $XDG_DATA_HOME/waymark/services.yaml.", valueName: "file"))
    var services: String?

    /// The directory for `pack`, or nil when none is configured; its errors are printed and exit 1, its warnings printed.
    func load(pack: Pack, settings: WaymarkSettings, output: Output) throws -> ServiceDirectory? {
        do {
            guard let path = try settings.serviceDirectoryFile(flag: services) else { return nil }
            let (directory, warnings) = try ServiceDirectory.load(path, pack: pack, sources: output.sources)
            output.diagnostics(warnings, summary: false)
            return directory
        } catch let error as FatalError {
            output.fail(error)
            throw ExitCode(1)
        } catch let error as DiagnosticsError {
            output.diagnostics(error.diagnostics)
            throw ExitCode(1)
        }
    }
}
