import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkWorkflows
import WaymarkRecords

extension Drill {
    struct Practice: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "practice",
            abstract: "Read a scenario's narrative, record what you heard in the guided interview, and get a score.")

        @Argument(help: ArgumentHelp("A scenario file, or the id of a shipped scenario.", valueName: "scenario"))
        var scenario: String

        @OptionGroup var packOptions: PackOptions

        @Option(help: "Your name, saved with the attempt for the trainer.")
        var trainee: String?

        @Option(help: ArgumentHelp("Folder to save the attempt file in.", valueName: "dir"))
        var out: String = "."

        @Option(help: "Language for the questions, where the pack has it.")
        var lang: String?

        func run() throws {
            let output = Output()
            let pack = try packOptions.load(output: output)
            let scenario = try ScenarioLookup.find(self.scenario, pack: pack, output: output)
            let io = TerminalIO()
            if let lang, lang != pack.info.languages.first, scenario.narrative.values[lang] != nil, scenario.translationStatus == .draft {
            io.write("(This case is a draft translation, not yet checked by a native speaker.)\n")
        }
        io.write("Practice: \(scenario.title.text(lang).singleLineSafe)\n\n\(TextWrap.wrap(scenario.narrative.text(lang).terminalSafe, width: io.columns))\n\n")
            io.write(TextWrap.wrap("Now record what you heard, as you would in a real intake. Type t at any prompt to read the story again.", width: io.columns) + "\n")
            let store = IntakeStore(directory: IntakeStore.defaultDirectory("practice"))
            guard let (session, ending) = interview(pack: pack, story: scenario.narrative.text(lang), store: store, io: io, output: output) else { throw ExitCode(1) }
            guard case .completed = ending else {
                output.print("\nPractice stopped before the end; nothing was scored.\n")
                throw ExitCode(3)
            }
            let score = PracticeScore(scenario: scenario, attempt: session.answers, pack: pack, language: lang)
            output.print("\n" + score.text(scenario: scenario, language: lang))
            let attempt = PracticeAttempt(scenario: scenario.id, trainee: trainee, date: Timestamp.string(Date()), answers: session.answers)
            let name = PracticeAttempt.fileName(scenario: scenario.id, trainee: trainee, intake: session.id)
            let path = (out as NSString).appendingPathComponent(name)
            do {
                try SecureFile.makeDirectory(out, requirePrivate: false)
                try SecureFile.writeAtomically(Array((attempt.json(pack: pack, score: score).pretty + "\n").utf8), to: path)
            } catch {
                output.fail(error)
                throw ExitCode(1)
            }
            output.print("\nAttempt saved as \(path)\n")
        }

        private func interview(pack: Pack, story: String, store: IntakeStore, io: TerminalIO, output: Output) -> (IntakeSession, Interview.Ending)? {
            do {
                let session = try IntakeSession.start(pack: pack, store: store, language: lang)
                InterviewSignals.install(resumeHint: "\nPractice stopped; nothing was scored.\n", terminal: io.isTerminal)
                let interview = Interview(session: session, io: io, language: lang, recordsReferrals: false)
                interview.story = story
                return (session, try interview.run())
            } catch {
                output.fail(error)
                return nil
            }
        }
    }
}

/// Finds a scenario by path, or by id among the shipped examples, or prints why not and exits 1.
enum ScenarioLookup {
    static func find(_ reference: String, pack: Pack, output: Output) throws -> Scenario {
        switch ScenarioLoader(pack: pack, sources: output.sources).find(reference, examples: ShippedContent.examplesPath) {
        case .success(let scenario): return scenario
        case .failure(let error):
            output.diagnostics(error.diagnostics, summary: error.diagnostics.count > 1)
            throw ExitCode(1)
        }
    }
}
