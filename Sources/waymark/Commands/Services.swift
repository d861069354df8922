import ArgumentParser
import WaymarkCore
import WaymarkWorkflows

struct Services: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the services the pack's referrals can send a person to, with the local contact for each.",
        discussion: "Exit code 0 when every service has a way to reach it, 1 when one has none (so a script can check a laptop before use).")

    @OptionGroup var packOptions: PackOptions
    @OptionGroup var serviceOptions: ServiceOptions

    @Option(help: ArgumentHelp("Language of the service names (default: the pack's first).", valueName: "code"))
    var lang: String?

    @Flag(help: "Print JSON for scripts.")
    var json = false

    func run() throws {
        let output = Output()
        let pack = try packOptions.load(output: output)
        let directory = try serviceOptions.load(pack: pack, settings: try Settings.load(output: output), output: output)
        let services = ServiceDirectory.reachable(in: pack)
        let rows = services.map { service in
            (service: service, entry: directory?.entries[service.id], contact: directory?.contact(for: service) ?? service.contact)
        }
        let unreachable = rows.filter { $0.entry.map { !$0.canBeReached } ?? ($0.contact == nil) }
        if json {
            output.print(JSONValue.object([
                ("directory", directory.map { .string($0.path) } ?? .null),
                ("services", .array(rows.map { row in
                    .object([("id", .string(row.service.id)), ("title", .string(row.service.title.text(lang))),
                             ("contact", row.contact.map(JSONValue.string) ?? .null),
                             ("verified", .bool(row.entry?.verified ?? false))])
                })),
            ]).pretty + "\n")
        } else {
            output.print(directory.map { "Service directory: \($0.path)" + ($0.updated.map { " (updated \($0.singleLineSafe))" } ?? "") + "\n" }
                         ?? "No service directory: give --services FILE, set WAYMARK_SERVICES, or start from Examples/services.yaml.\n")
            for row in rows {
                output.print("\n\(row.service.id)  \(row.service.title.text(lang).singleLineSafe)\n")
                output.print("    " + (row.contact.map(\.singleLineSafe) ?? "NO CONTACT") + "\n")
            }
            let unverified = rows.filter { $0.entry != nil && $0.entry?.verified == false }.count
            output.print("\n\(services.count) services; \(unreachable.count) without a phone, e-mail or address; \(unverified) not yet verified locally.\n")
        }
        if !unreachable.isEmpty { throw ExitCode(1) }
    }
}
