import Foundation
import Testing

/// Every fuzz target's corpus, kept in the repository, replays without a crash; for `batch` that means the fast path
/// and its reference twin agree on every line fuzzing has found.
@Suite struct FuzzCorpusTests {
    static let targets = ["yaml", "pack", "expression", "answers", "jsonl", "journal", "batch"]

    @Test(arguments: targets)
    func corpusReplays(_ target: String) throws {
        let fuzz = CommandRunner.executable.deletingLastPathComponent().appendingPathComponent("waymark-fuzz").path
        let corpus = CommandRunner.repository.appendingPathComponent("Tests/WaymarkCoreTests/Fixtures/fuzz-corpus/\(target)").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: fuzz)
        process.arguments = [target, corpus]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(target): \(text)")
        let count = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
        #expect(count >= 1, "\(target): the corpus went missing")
    }
}
