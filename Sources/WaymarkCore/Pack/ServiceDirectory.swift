import Foundation

/// An organisation's own contacts for the services a pack refers to, kept outside the pack (`services.yaml`): the pack
/// says which kind of help a referral needs; the directory says whom to call in this town, and whether that was checked.
public struct ServiceDirectory: Sendable {
    /// One service's local contact.
    public struct Entry: Sendable {
        public var id: String
        public var name: String?
        public var address: String?
        public var phone: String?
        public var email: String?
        public var hours: String?
        public var languages: [String]
        public var askFor: String?
        public var notes: String?
        /// False until someone has called or visited and confirmed the details.
        public var verified: Bool
        public var location: SourceLocation

        /// Whether the entry says how to reach the service, not just its name.
        public var canBeReached: Bool { [phone, address, email].contains { !($0 ?? "").isEmpty } }

        /// The contact on one line, as the result screen and reports show it.
        public var line: String {
            var parts = [name, phone, email, address, hours].compactMap { $0?.isEmpty == false ? $0 : nil }
            if !languages.isEmpty { parts.append("languages: " + languages.joined(separator: ", ")) }
            if let askFor, !askFor.isEmpty { parts.append("ask for " + askFor) }
            if let notes, !notes.isEmpty { parts.append(notes) }
            return parts.joined(separator: " · ") + (verified ? "" : " (not yet verified locally)")
        }
    }

    public static let fileKeys = ["directory", "services"]
    public static let entryKeys = ["name", "address", "phone", "email", "hours", "languages", "ask_for", "notes", "verified"]

    public var path: String
    public var organisation: String?
    public var updated: String?
    public var entries: [String: Entry]

    /// Reads `path`; malformed entries are located errors, and ids the pack has no service for are warnings with a suggestion.
    public static func load(_ path: String, pack: Pack, sources: SourceFiles = SourceFiles()) throws(DiagnosticsError)
        -> (directory: ServiceDirectory, warnings: [Diagnostic]) {
        let reader = SchemaReader(sources: sources)
        var directory = ServiceDirectory(path: path, entries: [:])
        if let root = reader.document(path),
           let f = reader.fields(root, of: "a service directory", allowed: fileKeys, required: ["services"]) {
            if let about = f["directory"], let d = reader.fields(about, of: "'directory'", allowed: ["organisation", "updated"]) {
                directory.organisation = d.string("organisation")
                directory.updated = d.string("updated")
            }
            if let services = f["services"] { readEntries(services, into: &directory, pack: pack, reader: reader) }
        }
        if reader.bag.hasErrors { throw DiagnosticsError(reader.bag.sorted) }
        return (directory, reader.bag.sorted)
    }

    private static func readEntries(_ node: YAMLNode, into directory: inout ServiceDirectory, pack: Pack, reader: SchemaReader) {
        guard let pairs = node.mapping else {
            reader.error(code: "W3101", node, "'services' must map each service id to its contact, found \(node.kindDescription)",
                         suggestion: "write 'services:' then lines such as '  mia_shelter:' with the contact indented below")
            return
        }
        let known = pack.services.map(\.id)
        for pair in pairs {
            guard let id = pair.key.scalar?.text else { continue }
            guard pack.serviceIndex[id] != nil else {
                reader.bag.warning(code: "W3102", at: pair.key.location, "pack \(pack.info.id) has no service '\(id.singleLineSafe)'; this entry is not used",
                                   suggestion: Suggestion.didYouMean(id, in: known) ?? "`waymark services` lists the pack's services")
                continue
            }
            guard let f = reader.fields(pair.value, of: "the contact for '\(id)'", allowed: entryKeys) else { continue }
            let languages = f.stringList("languages")?.map(\.0) ?? []
            directory.entries[id] = Entry(id: id, name: f.string("name"), address: f.string("address"), phone: f.string("phone"),
                                          email: f.string("email"), hours: f.string("hours"), languages: languages,
                                          askFor: f.string("ask_for"), notes: f.string("notes"), verified: f.bool("verified") ?? false,
                                          location: pair.key.location)
        }
    }

    /// The services some referral in the pack can send a person to, in the pack's order.
    public static func reachable(in pack: Pack) -> [Service] {
        let targeted = Set(pack.referrals.map(\.service))
        return pack.services.filter { targeted.contains($0.id) }
    }

    /// The contact to show for a service: this directory's entry, else what the pack itself says.
    public func contact(for service: Service) -> String? {
        if var entry = entries[service.id] {
            if entry.name == service.title.text { entry.name = nil }  // already shown beside the contact
            return entry.line
        }
        return service.contact
    }

    /// A warning for every service a referral can reach that has no way to contact it here.
    public func findings(_ pack: Pack) -> [Diagnostic] {
        Self.reachable(in: pack).compactMap { service in
            if entries[service.id]?.canBeReached == true { return nil }
            let has = entries[service.id] != nil
            return Diagnostic(code: "W3103", .warning, at: entries[service.id]?.location ?? SourceLocation(file: path, line: 1, column: 1),
                              "referrals can send a person to '\(service.id)' (\(service.title.text.singleLineSafe)), but \(has ? "its entry has no phone, e-mail or address" : "this directory has no contact for it")",
                              suggestion: has ? "add a phone, e-mail or address" : "add '\(service.id):' under 'services:' with its name and phone")
        }
    }

    /// The one warning for a pack checked with no directory at all.
    public static func missingFinding(_ pack: Pack) -> Diagnostic {
        let ids = reachable(in: pack).filter { $0.contact == nil }.map(\.id)
        return Diagnostic(code: "W3104", .warning, at: .none,
                          "no service directory: \(ids.count) services referrals can reach have no contact (\(ids.joined(separator: ", ")))",
                          suggestion: "give --services FILE (Examples/services.yaml is a start), set WAYMARK_SERVICES, or 'services:' in the settings file")
    }
}
