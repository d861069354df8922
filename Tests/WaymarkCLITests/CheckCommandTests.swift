import Testing

@Suite struct CheckCommandTests {
    @Test func validPackExitsZeroWithASummary() throws {
        let result = try CommandRunner.run(["check", "--pack", "\(CommandRunner.fixtures)/demo-pack.yaml"])
        #expect(result.status == 0)
        #expect(result.stdout == "demo 1.0.0 is valid: 4 questions, 3 indicators, 3 outcomes, 1 referrals, 1 notices\n")
        #expect(result.stderr == "")
    }

    @Test func invalidPackListsEveryErrorAndExitsOne() throws {
        let pack = CommandRunner.repository.appendingPathComponent("Tests/WaymarkCoreTests/Fixtures/invalid-packs/references.yaml").path
        let result = try CommandRunner.run(["check", "--pack", pack])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(pack):9:24: error: unknown section 'abuot'; did you mean 'about'?\n"
            + "      - {id: age, section: abuot, type: number, prompt: Age?}\n"
            + "                           ^\n"))
        #expect(result.stderr.hasSuffix("7 errors\n"))
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func environmentVariableChoosesThePack() throws {
        let result = try CommandRunner.run(["check"], environment: ["WAYMARK_PACK": "\(CommandRunner.fixtures)/demo-pack.yaml"])
        #expect(result.stdout.hasPrefix("demo 1.0.0 is valid"))
    }

    @Test func missingPackIsAClearError() throws {
        let result = try CommandRunner.run(["check", "--pack", "/nonexistent/pack"])
        #expect(result.status == 1)
        #expect(result.stderr == "/nonexistent/pack: error: no such file\n")
    }

    @Test func shippedPackIsFoundFromAnyDirectory() throws {
        let result = try CommandRunner.run(["check"], directory: "/tmp")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(" is valid: "))
    }
}
