/// Writes an evaluation as one line of result JSON straight from the run, out of pieces encoded once per pack.
/// It exists for speed: a batch writes thousands of results a second and builds no report for any of them.
/// Reference twin: `ResultReport` (`encode` defines the shape); held equal byte for byte by `ResultLineWriterTests`
/// and `BatchPathTests` (Tests/WaymarkCoreTests/Batch).
struct ResultLineWriter {
    private typealias Piece = ByteBuffer.Piece
    private let all: Bool
    /// Every piece below, encoded once.
    private let pool = ByteBuffer(capacity: 1 << 12)
    /// `,"pack":{…},"engine":{…},"outcome":`
    private let head: Piece
    private let outcomes: [Piece]
    /// For each indicator, its opening up to the evidence list, three to an indicator: present, absent, undetermined.
    private let indicatorOpenings: [Piece]
    /// `{"question":"ID","answer":"` for each question.
    private let evidenceOpenings: [Piece]
    /// Each question's choice ids, escaped for the inside of a JSON string, from `choiceStart[q]`.
    private let choiceIDs: [Piece]
    private let choiceStart: [Int]
    /// Copied out of the questions, which are too large to read on every answer.
    private let questionTypes: [QuestionType]
    /// For each referral, its opening up to the `triggered_by` list, three to a referral as for indicators.
    private let referralOpenings: [Piece]
    private let notices: [Piece]
    /// Indicator and referral ids as JSON strings, and where each one sorts among them all.
    private let indicatorIDs: [Piece]
    private let referralIDs: [Piece]
    private let indicatorRanks: [Int]
    private let referralRanks: [Int]
    private let followUpQuestions: [Piece]
    private let words: Words

    /// The fixed text between the parts of a result.
    private struct Words {
        let line, id, null, indicators, referrals, notices, followUps, asked, answered, unknown, declined, notAsked, end: Piece
        let closeList, yes, no, unknownAnswer, declinedAnswer, freeText, answerEnd: Piece
    }

