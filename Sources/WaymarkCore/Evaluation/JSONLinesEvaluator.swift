import Foundation

/// Evaluates a stream of answer sets, one JSON document per line, writing one JSON result per line.
public struct JSONLinesEvaluator {
    public let pack: Pack
    public var maxLineLength = 1 << 20
    private let evaluator: Evaluator
    private let decoder: AnswersDecoder

    public init(pack: Pack) {
        self.pack = pack
        evaluator = Evaluator(pack: pack)
        decoder = AnswersDecoder(pack: pack)
    }

    /// Evaluates every line of `input`; problems go to `report` and do not stop later lines. Returns the number of invalid lines.
    @discardableResult
    public func run(file: String, input: LineReader, all: Bool = false,
                    write: ([UInt8]) -> Void, report: ([Diagnostic]) -> Void) -> Int {
        var lineNumber = 0
        var invalid = 0
        while let line = input.next() {
            lineNumber += 1
            let bytes: [UInt8]
            switch line {
            case .tooLong(let length):
                let diagnostic = Diagnostic(at: SourceLocation(file: file, line: lineNumber, column: 1),
                                            "line is \(length) bytes, over the limit of \(maxLineLength) bytes")
                invalid += 1
                report([diagnostic])
                write(Self.errorLine(lineNumber, [diagnostic]))
                continue
            case .text(let text):
                bytes = text
            }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let reader = SchemaReader()
            var id: String?
            var answers: AnswerSet?
            do {
                (id, answers) = decoder.decodeDocument(try JSONNodeParser.parse(bytes, file: file, line: lineNumber), reader: reader)
            } catch {
                reader.bag.append(error)
            }
            if reader.bag.hasErrors || answers == nil {
                invalid += 1
                let diagnostics = reader.bag.sorted
                report(diagnostics)
                write(Self.errorLine(lineNumber, diagnostics))
                continue
            }
            let evaluation = evaluator.evaluate(answers!)
            write(ResultReport(evaluation, pack: pack, all: all, caseID: id).compactJSON(line: lineNumber) + [0x0A])
        }
        if let error = input.readError {
            invalid += 1
            report([Diagnostic(at: SourceLocation(file: file, line: lineNumber + 1, column: 1),
                               "reading stopped here: \(String(cString: strerror(error)))")])
        }
        return invalid
    }

    private static func errorLine(_ line: Int, _ diagnostics: [Diagnostic]) -> [UInt8] {
        Array((JSONValue.object([("line", .number(Double(line))),
                                 ("errors", .array(diagnostics.map { .string($0.description) }))]).compact + "\n").utf8)
    }
}
