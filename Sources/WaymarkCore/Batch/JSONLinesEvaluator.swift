#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Evaluates a stream of answer sets, one JSON document per line, writing one JSON result per line.
///
/// Lines of the usual shape go the fast way: read straight into the evaluator's table, evaluated by one reused
/// run, written from fragments. Any other line takes the full parser and decoder, which explain what is wrong
/// with it, and, if nothing is, give the same answers to the same run.
/// Reference twin: `Evaluator` + `ResultReport` line by line; held equal by `BatchPathTests` (Tests/WaymarkCoreTests/Batch).
public struct JSONLinesEvaluator {
    public let pack: Pack
    public var maxLineLength = 1 << 20
    private let decoder: AnswersDecoder
    private let writer: ResultLineWriter
    /// Set for the short form: then only the summary is written.
    private let summaryWriter: SummaryLineWriter?
    private var scanner: AnswerLineScanner
    private var evaluation: EvaluationRun
    /// Results wait here until there are enough to hand over at once.
    private let pending = ByteBuffer(capacity: flushSize + (1 << 14))
    private static let flushSize = 1 << 17

    /// `all` also lists absent indicators; `summary` writes the short form (`ResultSummary`) instead of full results.
    public init(pack: Pack, all: Bool = false, summary: Bool = false) {
        self.pack = pack
        decoder = AnswersDecoder(pack: pack)
        writer = ResultLineWriter(pack: pack, all: all)
        summaryWriter = summary ? SummaryLineWriter(pack: pack) : nil
        scanner = AnswerLineScanner(pack: pack)
        evaluation = EvaluationRun(pack: pack)
    }

    /// Evaluates every line of `input`, handing output to `write` in blocks of whole lines; problems go to
    /// `report` and do not stop later lines. Returns the number of invalid lines.
    @discardableResult
    public mutating func run(file: String, input: LineReader, write: (UnsafeBufferPointer<UInt8>) -> Void, report: ([Diagnostic]) -> Void) -> Int {
        var lineNumber = 0
        var invalid = 0
        while let line = input.next() {
            lineNumber += 1
            switch line {
            case .tooLong(let length):
                let diagnostic = Diagnostic(code: "W5001", at: SourceLocation(file: file, line: lineNumber, column: 1),
                                            "line is \(length) bytes, over the limit of \(maxLineLength) bytes")
                invalid += 1
                report([diagnostic])
                Self.appendErrorLine(lineNumber, [diagnostic], to: pending)
            case .text(let line):
                if !evaluate(line, file: file, line: lineNumber, report: report) { invalid += 1 }
            }
            if pending.count >= Self.flushSize {
                write(pending.bytes)
                pending.removeAll()
            }
        }
        if let error = input.readError {
            invalid += 1
            report([Diagnostic(code: "W5002", at: SourceLocation(file: file, line: lineNumber + 1, column: 1),
                               "reading stopped here: \(String(cString: strerror(error)))")])
        }
        if pending.count > 0 { write(pending.bytes) }
        pending.removeAll()
        return invalid
    }

    /// Evaluates one line into `pending`; false when the line is invalid.
    private mutating func evaluate(_ line: UnsafeBufferPointer<UInt8>, file: String, line number: Int, report: ([Diagnostic]) -> Void) -> Bool {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return true }
        if case .answers(let id) = scanner.scan(line, into: evaluation.answers) {
            evaluation.evaluate()
            write(line: number, id: id.map { UnsafeBufferPointer(rebasing: line[$0]) })
            return true
        }
        let reader = SchemaReader()
        var decoded: (id: String?, answers: AnswerSet)?
        do throws(Diagnostic) {
            decoded = decoder.decodeDocument(try JSONNodeParser.parse(Array(line), file: file, line: number), reader: reader)
        } catch {
            reader.bag.append(error)
        }
        guard let decoded, !reader.bag.hasErrors else {
            let diagnostics = reader.bag.sorted
            report(diagnostics)
            Self.appendErrorLine(number, diagnostics, to: pending)
            return false
        }
        evaluation.answers.load(decoded.answers)
        evaluation.evaluate()
        if let caseID = decoded.id {
            var id: [UInt8] = []
            JSONValue.writeString(caseID, to: &id)
            id.withUnsafeBufferPointer { write(line: number, id: $0) }
        } else {
            write(line: number, id: nil)
        }
        return true
    }

    private func write(line: Int, id: UnsafeBufferPointer<UInt8>?) {
        if let summaryWriter {
            summaryWriter.write(evaluation, line: line, id: id, to: pending)
        } else {
            writer.write(evaluation, line: line, id: id, to: pending)
        }
    }

    private static func appendErrorLine(_ line: Int, _ diagnostics: [Diagnostic], to out: ByteBuffer) {
        let object = JSONValue.object([("line", .number(Double(line))), ("errors", .array(diagnostics.map { .string($0.description) }))])
        out.append(Array((object.compact + "\n").utf8))
    }

    /// The reference path for one line, the twin the fast path must equal: the full JSON parser and answers decoder,
    /// `Evaluator` and `ResultReport`, or the line's error object. Tests and the `batch` fuzz target compare with it.
    public static func referenceLine(_ line: String, number: Int, pack: Pack, all: Bool, summary: Bool = false) -> String {
        let reader = SchemaReader()
        do throws(Diagnostic) {
            let node = try JSONNodeParser.parse(Array(line.utf8), file: "batch.jsonl", line: number)
            let (id, answers) = AnswersDecoder(pack: pack).decodeDocument(node, reader: reader)
            if !reader.bag.hasErrors, summary {
                return ResultSummary.json(Evaluator(pack: pack).evaluate(answers), pack: pack, line: number, caseID: id).compact
            }
            if !reader.bag.hasErrors {
                return ResultReport(Evaluator(pack: pack).evaluate(answers), pack: pack, all: all, caseID: id).json(line: number).compact
            }
        } catch {
            reader.bag.append(error)
        }
        return JSONValue.object([("line", .number(Double(number))), ("errors", .array(reader.bag.sorted.map { .string($0.description) }))]).compact
    }
}
