import Foundation
import Testing

/// `waymark services`, `check` and `intake` with the organisation's service directory.
@Suite struct ServicesCommandTests {
    let examples = CommandRunner.repository.appendingPathComponent("Examples/services.yaml").path

    func directory(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("services-cli-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func servicesListsEveryReachableServiceAndFailsWhileOneHasNoContact() throws {
        let result = try CommandRunner.run(["services", "--services", examples], directory: "/tmp")
        #expect(result.status == 1)
        #expect(result.stdout.contains("atd_identification  Main Department on Combating Trafficking"))
        #expect(result.stdout.hasSuffix("17 services; 17 without a phone, e-mail or address; 17 not yet verified locally.\n"))
    }

    @Test func servicesWithoutADirectorySaysHowToGiveOne() throws {
        let result = try CommandRunner.run(["services", "--json"], environment: ["XDG_DATA_HOME": "/nonexistent"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\"directory\": null"))
        #expect(result.stdout.contains("\"contact\": null"))
    }

    @Test func theEnvironmentChoosesTheDirectoryAndAMissingOneIsAnError() throws {
        let full = try directory("services:\n" + ServicesCommandTests.allServices.map { "  \($0): {phone: '000 000'}\n" }.joined())
        let good = try CommandRunner.run(["services"], environment: ["WAYMARK_SERVICES": full])
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        #expect(good.stdout.hasSuffix("17 services; 0 without a phone, e-mail or address; 17 not yet verified locally.\n"))
        let missing = try CommandRunner.run(["services"], environment: ["WAYMARK_SERVICES": "/nonexistent/services.yaml"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("/nonexistent/services.yaml: error: no service directory here"))
    }

    @Test func checkWarnsForEachServiceWithoutAContact() throws {
        let path = try directory("services:\n  legal_aid: {name: Lawyer}\n  ngo_shelter: {phone: '000'}\n")
        let result = try CommandRunner.run(["check", "--services", path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("\(path):2:3: warning: referrals can send a person to 'legal_aid'"))
        #expect(!result.stderr.contains("'ngo_shelter'"))
        let bad = try directory("services:\n  legal_aid: {phon: '000'}\n")
        let failed = try CommandRunner.run(["check", "--services", bad])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("\(bad):2:15: error: unknown key 'phon' in the contact for 'legal_aid'; did you mean 'phone'?"))
    }

    @Test func anUnwritableSummaryPathIsRefusedBeforeTheFirstQuestion() throws {
        let intakes = FileManager.default.temporaryDirectory.appendingPathComponent("services-intake-\(UUID().uuidString)").path
        let result = try CommandRunner.run(["intake", "--out", intakes, "--report", "/nonexistent/folder/summary.md"], stdin: "u\n")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("/nonexistent/folder/summary.md: error: the summary file cannot be written: the folder /nonexistent/folder does not exist"))
        #expect(!result.stdout.contains("started"))
    }

    static let allServices = ["atd_identification", "mia_shelter", "ngo_shelter", "assistance_center", "child_protection", "labour_inspection",
                              "migration_service", "legal_aid", "medical", "psychosocial", "document_restoration", "interpretation",
                              "ngo_outreach", "social_services", "ombudsman", "consular", "safe_return"]
}
