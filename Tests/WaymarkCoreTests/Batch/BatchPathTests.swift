import Foundation
import Testing
@testable import WaymarkCore
import WaymarkTestSupport

/// The batch path (line scanner, one reused run, result writer) must write exactly what the reference path writes
/// for every line: the full JSON parser and decoder, `Evaluator`, and `ResultReport`.
@Suite struct BatchPathTests {
    /// Every type of question, wide choice lists, skip logic, and every kind of test the compiler special-cases.
    static let featurePack = """
        questions:
          - {id: age, type: number, prompt: Age?, min: 0, max: 120}
          - {id: sector, type: single, prompt: Work?, choices: [{id: building, label: Building}, {id: begging, label: Begging}, {id: farm, label: Farm}]}
          - {id: held, type: yes_no, prompt: Papers held?}
          - {id: free, type: yes_no, prompt: Free to leave?, ask_if: 'sector == "building" or sector == "farm"'}
          - {id: controls, type: multi, prompt: Controls?, choices: [{id: debt, label: Debt}, {id: threats, label: Threats}, {id: locked, label: Locked}]}
          - {id: many, type: multi, prompt: Many?, choices: [\((0..<70).map { "{id: c\($0), label: C\($0)}" }.joined(separator: ", "))]}
          - {id: wide, type: single, prompt: Wide?, choices: [\((0..<70).map { "{id: w\($0), label: W\($0)}" }.joined(separator: ", "))]}
          - {id: story, type: text, prompt: In their words?}
          - {id: arrived, type: date, prompt: Arrived?}
          - {id: hours, type: number, prompt: Hours a day?, min: 0, max: 24}
        indicators:
          - {id: papers, title: Papers, category: coercion, strength: strong, when: held}
          - {id: not_free, title: Not free, category: coercion, strength: medium, when: not free}
          - {id: child_begging, title: Child begging, category: conditions, strength: strong, when: 'age < 18 and sector == "begging"'}
          - {id: debt_or_threats, title: Debt, category: coercion, strength: medium, when: '"debt" in controls or "threats" in controls'}
          - {id: late_choice, title: Late, category: conditions, strength: weak, when: '"c65" in many or wide == "w66" or wide == "w1"'}
          - {id: long_days, title: Long days, category: conditions, strength: weak, when: 'hours > age or hours >= 14'}
          - {id: said_locked, title: Said, category: conditions, strength: weak, when: 'story == "locked in" or arrived < "2024-01-01"'}
          - {id: states, title: States, category: conditions, strength: weak, when: 'declined(held) or (unknown(age) and answered(sector)) or not asked(free)'}
          - {id: mixed, title: Mixed, category: coercion, strength: medium, when: 'not (held and free) or ("locked" in controls and not indicator.papers)'}
        derived:
          - {id: coerced, when: 'count("coercion", "strong") >= 1 or undetermined("coercion") >= 2'}
        outcomes:
          - {id: presumed, title: Presumed, when: 'count("strong") >= 1 and derived.coerced'}
          - {id: possible, title: Possible, when: 'count() >= 2'}
          - {id: insufficient, title: Insufficient, when: 'unanswered_share() > 0.4'}
          - {id: none, title: None, when: 'true'}
        services: [{id: shelter, title: Shelter, contact: (fill in)}, {id: inspectorate, title: Labour inspectorate}]
        referrals:
          - {id: shelter_now, service: shelter, urgency: immediate, when: 'outcome == "presumed" and derived.coerced', because: 'Needs a "safe" place.'}
          - {id: labour, service: inspectorate, urgency: routine, when: 'indicator.long_days or indicator.debt_or_threats'}
          - {id: check_again, service: shelter, urgency: within_24h, when: 'outcome in ["possible", "insufficient"]'}
        notices:
          - {id: compensation, when: 'outcome == "presumed"', text: You have the right to claim compensation.}
          - {id: decline, when: 'true', text: You may decline any question.}
        """

    @Test(arguments: [false, true]) func featurePackAgrees(all: Bool) throws {
        try compare(pack: TestPack.load(Self.featurePack), seed: all ? 11 : 12, count: 1_500, all: all)
    }

    @Test func shippedPackAgrees() throws {
        try compare(pack: ShippedPack.pack(), seed: 13, count: 800, all: false)
    }

    @Test func theSummaryAgreesWithItsReference() throws {
        try compare(pack: TestPack.load(Self.featurePack), seed: 21, count: 1_500, all: false, summary: true)
        try compare(pack: ShippedPack.pack(), seed: 23, count: 800, all: false, summary: true)
    }

    @Test func scannerLeavesAnythingUnusualToTheFullParser() throws {
        let pack = try TestPack.load(Self.featurePack)
        var scanner = AnswerLineScanner(pack: pack)
        let table = AnswerTable(questionCount: pack.questions.count)
        func scans(_ line: String) -> Bool {
            Array(line.utf8).withUnsafeBufferPointer { if case .answers = scanner.scan($0, into: table) { true } else { false } }
        }
        #expect(scans(#"{"id": "c-1", "answers": {"age": 17, "sector": "begging", "controls": ["debt"], "held": "declined", "free": null}}"#))
        #expect(scans(#"{"answers":{}}"#))
        for unusual in [#"{"answers": {"age": 17.5}}"#, #"{"answers": {"age": "17"}}"#, #"{"answers": {"age": 121}}"#,
                        #"{"answers": {"age": 017}}"#, #"{"answers": {"age": -0}}"#, #"{"answers": {"held": true}}"#,
                        #"{"answers": {"held": "Yes"}}"#, #"{"answers": {"held": "yes", "held": "no"}}"#, #"{"answers": {"sector": "farm\u0021"}}"#,
                        #"{"answers": {"sector": "Farm"}}"#, #"{"answers": {"controls": "debt"}}"#, #"{"answers": {"story": ""}}"#,
                        #"{"answers": {"wide": "w70"}}"#, #"{"answers": {"agee": 1}}"#, #"{"answers": {}, "extra": 1}"#,
                        #"{"answers": {}} x"#, #"{"answers": {}, "pack": "other"}"#, #"{"id": 7, "answers": {}}"#, #"{"id": "", "answers": {}}"#,
                        #"{"answers": {}, "answers": {}}"#, #"{"id": "é", "answers": {}}"#, #"{"answers": {"age": nul}}"#, "{}"] {
            #expect(!scans(unusual), "\(unusual)")
        }
    }

