#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the usual shape of a JSON Lines answer set straight into an `AnswerTable`, without building nodes.
///
/// It takes only what is plainly valid: ASCII strings without escapes, whole numbers, known ids, no repeated keys.
/// Everything else (escapes, fractions, `true`, a typo, any error) it leaves to the full parser and decoder, which
/// give the same answers or a located error. So it can make a valid line faster, never change what a line means.
/// Reference twin: `JSONNodeParser` + `AnswersDecoder`; held equal by `BatchPathTests` (Tests/WaymarkCoreTests/Batch).
struct AnswerLineScanner {
    enum Scan {
        /// The answers are in the table; the case id, if any, is this JSON string token (quotes included).
        case answers(id: Range<Int>?)
        case needsFullParse
    }

    private struct QuestionShape {
        var type: QuestionType
        var choices: [[UInt8]]
        var min: Double?
        var max: Double?
    }

    private static let unknown = Array("unknown".utf8), declined = Array("declined".utf8), yes = Array("yes".utf8), no = Array("no".utf8)

    private let questions: [QuestionShape]
    private let questionIDs: ByteStringTable
    private let packID: [UInt8]
    /// The line each question was last answered on, to notice a question answered twice.
    private var answeredOnLine: [UInt32]
    private var lineStamp: UInt32 = 0

    init(pack: Pack) {
        questions = pack.questions.map { q in
            QuestionShape(type: q.type, choices: q.choices.map { Array($0.id.utf8) }, min: q.min, max: q.max)
        }
        questionIDs = ByteStringTable(pack.questions.map { Array($0.id.utf8) })
        packID = Array(pack.info.id.utf8)
        answeredOnLine = Array(repeating: 0, count: pack.questions.count)
    }

    mutating func scan(_ line: UnsafeBufferPointer<UInt8>, into table: AnswerTable) -> Scan {
        table.reset()
        lineStamp &+= 1
        if lineStamp == 0 {
            answeredOnLine.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            lineStamp = 1
        }
        var cursor = Cursor(bytes: line)
        var id: Range<Int>?
        var seenPack = false, seenAnswers = false
        guard cursor.take(UInt8(ascii: "{")) else { return .needsFullParse }
        repeat {
            guard let key = cursor.plainString() else { return .needsFullParse }
            guard cursor.take(UInt8(ascii: ":")) else { return .needsFullParse }
            switch cursor.text(key) {
            case "id":
                guard id == nil, let value = cursor.plainString(), !value.isEmpty else { return .needsFullParse }
                id = (value.lowerBound - 1)..<(value.upperBound + 1)
            case "pack":
                guard !seenPack, let value = cursor.plainString(), cursor.matches(value, packID) else { return .needsFullParse }
                seenPack = true
            case "answers":
                guard !seenAnswers, scanAnswers(&cursor, into: table) else { return .needsFullParse }
                seenAnswers = true
            default:
                return .needsFullParse
            }
        } while cursor.take(UInt8(ascii: ","))
        guard cursor.take(UInt8(ascii: "}")), cursor.atEnd, seenAnswers else { return .needsFullParse }
        return .answers(id: id)
    }

    private mutating func scanAnswers(_ cursor: inout Cursor, into table: AnswerTable) -> Bool {
        guard cursor.take(UInt8(ascii: "{")) else { return false }
        if cursor.take(UInt8(ascii: "}")) { return true }
        repeat {
            guard let key = cursor.plainString(), let q = questionIDs.index(of: cursor.pointer(key)),
                  answeredOnLine[q] != lineStamp, cursor.take(UInt8(ascii: ":")) else { return false }
            answeredOnLine[q] = lineStamp
            guard scanAnswer(&cursor, question: q, into: table) else { return false }
        } while cursor.take(UInt8(ascii: ","))
        return cursor.take(UInt8(ascii: "}"))
    }

