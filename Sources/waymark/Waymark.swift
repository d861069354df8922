import ArgumentParser

@main
struct Waymark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waymark",
        abstract: "Screen for signs of human trafficking with a checked rule pack, and refer people to help.",
        discussion: """
            The shipped pack is used unless --pack or WAYMARK_PACK names another.
            Answers may be unknown or declined: neither is ever read as "no".
            """,
        version: "0.1.0",
        subcommands: [Intake.self, Check.self, Evaluate.self, Drill.self, Coverage.self, Diff.self, Keys.self, Records.self, Translations.self]
    )
}
