import ArgumentParser
import WaymarkCore
import WaymarkWorkflows
import WaymarkRecords

struct Records: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sealed intake records.",
        subcommands: [Open.self])
}

extension Records {
    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "open",
            abstract: "Decrypt a sealed intake record with the organisation's private key.")

        @Argument(help: ArgumentHelp("A .record.sealed file.", valueName: "record"))
        var record: String

        @Option(help: ArgumentHelp("The organisation's private key file.", valueName: "private-key"))
        var key: String

        @Option(name: .shortAndLong, help: ArgumentHelp("Write the record to this file (mode 0600) instead of standard output.", valueName: "file"))
        var output: String?

        func run() throws {
            let out = Output()
            do {
                let plaintext = try SealedRecord.open(record, with: try OrganisationKey.privateKey(from: key))
                if let output {
                    try SecureFile.writeAtomically(plaintext, to: output)
                } else {
                    out.print(String(decoding: plaintext, as: UTF8.self))
                }
            } catch {
                out.fail(error)
                throw ExitCode(1)
            }
        }
    }
}
