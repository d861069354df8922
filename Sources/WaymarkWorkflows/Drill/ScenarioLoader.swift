import Foundation
import WaymarkCore
import WaymarkRecords

/// Finds and reads scenario files, checking every id they name against the pack.
public struct ScenarioLoader {
    public let pack: Pack

    /// Where scenario files are registered, for rendering their diagnostics.
    public let sources: SourceFiles

    /// A loader that checks scenarios against `pack` and registers their files in `sources`.
    public init(pack: Pack, sources: SourceFiles = SourceFiles()) {
        self.pack = pack
        self.sources = sources
    }

    /// A file that could not be used as a scenario, with why.
    public struct Failure: Sendable {
        public var file: String
        public var diagnostics: [Diagnostic]
    }

    /// The YAML files under each path (a file is taken as given; a directory is searched recursively), sorted.
    public static func files(in paths: [String], extensions: [String] = ["yaml", "yml"]) -> [String] {
        var files: [String] = []
        for path in paths {
            guard TextFile.isDirectory(path) else { files.append(path); continue }
            let enumerator = FileManager.default.enumerator(atPath: path)
            while let name = enumerator?.nextObject() as? String {
                if extensions.contains(where: { name.hasSuffix("." + $0) }) { files.append((path as NSString).appendingPathComponent(name)) }
            }
        }
        return files.sorted()
    }

    /// Loads the scenarios among `files`; files without a top-level `scenario:` are skipped unless `strict`.
    public func load(_ files: [String], strict: Bool = false) -> (scenarios: [Scenario], failures: [Failure]) {
        var scenarios: [Scenario] = []
        var failures: [Failure] = []
        for file in files {
            switch load(file) {
            case .success(let scenario?): scenarios.append(scenario)
            case .success(nil):
                if strict {
                    failures.append(Failure(file: file, diagnostics: [Diagnostic(code: "W8503", at: SourceLocation(file: file, line: 1, column: 1),
                                                                                  "not a scenario: the file has no top-level 'scenario:'")]))
                }
            case .failure(let diagnostics): failures.append(Failure(file: file, diagnostics: diagnostics.diagnostics))
            }
        }
        return (scenarios, failures)
    }

    /// One scenario file; nil when the file is not a scenario at all.
    public func load(_ file: String) -> Result<Scenario?, DiagnosticsError> {
        let reader = SchemaReader(sources: sources)
        reader.languages = pack.info.languages
        let root: YAMLNode?
        do {
            root = try YAMLLoader.document(try TextFile.read(file, sources: sources), file: file)
        } catch let error as Diagnostic {
            return .failure(DiagnosticsError([error]))
        } catch {
            return .failure(DiagnosticsError([(error as? FatalError)?.diagnostic ?? Diagnostic(code: "W8504", at: SourceLocation(file: file, line: 1, column: 1), "\(error)")]))
        }
        guard let root, let pairs = root.mapping, let node = pairs.first(where: { $0.key.scalar?.text == "scenario" })?.value else {
            return .success(nil)
        }
        _ = reader.fields(root, of: "a scenario file", allowed: ["scenario"])
        guard let f = reader.fields(node, of: "a scenario", allowed: ["id", "translation_status", "title", "narrative", "pack", "answers", "expect"],
                                    required: ["id", "title", "narrative", "answers", "expect"]) else {
            return .failure(DiagnosticsError(reader.bag.sorted))
        }
        if let packID = f.string("pack"), packID != pack.info.id, let packNode = f["pack"] {
            reader.error(code: "W8505", packNode, "this scenario is for pack '\(packID.singleLineSafe)', but the pack loaded is '\(pack.info.id)'")
        }
        let answers = f["answers"].map { AnswersDecoder(pack: pack).decodeAnswers($0, reader: reader) } ?? AnswerSet(questionCount: pack.questions.count)
        let expect = f["expect"].map { expectation($0, reader: reader) } ?? Expectation()
        reader.languages = pack.info.languages
        var scenario = Scenario(id: f.id(allowHyphen: true) ?? "", title: f.text("title") ?? LocalizedText(""), narrative: f.text("narrative") ?? LocalizedText(""),
                                answers: answers, expect: expect, file: file, location: node.location)
        if let status = f.enum("translation_status", Translation.Status.self) { scenario.translationStatus = status }
        if let node = f["narrative"], scenario.narrative.values.values.contains(where: { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("TODO") }) {
            reader.error(code: "W8510", node, "the narrative is still TODO", suggestion: "write the case as a trainee reads it before running the drill")
        }
        return reader.bag.hasErrors ? .failure(DiagnosticsError(reader.bag.sorted)) : .success(scenario)
    }