    private func scanAnswer(_ cursor: inout Cursor, question q: Int, into table: AnswerTable) -> Bool {
        let shape = questions[q]
        switch cursor.peek {
        case UInt8(ascii: "\""):
            guard let value = cursor.plainString() else { return false }
            let text = cursor.bytes(value)
            if cursor.matches(value, Self.unknown) { table.setState(q, .unknown); return true }
            if cursor.matches(value, Self.declined) { table.setState(q, .declined); return true }
            switch shape.type {
            case .yesNo:
                if cursor.matches(value, Self.yes) { table.setBits(q, 1); return true }
                if cursor.matches(value, Self.no) { table.setBits(q, 0); return true }
                return false
            case .single:
                guard let c = shape.choices.firstIndex(where: { cursor.matches(value, $0) }), c < 64 else { return false }
                table.setBits(q, 1 << UInt64(c))
                return true
            case .text:
                guard !text.isEmpty else { return false }
                table.set(q, .text(String(decoding: text, as: UTF8.self)))
                return true
            case .date:
                guard let day = CalendarDay.parse(String(decoding: text, as: UTF8.self)) else { return false }
                table.set(q, .date(day))
                return true
            case .multi, .number:
                return false
            }
        case UInt8(ascii: "["):
            guard shape.type == .multi else { return false }
            cursor.advance()
            var bits: UInt64 = 0
            if !cursor.take(UInt8(ascii: "]")) {
                repeat {
                    guard let value = cursor.plainString(),
                          let c = shape.choices.firstIndex(where: { cursor.matches(value, $0) }), c < 64 else { return false }
                    bits |= 1 << UInt64(c)
                } while cursor.take(UInt8(ascii: ","))
                guard cursor.take(UInt8(ascii: "]")) else { return false }
            }
            table.setBits(q, bits)
            return true
        case UInt8(ascii: "n"):
            guard cursor.takeWord("null") else { return false }
            return true
        default:
            guard shape.type == .number, let n = cursor.wholeNumber() else { return false }
            if let min = shape.min, n < min { return false }
            if let max = shape.max, n > max { return false }
            table.setNumber(q, n)
            return true
        }
    }
}

/// A position in a line of JSON that skips whitespace before each token.
private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D { i += 1 }
    }

    var atEnd: Bool {
        mutating get { skipSpace(); return i == bytes.count }
    }

    var peek: UInt8 {
        mutating get { skipSpace(); return i < bytes.count ? bytes[i] : 0 }
    }

    mutating func advance() { i += 1 }

    mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        i += 1
        return true
    }

    mutating func takeWord(_ word: StaticString) -> Bool {
        skipSpace()
        let count = word.utf8CodeUnitCount
        guard i + count <= bytes.count,
              UnsafeBufferPointer(start: word.utf8Start, count: count).elementsEqual(bytes[i..<(i + count)]) else { return false }
        i += count
        // The word must end here, as `nullx` is not JSON.
        if i < bytes.count, !Self.isDelimiter(bytes[i]) { return false }
        return true
    }

    /// The contents of a string of printable ASCII without escapes; nil for any other token.
    mutating func plainString() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = i
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") {
                i += 1
                return start..<(i - 1)
            }
            guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return nil }
            i += 1
        }
        return nil
    }

    /// `0` or a whole number of up to 15 digits with no leading zero, so that it is exact as a `Double`.
    mutating func wholeNumber() -> Double? {
        skipSpace()
        var j = i
        let negative = j < bytes.count && bytes[j] == UInt8(ascii: "-")
        if negative { j += 1 }
        let first = j
        var value = 0
        while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39, j - first < 16 {
            value = value * 10 + Int(bytes[j] - 0x30)
            j += 1
        }
        let digits = j - first
        guard digits > 0, digits <= 15, bytes[first] != 0x30 || (digits == 1 && !negative),
              j == bytes.count || Self.isDelimiter(bytes[j]) else { return nil }
        i = j
        return Double(negative ? -value : value)
    }

    func bytes(_ range: Range<Int>) -> Slice<UnsafeBufferPointer<UInt8>> { bytes[range] }

    func pointer(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[range]) }

    func matches(_ range: Range<Int>, _ word: [UInt8]) -> Bool {
        range.count == word.count && memcmp(bytes.baseAddress! + range.lowerBound, word, word.count) == 0
    }

    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        byte == 0x2C || byte == 0x7D || byte == 0x5D || byte == 0x20 || byte == 0x09 || byte == 0x0D
    }
}