    /// Runs random lines, some of them damaged, through both paths and compares every output line.
    private func compare(pack: Pack, seed: UInt64, count: Int, all: Bool, summary: Bool = false) throws {
        var g = FastPathTests.Generator(state: seed)
        var lines: [String] = []
        for n in 0..<count {
            var line = Self.line(FastPathTests.randomAnswers(pack, &g), pack: pack, id: n, g: &g)
            if g.next(5) == 0 { line = Self.damage(line, &g) }
            lines.append(line)
        }
        let actual = try Self.batch(lines, pack: pack, all: all, summary: summary)
        #expect(actual.count == lines.count)
        for (n, line) in lines.enumerated() where n < actual.count {
            let expected = JSONLinesEvaluator.referenceLine(line, number: n + 1, pack: pack, all: all, summary: summary)
            #expect(actual[n] == expected, "line \(n + 1): \(line)")
            if actual[n] != expected { return }
        }
    }

    static func reference(_ line: String, number: Int, pack: Pack, all: Bool) -> String {
        JSONLinesEvaluator.referenceLine(line, number: number, pack: pack, all: all)
    }

    static func batch(_ lines: [String], pack: Pack, all: Bool, summary: Bool = false) throws -> [String] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-batch-\(UUID().uuidString).jsonl").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        var output: [UInt8] = []
        var evaluator = JSONLinesEvaluator(pack: pack, all: all, summary: summary)
        evaluator.run(file: "batch.jsonl", input: LineReader(fileDescriptor: fd), write: { output += $0 }, report: { _ in })
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// An answers line as a script would write it, with now and then a null, a fraction or an escape.
    static func line(_ answers: AnswerSet, pack: Pack, id: Int, g: inout FastPathTests.Generator) -> String {
        var parts: [String] = []
        for (q, answer) in answers.answers.enumerated() {
            let question = pack.questions[q]
            let value: String
            switch answer {
            case nil: if g.next(3) == 0 { value = "null" } else { continue }
            case .unknown?: value = #""unknown""#
            case .declined?: value = #""declined""#
            case .value(let v)?:
                switch v {
                case .yesNo(let b): value = b ? #""yes""# : #""no""#
                case .choice(let c): value = JSONValue.string(question.choices[c].id).compact
                case .choices(let cs): value = "[" + cs.map { JSONValue.string(question.choices[$0].id).compact }.joined(separator: ", ") + "]"
                case .number(let n): value = g.next(8) == 0 ? "\(n / 2)" : n.formatted
                case .text: value = JSONValue.string(["locked in", "said \"no\"", "ünïcode", "tab\there"][g.next(4)]).compact
                case .date(let d): value = "\"\(CalendarDay.format(d))\""
                }
            }
            parts.append("\"\(question.id)\": \(value)")
        }
        let caseID = ["\"case-\(id)\"", "\"case \\\"\(id)\\\"\"", "\"c\(id)-é\""][g.next(10) == 0 ? 1 + g.next(2) : 0]
        let head = g.next(6) == 0 ? "\"pack\": \"\(g.next(3) == 0 ? "other" : pack.info.id)\", " : ""
        return g.next(8) == 0 ? "{\(head)\"answers\": {\(parts.joined(separator: ","))}}" : "{\(head)\"id\": \(caseID), \"answers\": {\(parts.joined(separator: ", "))}}"
    }

    /// One small change of the kind a broken export makes.
    static func damage(_ line: String, _ g: inout FastPathTests.Generator) -> String {
        var bytes = Array(line.utf8)
        let at = g.next(bytes.count)
        switch g.next(3) {
        case 0: bytes.remove(at: at)
        case 1:
            let noise = Array("{}[],:\"\\x0 \t".utf8)
            bytes.insert(noise[g.next(noise.count)], at: at)
        default: bytes.insert(contentsOf: Array(#""held": "yes", "#.utf8), at: bytes.firstIndex(of: UInt8(ascii: "{")).map { $0 + 1 } ?? 0)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Lines come back whole whatever the read sizes: across buffer refills, longer than the first buffer, CRLF, no final break.
@Suite struct LineReaderTests {
    @Test func linesSurviveBufferBoundaries() throws {
        var expected: [String] = []
        for n in 0..<400 { expected.append(String(repeating: "x", count: (n * 7919) % 3_000) + "\(n)") }
        expected.append(String(repeating: "y", count: 200_000))
        expected.append("")
        expected.append("last")
        let text = expected.enumerated().map { $0 % 3 == 0 ? $1 + "\r" : $1 }.joined(separator: "\n")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-lines-\(UUID().uuidString)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let reader = LineReader(fileDescriptor: fd, maxLineLength: 100_000)
        var lines: [String] = []
        while let line = reader.next() {
            switch line {
            case .text(let bytes): lines.append(String(decoding: bytes, as: UTF8.self))
            case .tooLong(let length): lines.append("too long: \(length)")
            }
        }
        expected[400] = "too long: 200000"
        #expect(lines == expected)
    }
}