    private func expectation(_ node: YAMLNode, reader: SchemaReader) -> Expectation {
        var e = Expectation()
        guard let f = reader.fields(node, of: "'expect'", allowed: ["outcome", "indicators", "referrals", "notices"]) else { return e }
        if let id = f.string("outcome"), let node = f["outcome"] {
            e.outcome = check(id, node, in: pack.outcomes.map(\.id), kind: "outcome", reader: reader)
        }
        if let n = f["indicators"], let g = reader.fields(n, of: "'expect.indicators'", allowed: ["present", "absent", "undetermined"]) {
            let ids = pack.indicators.map(\.id) + pack.derived.map(\.id)
            e.present = list(g, "present", ids, "indicator", reader)
            e.absent = list(g, "absent", ids, "indicator", reader)
            e.undetermined = list(g, "undetermined", ids, "indicator", reader)
        }
        if let n = f["referrals"], let g = reader.fields(n, of: "'expect.referrals'", allowed: ["include", "exclude"]) {
            e.referralsIncluded = list(g, "include", pack.referrals.map(\.id), "referral", reader)
            e.referralsExcluded = list(g, "exclude", pack.referrals.map(\.id), "referral", reader)
        }
        if let n = f["notices"], let g = reader.fields(n, of: "'expect.notices'", allowed: ["include", "exclude"]) {
            e.noticesIncluded = list(g, "include", pack.notices.map(\.id), "notice", reader)
            e.noticesExcluded = list(g, "exclude", pack.notices.map(\.id), "notice", reader)
        }
        return e
    }

    private func list(_ f: SchemaReader.Fields, _ key: String, _ ids: [String], _ kind: String, _ reader: SchemaReader) -> [Expectation.Reference] {
        (f.stringList(key) ?? []).compactMap { check($0.0, $0.1, in: ids, kind: kind, reader: reader) }
    }

    private func check(_ id: String, _ node: YAMLNode, in ids: [String], kind: String, reader: SchemaReader) -> Expectation.Reference? {
        guard ids.contains(id) else {
            reader.error(code: "W8506", node, "unknown \(kind) '\(id.singleLineSafe)' in pack \(pack.info.id)", suggestion: Suggestion.didYouMean(id, in: ids))
            return nil
        }
        return Expectation.Reference(id: id, location: node.location)
    }

    /// A scenario by file path, or by id among the scenarios under `examples`; the failure names what went wrong.
    public func find(_ reference: String, examples: String) -> Result<Scenario, DiagnosticsError> {
        let isFile = FileManager.default.fileExists(atPath: reference)
        let files = isFile ? [reference] : Self.files(in: [examples])
        let (scenarios, failures) = load(files, strict: isFile)
        if let match = scenarios.first(where: { isFile || $0.id == reference }) { return .success(match) }
        if isFile { return .failure(DiagnosticsError(failures.flatMap(\.diagnostics))) }
        return .failure(DiagnosticsError([Diagnostic(code: "W8507", at: .none, "no scenario '\(reference.singleLineSafe)'",
                                                     suggestion: Suggestion.didYouMean(reference, in: scenarios.map(\.id)))]))
    }
}
