import Foundation
import WaymarkCore
import WaymarkRecords

/// Settings an organisation may fix for a laptop in `$XDG_CONFIG_HOME/waymark/config.yaml`: `encrypt_to` (a public
/// key file), `intakes` (the intake folder) and `services` (the local service directory). The one place that decides between a flag, the environment, this file
/// and the default.
public struct WaymarkSettings: Sendable {
    public var encryptTo: String?
    public var intakes: String?
    public var services: String?
    /// The environment the settings are resolved in (a parameter so that tests need no real environment).
    public var environment: [String: String]

    /// Settings with these values, resolved in `environment`.
    public init(encryptTo: String? = nil, intakes: String? = nil, services: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.encryptTo = encryptTo
        self.intakes = intakes
        self.services = services
        self.environment = environment
    }

    /// Where the settings file is looked for.
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return base + "/waymark/config.yaml"
    }

    /// The settings file at `path`, if there is one; a malformed one (an unknown key, a blank value) is a located error.
    public static func load(_ path: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
                            sources: SourceFiles = SourceFiles()) throws(DiagnosticsError) -> WaymarkSettings {
        let path = path ?? Self.path(environment: environment)
        guard FileManager.default.fileExists(atPath: path) else { return WaymarkSettings(environment: environment) }
        let reader = SchemaReader(sources: sources)
        let root = reader.document(path)
        if reader.bag.hasErrors { throw DiagnosticsError(reader.bag.sorted) }
        guard let root else { return WaymarkSettings(environment: environment) }
        if let f = reader.fields(root, of: "the settings file", allowed: ["encrypt_to", "intakes", "services"]) {
            for key in ["encrypt_to", "intakes", "services"] where f.has(key) && (f.string(key) ?? "").isEmpty {
                reader.error(code: "W8116", f.node.value(for: key) ?? root, "'\(key)' is blank", suggestion: "give a path, or remove the line")
            }
            if !reader.bag.hasErrors {
                return WaymarkSettings(encryptTo: f.string("encrypt_to"), intakes: f.string("intakes"), services: f.string("services"),
                                       environment: environment)
            }
        }
        throw DiagnosticsError(reader.bag.sorted)
    }

    /// The intake folder: `--out`, then `$WAYMARK_INTAKES`, then the settings file, then the default.
    public func intakeDirectory(flag: String?) -> String {
        flag ?? nonEmpty("WAYMARK_INTAKES") ?? intakes ?? IntakeStore.defaultDirectory(environment: environment)
    }

    /// The organisation public key file: `--encrypt-to`, then `$WAYMARK_ENCRYPT_TO` (an empty one is refused), then the
    /// settings file; nil when records are not sealed.
    public func encryptionKeyFile(flag: String?) throws(FatalError) -> String? {
        if let flag { return flag }
        if let value = environment["WAYMARK_ENCRYPT_TO"] {
            guard !value.isEmpty else { throw FatalError(code: "W8115", "WAYMARK_ENCRYPT_TO is set but empty; unset it, or name the organisation public key file") }
            return value
        }
        return encryptTo
    }

    /// The service directory: `--services`, then `$WAYMARK_SERVICES`, then the settings file (each must exist), then
    /// `services.yaml` beside the default intake folder if there is one; nil when there is none.
    public func serviceDirectoryFile(flag: String?) throws(FatalError) -> String? {
        if let chosen = flag ?? nonEmpty("WAYMARK_SERVICES") ?? services {
            guard FileManager.default.fileExists(atPath: chosen) else {
                throw FatalError(code: "W8124", at: .file(chosen), "no service directory here",
                                 suggestion: "copy Examples/services.yaml from the Waymark sources and fill in your contacts")
            }
            return chosen
        }
        let beside = IntakeStore.defaultDirectory("services.yaml", environment: environment)
        return FileManager.default.fileExists(atPath: beside) ? beside : nil
    }

    private func nonEmpty(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
}