    init(pack: Pack, all: Bool) {
        self.all = all
        let pool = pool
        func piece(_ text: String) -> Piece { pool.piece(Array(text.utf8)) }
        let quoted = JSONValue.quoted
        let states: [ItemState] = [.present, .absent, .undetermined]

        head = piece(#","pack":{"id":\#(quoted(pack.info.id)),"version":\#(quoted(pack.info.version)),"hash":\#(quoted(pack.contentHash))},"engine":{"name":\#(quoted(EngineInfo.name)),"version":\#(quoted(EngineInfo.version))},"outcome":"#)
        outcomes = pack.outcomes.map { piece(#"{"id":\#(quoted($0.id)),"title":\#(quoted($0.title.text(nil)))}"#) }
        indicatorOpenings = pack.indicators.flatMap { indicator in
            states.map { state in
                piece(#"{"id":\#(quoted(indicator.id)),"state":"\#(state.rawValue)","strength":"\#(indicator.strength.rawValue)","category":\#(quoted(indicator.category)),"evidence":["#)
            }
        }
        evidenceOpenings = pack.questions.map { piece(#"{"question":\#(quoted($0.id)),"answer":""#) }
        choiceIDs = pack.questions.flatMap { $0.choices.map { piece(String(quoted($0.id).dropFirst().dropLast())) } }
        choiceStart = pack.questions.reduce(into: [0]) { $0.append($0.last! + $1.choices.count) }
        questionTypes = pack.questions.map(\.type)
        referralOpenings = pack.referrals.flatMap { referral in
            states.map { state in
                var text = #"{"id":\#(quoted(referral.id)),"service":\#(quoted(referral.service)),"urgency":"\#(referral.urgency.rawValue)","state":"\#(state.rawValue)""#
                if let because = referral.because { text += #","because":\#(quoted(because.text(nil)))"# }
                return piece(text + #","triggered_by":["#)
            }
        }
        notices = pack.notices.map { piece(#"{"id":\#(quoted($0.id)),"text":\#(quoted($0.text.text(nil)))}"#) }
        indicatorIDs = pack.indicators.map { piece(quoted($0.id)) }
        referralIDs = pack.referrals.map { piece(quoted($0.id)) }
        let ids = pack.indicators.map(\.id) + pack.referrals.map(\.id)
        var ranks = [Int](repeating: 0, count: ids.count)
        for (rank, index) in ids.indices.sorted(by: { ids[$0] < ids[$1] }).enumerated() { ranks[index] = rank }
        indicatorRanks = Array(ranks[..<pack.indicators.count])
        referralRanks = Array(ranks[pack.indicators.count...])
        followUpQuestions = pack.questions.map { piece(#"{"question":\#(quoted($0.id)),"decides":["#) }
        words = Words(line: piece(#"{"line":"#), id: piece(#","id":"#), null: piece("null"), indicators: piece(#","indicators":["#),
                      referrals: piece(#"],"referrals":["#), notices: piece(#"],"notices":["#), followUps: piece(#"],"follow_up":["#),
                      asked: piece(#"],"questions":{"asked":"#), answered: piece(#","answered":"#), unknown: piece(#","unknown":"#),
                      declined: piece(#","declined":"#), notAsked: piece(#","not_asked":"#), end: piece("}}\n"),
                      closeList: piece("]}"), yes: piece("yes"), no: piece("no"), unknownAnswer: piece("unknown"),
                      declinedAnswer: piece("declined"), freeText: piece(Disclosure.freeTextPlaceholder), answerEnd: piece("\"}"))
    }

    /// Appends the result line for `run` with its line break; `id` is the case id as a JSON string.
    func write(_ run: EvaluationRun, line: Int, id: UnsafeBufferPointer<UInt8>?, to out: ByteBuffer) {
        out.append(words.line, of: pool)
        out.appendDecimal(line)
        if let id {
            out.append(words.id, of: pool)
            out.append(id)
        }
        out.append(head, of: pool)
        if let outcome = run.outcome { out.append(outcomes[outcome], of: pool) } else { out.append(words.null, of: pool) }

        out.append(words.indicators, of: pool)
        var first = true
        for i in run.indicatorStates.indices {
            let state = run.indicatorStates[i]
            guard all || state != .absent else { continue }
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(indicatorOpenings[i * 3 + Self.stateIndex(state)], of: pool)
            writeEvidence(i, run, to: out)
            out.append(words.closeList, of: pool)
        }

        out.append(words.referrals, of: pool)
        first = true
        for r in run.referralStates.indices where run.referralStates[r] != .absent {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(referralOpenings[r * 3 + Self.stateIndex(run.referralStates[r])], of: pool)
            for (k, i) in run.supportingIndicators(of: run.pack.referrals[r].when).enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                out.append(indicatorIDs[i], of: pool)
            }
            out.append(words.closeList, of: pool)
        }

        out.append(words.notices, of: pool)
        first = true
        for n in run.noticeStates.indices where run.noticeStates[n] == .present {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(notices[n], of: pool)
        }

        out.append(words.followUps, of: pool)
        writeFollowUps(run, to: out)

        var counts = (asked: 0, answered: 0, unknown: 0, declined: 0, notAsked: 0)
        let kinds = run.answers.kinds
        for q in run.asked.indices {
            guard run.asked[q] else { counts.notAsked += 1; continue }
            counts.asked += 1
            switch kinds[q] {
            case .value: counts.answered += 1
            case .declined: counts.declined += 1
            case .unknown, .none: counts.unknown += 1
            }
        }
        out.append(words.asked, of: pool)
        out.appendDecimal(counts.asked)
        out.append(words.answered, of: pool)
        out.appendDecimal(counts.answered)
        out.append(words.unknown, of: pool)
        out.appendDecimal(counts.unknown)
        out.append(words.declined, of: pool)
        out.appendDecimal(counts.declined)
        out.append(words.notAsked, of: pool)
        out.appendDecimal(counts.notAsked)
        out.append(words.end, of: pool)
    }

    /// The asked questions behind an indicator, each with its answer as an answers file writes it.
    private func writeEvidence(_ indicator: Int, _ run: EvaluationRun, to out: ByteBuffer) {
        var first = true
        for q in run.compiled.indicatorEvidence[indicator] where run.asked[q] {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(evidenceOpenings[q], of: pool)
            writeAnswer(q, run, to: out)
            out.append(words.answerEnd, of: pool)
        }
    }

    /// The answer as `Answer.fileForm` writes it, without making a string.
    private func writeAnswer(_ q: Int, _ run: EvaluationRun, to out: ByteBuffer) {
        let answers = run.answers
        switch answers.kinds[q] {
        case .none, .unknown: out.append(words.unknownAnswer, of: pool); return
        case .declined: out.append(words.declinedAnswer, of: pool); return
        case .value: break
        }
        switch questionTypes[q] {
        case .yesNo: out.append(answers.bits[q] != 0 ? words.yes : words.no, of: pool)
        case .single: out.append(choiceIDs[choiceStart[q] + answers.choice(q)], of: pool)
        case .multi:
            out.append(UInt8(ascii: "["))
            var first = true
            for c in 0..<(choiceStart[q + 1] - choiceStart[q]) where answers.contains(q, choice: c) {
                if !first { out.append(UInt8(ascii: ",")); out.append(UInt8(ascii: " ")) }
                first = false
                out.append(choiceIDs[choiceStart[q] + c], of: pool)
            }
            out.append(UInt8(ascii: "]"))
        case .number:
            let n = answers.numbers[q]
            if let whole = n.wholeNumber { out.appendDecimal(whole) } else { out.append(Array(n.formatted.utf8)) }
        case .date: out.append(Array(CalendarDay.format(Int(answers.numbers[q])).utf8))
        case .text: out.append(words.freeText, of: pool)
        }
    }

    /// Each unresolved question that could decide an undetermined indicator or referral, with the ids it decides.
    private func writeFollowUps(_ run: EvaluationRun, to out: ByteBuffer) {
        var open: [(rank: Int, slot: Int, id: Piece)] = []
        for (i, state) in run.indicatorStates.enumerated() where state == .undetermined {
            open.append((indicatorRanks[i], i, indicatorIDs[i]))
        }
        for (r, state) in run.referralStates.enumerated() where state == .undetermined {
            open.append((referralRanks[r], run.compiled.referralSlots + r, referralIDs[r]))
        }
        guard !open.isEmpty else { return }
        open.sort { $0.rank < $1.rank }
        var first = true
        for w in 0..<run.questionWords {
            var union = open.reduce(UInt64(0)) { $0 | run.followUpWord(slot: $1.slot, word: w) }
            while union != 0 {
                let bit = union.trailingZeroBitCount
                union &= union - 1
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                out.append(followUpQuestions[w * 64 + bit], of: pool)
                var firstID = true
                for rule in open where run.followUpWord(slot: rule.slot, word: w) & (1 << UInt64(bit)) != 0 {
                    if !firstID { out.append(UInt8(ascii: ",")) }
                    firstID = false
                    out.append(rule.id, of: pool)
                }
                out.append(words.closeList, of: pool)
            }
        }
    }

    private static func stateIndex(_ state: ItemState) -> Int {
        switch state {
        case .present: return 0
        case .absent: return 1
        case .undetermined: return 2
        }
    }
}
