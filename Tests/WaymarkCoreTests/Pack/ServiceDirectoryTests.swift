import Foundation
import Testing
import WaymarkTestSupport
@testable import WaymarkCore

/// The organisation's own contacts: read with located errors, matched to the pack's services, and shown in results.
@Suite struct ServiceDirectoryTests {
    func write(_ text: String, name: String = #function) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("services-\(name.filter(\.isLetter))-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func entriesAreReadAndUnknownIdsWarnedWithASuggestion() throws {
        let pack = try ShippedPack.pack()
        let path = try write("""
            directory: {organisation: Example (invented), updated: 2026-11-30}
            services:
              ngo_shelter: {name: Example shelter, phone: "000 000", languages: [az, ru], verified: true}
              mia_sheltr: {name: typo}
            """)
        let (directory, warnings) = try ServiceDirectory.load(path, pack: pack)
        #expect(directory.entries["ngo_shelter"]?.line == "Example shelter · 000 000 · languages: az, ru")
        #expect(directory.organisation == "Example (invented)")
        #expect(warnings.map(\.description) == ["\(path):4:3: warning: pack az-tip-2023 has no service 'mia_sheltr'; this entry is not used; did you mean 'mia_shelter'?"])
    }

    @Test func malformedEntriesAreLocatedErrors() throws {
        let pack = try ShippedPack.pack()
        let path = try write("services:\n  legal_aid: {phone: [1, 2], colour: red, verified: maybe}\n")
        #expect(throws: DiagnosticsError.self) { try ServiceDirectory.load(path, pack: pack) }
        do { _ = try ServiceDirectory.load(path, pack: pack) } catch {
            let messages = error.diagnostics.map(\.description)
            #expect(messages.contains { $0.hasPrefix("\(path):2:22: error: 'phone' must be a single value") })
            #expect(messages.contains { $0.hasPrefix("\(path):2:30: error: unknown key 'colour'") })
            #expect(messages.contains { $0.hasPrefix("\(path):2:") && $0.contains("error: 'verified' must be true or false") })
        }
    }

    @Test func everyReachableServiceWithoutAContactIsWarned() throws {
        let pack = try ShippedPack.pack()
        let path = try write("services:\n  ngo_shelter: {phone: '000'}\n  legal_aid: {name: Lawyer}\n")
        let (directory, _) = try ServiceDirectory.load(path, pack: pack)
        let warned = directory.findings(pack).map(\.message)
        let reachable = ServiceDirectory.reachable(in: pack)
        #expect(warned.count == reachable.count - 1, "all but the shelter with a phone")
        #expect(warned.contains { $0.contains("'legal_aid'") && $0.contains("no phone, e-mail or address") })
        #expect(!warned.contains { $0.contains("'ngo_shelter'") })
        #expect(ServiceDirectory.missingFinding(pack).message.contains("\(reachable.count) services"))
    }

    @Test func theExampleDirectoryCoversEveryServiceAndVerifiesNothing() throws {
        let pack = try ShippedPack.pack()
        let (directory, warnings) = try ServiceDirectory.load(TestPaths.examples + "/services.yaml", pack: pack)
        #expect(warnings.isEmpty)
        #expect(Set(directory.entries.keys) == Set(pack.services.map(\.id)))
        #expect(directory.entries.values.allSatisfy { !$0.verified && $0.phone == nil })
    }

    @Test func resultsTakeTheirContactsFromTheDirectory() throws {
        let pack = try ShippedPack.pack()
        let path = try write("services:\n  interpretation: {name: Example interpreters, phone: '000 111'}\n")
        let (directory, _) = try ServiceDirectory.load(path, pack: pack)
        let evaluation = try TestPack.evaluate(pack, "interpreter_needed: yes\n")
        let report = ResultReport(evaluation, pack: pack).withContacts(from: directory, pack: pack)
        let interpreter = report.referrals.filter { $0.service == "interpretation" }
        #expect(!interpreter.isEmpty)
        #expect(interpreter.allSatisfy { $0.contact == "Example interpreters · 000 111 (not yet verified locally)" })
    }
}
