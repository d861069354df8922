/// Writes the short form of a result for batches that only need the decision: the outcome id, and the ids of the
/// indicators and referrals that are present or undetermined. About a hundredth of a full result's bytes.
/// Reference twin: `ResultSummary.json` (Results); held equal by `BatchPathTests`.
struct SummaryLineWriter {
    private typealias Piece = ByteBuffer.Piece
    private let pool = ByteBuffer(capacity: 1 << 12)
    private let outcomes: [Piece]
    private let indicatorIDs: [Piece]
    private let referralIDs: [Piece]
    private let line, id, outcome, null, indicatorsPresent, undetermined, referralsPresent, end: Piece

    init(pack: Pack) {
        let pool = pool
        func piece(_ text: String) -> Piece { pool.piece(Array(text.utf8)) }
        let quoted = JSONValue.quoted
        outcomes = pack.outcomes.map { piece(quoted($0.id)) }
        indicatorIDs = pack.indicators.map { piece(quoted($0.id)) }
        referralIDs = pack.referrals.map { piece(quoted($0.id)) }
        line = piece(#"{"line":"#)
        id = piece(#","id":"#)
        outcome = piece(#","outcome":"#)
        null = piece("null")
        indicatorsPresent = piece(#","indicators":{"present":["#)
        undetermined = piece(#"],"undetermined":["#)
        referralsPresent = piece(#"]},"referrals":{"present":["#)
        end = piece("]}}\n")
    }

    func write(_ run: EvaluationRun, line number: Int, id caseID: UnsafeBufferPointer<UInt8>?, to out: ByteBuffer) {
        out.append(line, of: pool)
        out.appendDecimal(number)
        if let caseID {
            out.append(id, of: pool)
            out.append(caseID)
        }
        out.append(outcome, of: pool)
        if let o = run.outcome { out.append(outcomes[o], of: pool) } else { out.append(null, of: pool) }
        out.append(indicatorsPresent, of: pool)
        list(run.indicatorStates, .present, indicatorIDs, to: out)
        out.append(undetermined, of: pool)
        list(run.indicatorStates, .undetermined, indicatorIDs, to: out)
        out.append(referralsPresent, of: pool)
        list(run.referralStates, .present, referralIDs, to: out)
        out.append(undetermined, of: pool)
        list(run.referralStates, .undetermined, referralIDs, to: out)
        out.append(end, of: pool)
    }

    private func list(_ states: UnsafeMutableBufferPointer<ItemState>, _ wanted: ItemState, _ ids: [Piece], to out: ByteBuffer) {
        var first = true
        for i in states.indices where states[i] == wanted {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(ids[i], of: pool)
        }
    }
}
