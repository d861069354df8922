import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkWorkflows
import WaymarkRecords

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate answers files against the pack and show the outcome, indicators, referrals and notices.",
        discussion: "Use - to read standard input. With --jsonl each line of input is one answers document and each output line one JSON result.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, summary }

    @Argument(help: ArgumentHelp("Answers files (YAML or JSON), or - for standard input.", valueName: "answers"))
    var answers: [String]

    @OptionGroup var packOptions: PackOptions

    @Option(help: "Output format: text, json, or summary (one JSON line per set: the outcome id and the ids of present and undetermined indicators and referrals; the fast form for batches).")
    var format: Format = .text

    @Flag(help: "Also list absent indicators.")
    var all = false

    @Flag(help: "Read JSON Lines: one answers document per line, one JSON result per line.")
    var jsonl = false

    @Option(help: ArgumentHelp("Explain one indicator, derived condition, outcome, referral or notice: its condition as a tree with each part's value.", valueName: "id"))
    var explain: String?

    @Option(help: "Language for texts, where the pack has it.")
    var lang: String?

    func run() throws {
        let output = Output()
        let pack = try packOptions.load(output: output)
        if jsonl {
            try runJSONLines(pack: pack, output: output)
            return
        }
        // A mistyped rule id is reported once, before any answers are read.
        if let explain, case let ids = Explanation.ruleIDs(in: pack), !ids.contains(explain) {
            output.fail("no rule '\(explain.singleLineSafe)' in pack \(pack.info.id)", suggestion: Suggestion.didYouMean(explain, in: ids))
            throw ExitCode(1)
        }
        var failed = false
        for (n, path) in answers.enumerated() {
            let loaded: (id: String?, answers: AnswerSet?, diagnostics: [Diagnostic])
            do { loaded = try AnswersFile.load(path, pack: pack, sources: output.sources) } catch {
                output.fail(error)
                failed = true
                continue
            }
            output.diagnostics(loaded.diagnostics)
            guard let answerSet = loaded.answers else { failed = true; continue }
            let evaluation = Evaluator(pack: pack).evaluate(answerSet)
            if let explain, let text = Explanation(pack: pack, evaluation: evaluation, language: lang).explain(explain) {
                output.print(text)
                continue
            }
            let report = ResultReport(evaluation, pack: pack, all: all, language: lang, caseID: loaded.id)
            switch format {
            case .summary:
                output.print(ResultSummary.json(evaluation, pack: pack, caseID: loaded.id).compact + "\n")
            case .json:
                if answers.count == 1 {
                    output.print(report.json.pretty + "\n")
                } else if case .object(let fields) = report.json {
                    output.print(JSONValue.object([("file", .string(path))] + fields).compact + "\n")
                }
            case .text:
                if answers.count > 1 { output.print((n > 0 ? "\n" : "") + "== \(path) ==\n") }
                output.print(TextReport(colour: output.colour, words: Catalog.load(lang ?? "en")).render(report, pack: pack, language: lang))
            }
        }
        if failed { throw ExitCode(1) }
    }

    private func runJSONLines(pack: Pack, output: Output) throws {
        var invalid = 0
        var batch = JSONLinesEvaluator(pack: pack, all: all, summary: format == .summary)
        for path in answers {
            let fd = path == "-" ? STDIN_FILENO : open(path, O_RDONLY)
            guard fd >= 0 else {
                output.fail(at: .file(path), "cannot read the file")
                invalid += 1
                continue
            }
            defer { if fd != STDIN_FILENO { close(fd) } }
            invalid += batch.run(file: path == "-" ? "<stdin>" : path, input: LineReader(fileDescriptor: fd),
                                 write: { output.write($0) }, report: { output.diagnostics($0, summary: false) })
        }
        if invalid > 0 { throw ExitCode(1) }
    }
}
