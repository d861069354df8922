import Foundation
import WaymarkCore

// Measures the `waymark` binary end to end on synthetic packs and answer sets, and prints figures.
// Usage: swift build -c release && .build/release/waymark-bench [answer-sets]

// Answer files are written by a child run of this program (`--generate DIR COUNT`), so the measuring
// process stays small and the memory figures are those of `waymark` alone.
if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "--generate", let count = Int(CommandLine.arguments[3]) {
    var generator = SyntheticPack(seed: 7)
    let handle = FileHandle(forWritingAtPath: CommandLine.arguments[2])!
    var chunk = ""
    for i in 0..<count {
        chunk += generator.answerLine(id: i, questions: 80) + "\n"
        if chunk.utf8.count > 1 << 20 { handle.write(Data(chunk.utf8)); chunk = "" }
    }
    handle.write(Data(chunk.utf8))
    exit(0)
}

let answerSetCount = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 100_000
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-bench-\(getpid())")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { if ProcessInfo.processInfo.environment["KEEP"] == nil { try? FileManager.default.removeItem(at: directory) } }
let waymark = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    .deletingLastPathComponent().appendingPathComponent("waymark").path

/// Runs a command and returns its wall time and peak resident memory (spawned directly, so wait4 sees its usage).
func measure(_ arguments: [String], stdout: String = "/dev/null", executable: String = waymark) -> (seconds: Double, peakMiB: Double, status: Int32) {
    let errorFile = directory.appendingPathComponent("stderr.txt").path
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let start = Date()
    var pid: pid_t = 0
    guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { fatalError("cannot start \(executable)") }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let seconds = Date().timeIntervalSince(start)
    posix_spawn_file_actions_destroy(&actions)
    if status != 0, let text = try? String(contentsOfFile: errorFile, encoding: .utf8) { print(text.prefix(2000)) }
    return (seconds, Double(usage.ru_maxrss) / 1024, status >> 8)
}

func write(_ text: String, _ name: String) -> String {
    let path = directory.appendingPathComponent(name).path
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return path
}

var generator = SyntheticPack(seed: 42)
let pack = write(generator.pack(questions: 80, indicators: 300, referrals: 60), "bench-pack.yaml")
let bigPack = write(generator.pack(questions: 200, indicators: 5_000, referrals: 200), "big-pack.yaml")

func answersFile(_ count: Int) -> String {
    let path = write("", "answers-\(count).jsonl")
    let r = measure(["--generate", path, String(count)], executable: CommandLine.arguments[0])
    guard r.status == 0 else { fatalError("could not generate answers") }
    return path
}

print("waymark benchmark (\(ProcessInfo.processInfo.activeProcessorCount) cores; evaluation runs on one)")
print("")
print("evaluate --jsonl, pack of 80 questions, 300 indicators, 60 referrals:")
for count in [answerSetCount / 10, answerSetCount] {
    let file = answersFile(count)
    let r = measure(["evaluate", "--jsonl", file, "--pack", pack])
    guard r.status == 0 else { fatalError("evaluate failed with status \(r.status)") }
    print(String(format: "  %7d answer sets: %6.2f s, %8.0f sets/s, peak memory %6.1f MiB", count, r.seconds, Double(count) / r.seconds, r.peakMiB))
}
print("")
print("in process, one answer set at a time through the library API, as intake and drills use it:")
do {
    let loaded = try PackLoader.loadValid(pack)
    let lines = (0..<2_000).map { generator.answerLine(id: $0, questions: 80) }
    let decoder = AnswersDecoder(pack: loaded)
    let sets = try lines.map { line -> AnswerSet in
        let node = try YAMLLoader.document(line, file: "bench")!
        return decoder.decodeDocument(node, reader: SchemaReader()).answers
    }
    let evaluator = Evaluator(pack: loaded)
    func rate(_ label: String, _ body: () throws -> Void) rethrows {
        let start = Date()
        try body()
        let seconds = Date().timeIntervalSince(start)
        print(String(format: "  %-32@ %8.0f sets/s (%.1f µs each)", label as NSString, Double(lines.count) / seconds, seconds / Double(lines.count) * 1e6))
    }
    try rate("full JSON parser + decoder") { for line in lines { _ = decoder.decodeDocument(try JSONNodeParser.parse(Array(line.utf8), file: "b"), reader: SchemaReader()) } }
    rate("evaluate") { for set in sets { _ = evaluator.evaluate(set) } }
    switch ProcessInfo.processInfo.environment["WAYMARK_BENCH_PROFILE"] {
    case "evaluate"?: rate("evaluate x20 (profiling)") { for _ in 0..<20 { for set in sets { _ = evaluator.evaluate(set) } } }
    case "report"?: rate("report x10 (profiling)") { for _ in 0..<10 { for set in sets { _ = ResultReport(evaluator.evaluate(set), pack: loaded).json.compact } } }
    case "parse"?: try rate("parse x10 (profiling)") { for _ in 0..<10 { for line in lines { _ = decoder.decodeDocument(try JSONNodeParser.parse(Array(line.utf8), file: "b"), reader: SchemaReader()) } } }
    default: break
    }
    rate("evaluate + report") { for set in sets { _ = ResultReport(evaluator.evaluate(set), pack: loaded) } }
    rate("evaluate + report + JSON") { for set in sets { _ = ResultReport(evaluator.evaluate(set), pack: loaded).json.compact } }
}
print("")
print("check:")
let big = measure(["check", "--pack", bigPack])
print(String(format: "  5,000-indicator pack: %6.0f ms (status %d), peak memory %.1f MiB", big.seconds * 1000, big.status, big.peakMiB))
let shipped = (0..<5).map { _ in measure(["check"]).seconds }.min()!
print(String(format: "  shipped pack:         %6.0f ms (best of 5, whole process)", shipped * 1000))
