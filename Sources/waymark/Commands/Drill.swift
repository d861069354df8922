import ArgumentParser

struct Drill: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scenario drills for trainers and trainees.",
        subcommands: [Run.self, Practice.self, Score.self, New.self])
}
