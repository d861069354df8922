import ArgumentParser

struct Drill: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scenario drills for trainers and trainees.",
        subcommands: [List.self, Run.self, Practice.self, Score.self, New.self])
}
