import Foundation
import WaymarkCore
import WaymarkRecords

/// A trainee's recorded answers to a scenario, saved as a file the trainer can collect.
public struct PracticeAttempt: Sendable {
    public var scenario: String
    public var trainee: String?
    public var date: String
    public var answers: AnswerSet
    public var file: String?

    /// An attempt not yet saved to a file.
    public init(scenario: String, trainee: String?, date: String, answers: AnswerSet) {
        self.scenario = scenario
        self.trainee = trainee
        self.date = date
        self.answers = answers
    }

    /// The attempt file's JSON: scenario, trainee, date, the pack it was scored against, the score and the answers.
    public func json(pack: Pack, score: PracticeScore) -> JSONValue {
        return .object([("attempt", .object([
            ("scenario", .string(scenario)),
            ("trainee", trainee.map(JSONValue.string) ?? .null),
            ("date", .string(date)),
            ("pack", .object([("id", .string(pack.info.id)), ("version", .string(pack.info.version)), ("hash", .string(pack.contentHash))])),
            ("score", .number((score.percent * 10).rounded() / 10)),
            ("answers", answers.json(pack: pack)),
        ]))])
    }

    /// Reads an attempt file, re-checking its answers against the pack.
    public static func load(_ path: String, pack: Pack, sources: SourceFiles = SourceFiles()) -> Result<PracticeAttempt, DiagnosticsError> {
        let reader = SchemaReader(sources: sources)
        do {
            guard let root = try YAMLLoader.document(try TextFile.read(path, sources: sources), file: path),
                  let top = reader.fields(root, of: "an attempt file", allowed: ["attempt"], required: ["attempt"]),
                  let node = top["attempt"],
                  let f = reader.fields(node, of: "an attempt", allowed: ["scenario", "trainee", "date", "pack", "score", "answers"],
                                        required: ["scenario", "answers"]) else {
                if !reader.bag.hasErrors { reader.bag.error(code: "W8501", at: SourceLocation(file: path, line: 1, column: 1), "the attempt file is empty") }
                return .failure(DiagnosticsError(reader.bag.sorted))
            }
            let answers = f["answers"].map { AnswersDecoder(pack: pack).decodeAnswers($0, reader: reader) } ?? AnswerSet(questionCount: pack.questions.count)
            var attempt = PracticeAttempt(scenario: f.string("scenario") ?? "", trainee: f.string("trainee"), date: f.string("date") ?? "", answers: answers)
            attempt.file = path
            return reader.bag.hasErrors ? .failure(DiagnosticsError(reader.bag.sorted)) : .success(attempt)
        } catch let error as Diagnostic {
            return .failure(DiagnosticsError([error]))
        } catch {
            return .failure(DiagnosticsError([(error as? FatalError)?.diagnostic ?? Diagnostic(code: "W8502", at: SourceLocation(file: path, line: 1, column: 1), "\(error)")]))
        }
    }

    /// The attempt's file name: scenario id, trainee (letters and digits only) and intake id, so attempts never collide.
    public static func fileName(scenario: String, trainee: String?, intake: String) -> String {
        func safe(_ name: String) -> String {
            String(name.lowercased().unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "_" })
        }
        return ["attempt", scenario, trainee.map(safe), intake].compactMap { $0 }.joined(separator: "-") + ".json"
    }
}
