/// Generates packs and answer sets of a given size, reproducibly from a seed.
struct SyntheticPack {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }

    private func type(_ q: Int) -> String { ["yes_no", "yes_no", "single", "multi", "number"][q % 5] }

    mutating func pack(questions: Int, indicators: Int, referrals: Int) -> String {
        var y = """
            pack: {id: bench, version: 1.0.0, title: Benchmark}
            categories: [{id: c0, title: C0}, {id: c1, title: C1}, {id: c2, title: C2}]
            questions:

            """
        for q in 0..<questions {
            let ask = q > 10 && q % 7 == 0 ? ", ask_if: q\(q - 3)" : ""
            switch type(q) {
            case "single", "multi":
                y += "  - {id: q\(q), type: \(type(q)), prompt: Question \(q)?, choices: [{id: a, label: A}, {id: b, label: B}, {id: c, label: C}]}\n"
            case "number":
                y += "  - {id: q\(q), type: number, prompt: Question \(q)?, min: 0, max: 100}\n"
            default:
                y += "  - {id: q\(q), type: yes_no, prompt: Question \(q)?\(q > 10 && (q - 3) % 5 < 2 ? ask : "")}\n"
            }
        }
        y += "indicators:\n"
        for i in 0..<indicators {
            y += "  - {id: i\(i), title: Indicator \(i), category: c\(i % 3), strength: \(["strong", "medium", "weak"][i % 3]), when: '\(condition(questions))'}\n"
        }
        y += """
            derived:
              - {id: d0, when: 'count("c0", "strong") >= 2 or count("c0", "medium") >= 3'}
            outcomes:
              - {id: presumed, title: Presumed, when: 'count("strong") >= 3 or derived.d0'}
              - {id: insufficient, title: Insufficient, when: 'unanswered_share() > 0.5'}
              - {id: none, title: None, when: 'true'}
            services: [{id: s0, title: Service}]
            referrals:

            """
        for r in 0..<referrals {
            y += "  - {id: r\(r), service: s0, urgency: routine, when: 'outcome == \"presumed\" and indicator.i\(next(indicators))'}\n"
        }
        return y
    }

    private mutating func condition(_ questions: Int) -> String {
        // Like real indicators: two or three specific tests, so a typical answer set shows a few per cent present.
        (0..<(2 + next(2))).map { _ in test(next(questions)) }.joined(separator: next(10) == 0 ? " or " : " and ")
    }

    private mutating func test(_ q: Int) -> String {
        switch type(q) {
        case "single": return "q\(q) == \"\(["a", "b", "c"][next(3)])\""
        case "multi": return "\"\(["a", "b", "c"][next(3)])\" in q\(q)"
        case "number": return "q\(q) >= \(50 + next(50))"
        default: return "q\(q)"
        }
    }

    mutating func answerLine(id: Int, questions: Int) -> String {
        var parts: [String] = []
        // A completed intake: every question answered, a few of them unknown or declined.
        for q in 0..<questions {
            let value: String
            if next(25) == 0 { value = next(2) == 0 ? "\"unknown\"" : "\"declined\"" } else {
                switch type(q) {
                case "single": value = "\"\(["a", "b", "c"][next(3)])\""
                case "multi": value = "[\"\(["a", "b", "c"][next(3)])\"]"
                case "number": value = "\(next(101))"
                default: value = next(10) == 0 ? "\"yes\"" : "\"no\""
                }
            }
            parts.append("\"q\(q)\": \(value)")
        }
        return "{\"id\": \"case-\(id)\", \"answers\": {\(parts.joined(separator: ", "))}}"
    }
}
