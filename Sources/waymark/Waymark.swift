import ArgumentParser
import Foundation
import WaymarkCore

@main
struct Waymark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waymark",
        abstract: "Screen for signs of human trafficking with a checked rule pack, and refer people to help.",
        discussion: """
            The shipped pack is used unless --pack or WAYMARK_PACK names another.
            Answers may be unknown or declined: neither is ever read as "no".

            Exit codes: 0 success; 1 invalid input, failed checks, changed cases or a refused action; \
            3 an intake or practice saved as a draft (quit, Ctrl-C, quick exit, end of input); \
            64 a command line that could not be understood.
            """,
        version: "waymark \(EngineInfo.version), shipped pack \(ShippedContent.packIdentity)",
        subcommands: [Intake.self, Check.self, Evaluate.self, Drill.self, Coverage.self, Diff.self, Keys.self, Records.self, Report.self, Services.self, Translations.self]
    )

    static func main() {
        if let message = CommandSuggestion.message(for: Array(CommandLine.arguments.dropFirst()), root: Waymark.self) {
            FileHandle.standardError.write(Data(message.utf8))
            Foundation.exit(64)
        }
        main(nil)
    }
}
