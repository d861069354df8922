import ArgumentParser

struct Drill: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scenario drills for trainers and trainees.",
        subcommands: [DrillRun.self, DrillPractice.self, DrillScore.self, DrillNew.self])
}
