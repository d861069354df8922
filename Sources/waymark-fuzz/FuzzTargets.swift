import Foundation
import WaymarkCore
import WaymarkWorkflows

/// The parsers a fuzzer drives, each taking raw bytes; none may crash, hang or grow without bound.
enum FuzzTargets {
    static let names = ["yaml", "pack", "expression", "answers", "journal", "jsonl", "batch"]

    /// A small valid pack that answers and expressions are checked against.
    static let pack: Pack = {
        let text = """
            pack: {id: fuzz, version: 1.0.0, title: Fuzz}
            categories: [{id: c, title: C}]
            questions:
              - {id: age, type: number, prompt: Age?, min: 0, max: 120}
              - id: sector
                type: single
                prompt: Sector?
                choices: [{id: construction, label: Construction}, {id: begging, label: Begging}]
              - {id: withheld, type: yes_no, prompt: Withheld?, ask_if: sector == "construction"}
              - {id: threats, type: multi, prompt: Threats?, choices: [{id: family, label: Family}, {id: police, label: Police}]}
              - {id: note, type: text, prompt: Note?}
              - {id: arrived, type: date, prompt: Arrived?}
            indicators:
              - {id: i, title: I, category: c, strength: strong, when: withheld or "family" in threats}
            outcomes: [{id: o, title: O, when: count("strong") >= 1}, {id: none, title: None, when: true}]
            """
        return PackLoader.load(files: [(name: "fuzz-pack.yaml", text: text)]).pack!
    }()

    /// Runs one input through one target.
    static func run(_ target: String, _ bytes: [UInt8]) {
        switch target {
        case "yaml":
            _ = try? YAMLLoader.documents(bytes, file: "fuzz.yaml")
        case "pack":
            // Two files, so merging across files is exercised too.
            let text = String(decoding: bytes, as: UTF8.self)
            let parts = text.split(separator: "\u{0}", maxSplits: 1).map(String.init)
            _ = PackLoader.load(files: parts.enumerated().map { (name: "fuzz-\($0.offset).yaml", text: $0.element) })
        case "expression":
            let text = String(decoding: bytes, as: UTF8.self)
            let scope = ConditionScope(questions: pack.questions.map(\.symbol), indicatorTags: pack.indicators.map { ($0.id, $0.tags) },
                                       vocabulary: Strength.allCases.map(\.rawValue) + ["c"], outcomeIDs: ["o", "none"], allowsOutcome: true)
            if let condition = try? ConditionCompiler.compile(text, locator: ConditionLocator(base: SourceLocation(file: "f", line: 1, column: 1)), scope: scope) {
                var stack: [TruthValue] = []
                _ = condition.evaluate(Array(repeating: .unknown, count: condition.tests.count), stack: &stack)
            }
        case "answers":
            if let node = try? YAMLLoader.document(bytes, file: "fuzz-answers.yaml") {
                let (_, answers) = AnswersDecoder(pack: pack).decodeDocument(node, reader: SchemaReader())
                _ = ResultReport(Evaluator(pack: pack).evaluate(answers), pack: pack).json.compact
            }
        case "jsonl":
            if let node = try? JSONNodeParser.parse(bytes, file: "fuzz.jsonl", line: 1) {
                _ = AnswersDecoder(pack: pack).decodeDocument(node, reader: SchemaReader())
            }
        case "batch":
            // Differential: every line through the fast batch path and through the reference path; any difference is a bug.
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let path = NSTemporaryDirectory() + "waymark-fuzz-batch-\(getpid()).jsonl"
            _ = FileManager.default.createFile(atPath: path, contents: Data(lines.joined(separator: "\n").utf8))
            let fd = open(path, O_RDONLY)
            defer { close(fd) }
            var output: [UInt8] = []
            var evaluator = JSONLinesEvaluator(pack: pack, all: true)
            evaluator.run(file: "batch.jsonl", input: LineReader(fileDescriptor: fd), write: { output += $0 }, report: { _ in })
            let fast = String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
            let reference = lines.enumerated().filter { !$0.element.isEmpty }.map {
                JSONLinesEvaluator.referenceLine($0.element, number: $0.offset + 1, pack: pack, all: true)
            }
            if fast != reference { fatalError("batch and reference paths differ for:\n\(lines.joined(separator: "\n"))") }
        case "journal":
            let path = NSTemporaryDirectory() + "waymark-fuzz-\(getpid()).journal"
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
            var journal = IntakeJournal(path: path)
            _ = try? journal.read()
        default:
            fatalError("unknown fuzz target '\(target)'; expected one of \(names.joined(separator: ", "))")
        }
    }

    static var selected: String { ProcessInfo.processInfo.environment["WAYMARK_FUZZ_TARGET"] ?? "yaml" }
}

#if WAYMARK_FUZZING
/// libFuzzer's entry point; the target is chosen with WAYMARK_FUZZ_TARGET.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTargets.run(FuzzTargets.selected, Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM names an executable's entry point after its module; here it hands over to libFuzzer's driver.
@_cdecl("waymark_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
#else
/// Without the fuzzer: replays files (a corpus, or crashes found earlier) through a target, as regression runs.
@main
struct FuzzReplay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let target = arguments.first, FuzzTargets.names.contains(target) else {
            print("usage: waymark-fuzz TARGET FILES_OR_DIRECTORIES...   (targets: \(FuzzTargets.names.joined(separator: ", ")))")
            exit(2)
        }
        var count = 0
        for path in arguments.dropFirst() {
            var files = [path]
            if TextFile.isDirectory(path), let enumerator = FileManager.default.enumerator(atPath: path) {
                files = enumerator.compactMap { $0 as? String }.map { path + "/" + $0 }.filter { !TextFile.isDirectory($0) }
            }
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                FuzzTargets.run(target, Array(data))
                count += 1
            }
        }
        print("\(target): \(count) inputs replayed without a crash")
    }
}
#endif
