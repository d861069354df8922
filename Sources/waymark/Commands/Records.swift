import ArgumentParser
import Foundation
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

        @Option(help: ArgumentHelp("Instead of the record, write its printable summary (as 'waymark report' makes it) to this file (mode 0600).", valueName: "file.md"))
        var report: String?

        @Flag(help: "With --report, include answers to sensitive questions and free text.")
        var includeSensitive = false

        @OptionGroup var packOptions: PackOptions

        func run() throws {
            let out = Output()
            do {
                let plaintext = try SealedRecord.open(record, with: try OrganisationKey.privateKey(from: key))
                // The file name is not sealed; the id inside is. A renamed record is said to be one.
                let named = ((record as NSString).lastPathComponent as NSString).deletingPathExtension.replacingOccurrences(of: ".record", with: "")
                if let inside = SealedRecord.intakeID(in: plaintext), inside != named {
                    out.diagnostics([Diagnostic(code: "W9002", .warning, at: .file(record),
                                                "this is the record of intake \(inside.singleLineSafe), but the file is named \(named.singleLineSafe): it was renamed")],
                                    summary: false)
                }
                if let report {
                    let pack = try packOptions.load(output: out)
                    let completed: CompletedIntake
                    do { completed = try CompletedIntake.read(record, bytes: plaintext, pack: pack, sources: out.sources) } catch {
                        out.diagnostics(error.diagnostics)
                        throw ExitCode(1)
                    }
                    let markdown = IntakeSummary(includeSensitive: includeSensitive).markdown(completed, report: completed.result())
                    try SecureFile.writeAtomically(Array(markdown.utf8), to: report)
                    out.print("Summary: \(report)\n")
                } else if let output {
                    try SecureFile.writeAtomically(plaintext, to: output)
                } else {
                    out.print(String(decoding: plaintext, as: UTF8.self))
                }
            } catch let exit as ExitCode {
                throw exit
            } catch {
                out.fail(error)
                throw ExitCode(1)
            }
        }
    }
}
