import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkWorkflows
import WaymarkRecords

extension Drill {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Draft a scenario from an answers file or a completed intake record.",
            discussion: "Answers are copied and 'expect' is filled from the current result; write the narrative and anonymise any free text before sharing.")

        @Option(help: ArgumentHelp("An answers file or an intake record.", valueName: "file"))
        var from: String

        @Option(help: "The new scenario's id (default: from the file name).")
        var id: String?

        @Option(name: .shortAndLong, help: ArgumentHelp("Write the scenario to this file instead of standard output.", valueName: "file"))
        var output: String?

        @OptionGroup var packOptions: PackOptions

        func run() throws {
            let out = Output()
            let pack = try packOptions.load(output: out)
            let scaffold = ScenarioScaffold(pack: pack)
            let answers: AnswerSet
            switch scaffold.answers(from: from, sources: out.sources) {
            case .success(let a): answers = a
            case .failure(let error):
                out.diagnostics(error.diagnostics)
                throw ExitCode(1)
            }
            let base = ((from as NSString).lastPathComponent as NSString).deletingPathExtension.replacingOccurrences(of: ".record", with: "")
            let scenarioID = id ?? base.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            let yaml = scaffold.yaml(id: scenarioID, answers: answers)
            if let output {
                guard !FileManager.default.fileExists(atPath: output) else {
                    out.fail(at: .file(output), "already exists; a drafted scenario never replaces a file", suggestion: "choose another -o path")
                    throw ExitCode(1)
                }
                do { try SecureFile.writeAtomically(Array(yaml.utf8), to: output) } catch {
                    out.fail(error)
                    throw ExitCode(1)
                }
                out.print("Draft scenario written to \(output): write its title and narrative, then check it with 'waymark drill run \(output.shellQuoted)'.\n")
            } else {
                out.print(yaml)
            }
        }
    }
}
