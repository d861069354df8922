import Foundation
import Testing
import WaymarkTestSupport
@testable import WaymarkCore
@testable import WaymarkRecords
@testable import WaymarkWorkflows

/// Flag, then environment, then the settings file, then the default: decided in one place.
@Suite struct IntakeSettingsTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-settings-\(UUID().uuidString)").path

    @Test func precedenceIsFlagEnvironmentFileDefault() throws {
        let file = WaymarkSettings(encryptTo: "file.key", intakes: "/file/intakes", environment: ["HOME": "/home/x"])
        #expect(file.intakeDirectory(flag: "/flag") == "/flag")
        #expect(file.intakeDirectory(flag: nil) == "/file/intakes")
        var env = file
        env.environment["WAYMARK_INTAKES"] = "/env/intakes"
        #expect(env.intakeDirectory(flag: nil) == "/env/intakes")
        #expect(WaymarkSettings(environment: ["HOME": "/home/x"]).intakeDirectory(flag: nil) == "/home/x/.local/share/waymark/intakes")
        #expect(try file.encryptionKeyFile(flag: nil) == "file.key")
        env.environment["WAYMARK_ENCRYPT_TO"] = "env.key"
        #expect(try env.encryptionKeyFile(flag: nil) == "env.key")
        #expect(try env.encryptionKeyFile(flag: "flag.key") == "flag.key")
        env.environment["WAYMARK_ENCRYPT_TO"] = ""
        #expect(throws: FatalError.self) { try env.encryptionKeyFile(flag: nil) }
    }

    @Test func aBlankOrUnknownSettingIsALocatedError() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/config.yaml"
        try "encrypt_to:\nintakes: /x\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: DiagnosticsError.self) { try WaymarkSettings.load(path) }
        do { _ = try WaymarkSettings.load(path) } catch {
            #expect(error.diagnostics.map(\.description) == ["\(path):1:12: error: 'encrypt_to' is blank; give a path, or remove the line"])
        }
        try "intake: /x\n".write(toFile: path, atomically: true, encoding: .utf8)
        do { _ = try WaymarkSettings.load(path) } catch {
            #expect(error.diagnostics.first?.message == "unknown key 'intake' in the settings file")
        }
        try "intakes: /x\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try WaymarkSettings.load(path).intakes == "/x")
    }

    @Test func passphraseRuleAndTheKeyADraftBeganWith() throws {
        #expect(throws: FatalError.self) { try IntakeOpening.passphrase("short") }
        #expect(throws: FatalError.self) { try IntakeOpening.passphrase(nil) }
        #expect(try IntakeOpening.passphrase("long enough") == "long enough")
        let pack = try TestPack.load(InterviewTests.packBody)
        let store = IntakeStore(directory: directory + "/intakes")
        let plain = try IntakeSession.start(pack: pack, store: store, language: nil)
        let key = try #require(OrganisationPublicKey(raw: Array(repeating: 9, count: 32)))
        try IntakeOpening.checkResumed(plain, against: nil, keyName: nil)
        #expect(throws: FatalError.self) { try IntakeOpening.checkResumed(plain, against: key, keyName: "org.key") }
    }

    @Test func namesSayNothingAboutThePerson() {
        #expect(PracticeAttempt.fileName(scenario: "teen-shop", trainee: "Ali Vəliyev/../x", intake: "20261130-1")
                == "attempt-teen-shop-ali_vəliyev____x-20261130-1.json")
        #expect(WitnessSearch.scenarioID(forRule: "indicator debt_bondage") == "witness-indicator-debt-bondage")
        let table = IntakeList.text([IntakeStore.Summary(id: "20261130-a", started: "2026-11-30T06:00:00Z", packVersion: "az-tip-2023 2.0.0",
                                                         answered: 3, completed: false, isProtected: true)], directory: "/d")
        #expect(table.hasSuffix("20261130-a                2026-11-30T06:00:00Z  az-tip-2023 2.0.0     3        draft, protected\n"))
    }
}
