import WaymarkCore
import WaymarkRecords

/// Drafts a scenario from answers: answers copied, `expect` filled from the current result, narrative left to write.
public struct ScenarioScaffold {
    public let pack: Pack

    /// A scaffold that drafts scenarios for `pack`.
    public init(pack: Pack) { self.pack = pack }

    /// Answers from an answers file or a completed intake record (both hold an `answers` mapping).
    public func answers(from path: String, sources: SourceFiles = SourceFiles()) -> Result<AnswerSet, DiagnosticsError> {
        let reader = SchemaReader(sources: sources)
        do {
            guard let root = try YAMLLoader.document(try TextFile.read(path, sources: sources), file: path), let pairs = root.mapping,
                  let node = pairs.first(where: { $0.key.scalar?.text == "answers" })?.value else {
                return .failure(DiagnosticsError([Diagnostic(code: "W8508", at: SourceLocation(file: path, line: 1, column: 1),
                                                              "expected an answers file or an intake record, with an 'answers' mapping")]))
            }
            let answers = AnswersDecoder(pack: pack).decodeAnswers(node, reader: reader)
            return reader.bag.hasErrors ? .failure(DiagnosticsError(reader.bag.sorted)) : .success(answers)
        } catch let error as Diagnostic {
            return .failure(DiagnosticsError([error]))
        } catch {
            return .failure(DiagnosticsError([(error as? FatalError)?.diagnostic ?? Diagnostic(code: "W8509", at: SourceLocation(file: path, line: 1, column: 1), "\(error)")]))
        }
    }

    /// The scenario as YAML text.
    public func yaml(id: String, answers: AnswerSet) -> String {
        let e = Evaluator(pack: pack).evaluate(answers)
        var y = "scenario:\n  id: \(id)\n  title: \(TextEscaping.yamlDoubleQuoted("TODO: a short title"))\n"
        y += "  # Write the case as the trainee will hear it. Change every detail that could identify a real person.\n"
        y += "  narrative: |\n    TODO\n  answers:\n"
        for (q, question) in pack.questions.enumerated() {
            guard let answer = answers[q], e.questionStatus[q] == .asked else { continue }
            if case .value(.text) = answer {
                y += "    # ANONYMISE: free text copied from the source; rewrite it before sharing this scenario.\n"
            }
            switch answer {
            case .value(.text(let t)): y += "    \(question.id): \(TextEscaping.yamlDoubleQuoted(t))\n"
            default: y += "    \(question.id): \(answer.fileForm(for: question))\n"
            }
        }
        func ids(_ states: [ItemState], _ all: [String], _ wanted: ItemState) -> String {
            "[" + states.indices.filter { states[$0] == wanted }.map { all[$0] }.joined(separator: ", ") + "]"
        }
        y += "  expect:\n"
        if let o = e.outcome { y += "    outcome: \(pack.outcomes[o].id)\n" }
        let indicatorIDs = pack.indicators.map(\.id)
        y += "    indicators:\n      present: \(ids(e.indicatorStates, indicatorIDs, .present))\n"
        let open = ids(e.indicatorStates, indicatorIDs, .undetermined)
        if open != "[]" { y += "      undetermined: \(open)\n" }
        y += "    referrals:\n      include: \(ids(e.referralStates, pack.referrals.map(\.id), .present))\n"
        y += "    notices:\n      include: \(ids(e.noticeStates, pack.notices.map(\.id), .present))\n"
        return y
    }

}
