import Testing
@testable import WaymarkCore
import WaymarkTestSupport

/// The compiled fast path must agree with the plain evaluation of each condition, on many answer sets.
@Suite struct FastPathTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func randomAnswers(_ pack: Pack, _ g: inout Generator) -> AnswerSet {
        var answers = AnswerSet(questionCount: pack.questions.count)
        for (q, question) in pack.questions.enumerated() {
            switch g.next(10) {
            case 0: continue
            case 1: answers[q] = .unknown
            case 2: answers[q] = .declined
            default: break
            }
            if answers[q] != nil { continue }
            switch question.type {
            case .yesNo: answers[q] = .value(.yesNo(g.next(2) == 0))
            case .single: answers[q] = .value(.choice(g.next(question.choices.count)))
            case .multi: answers[q] = .value(.choices(question.choices.indices.filter { _ in g.next(3) == 0 }))
            case .number: answers[q] = .value(.number(Double(g.next(Int(question.max ?? 100) + 1))))
            case .text: answers[q] = .value(.text("x"))
            case .date: answers[q] = .value(.date(19000 + g.next(1000)))
            }
        }
        return answers
    }

    @Test func fastPathAgreesWithPlainEvaluation() throws {
        let pack = try ShippedPack.pack()
        var g = Generator(state: 2026)
        for _ in 0..<300 {
            let evaluation = Evaluator(pack: pack).evaluate(Self.randomAnswers(pack, &g))
            let run = EvaluationRun(pack: pack, state: evaluation)
            for (i, indicator) in pack.indicators.enumerated() {
                let value = run.evaluate(indicator.when)
                let state = evaluation.indicatorStates[i]
                #expect((value == .true) == (state == .present), "indicator \(indicator.id)")
                if value == .false { #expect(state == .absent, "indicator \(indicator.id)") }
            }
            for (o, outcome) in pack.outcomes.enumerated() {
                #expect(run.evaluate(outcome.when) == evaluation.outcomeValues[o], "outcome \(outcome.id)")
            }
            for (r, referral) in pack.referrals.enumerated() {
                #expect((run.evaluate(referral.when) == .true) == (evaluation.referralStates[r] == .present), "referral \(referral.id)")
            }
        }
    }
}
