/// An answer set written beside an indicator or referral, saying whether the rule fires for it.
public struct RuleExample: Sendable {
    public var rule: RuleExampleNode.Rule
    public var fires: Bool
    public var answers: AnswerSet
    public var location: SourceLocation
}

/// Runs the inline examples written beside rules, reporting each one that fails like a failing test.
public enum RuleExamples {
    /// The pack's examples with their answers decoded; answer errors go into `reader`.
    public static func decode(_ pack: Pack, reader: SchemaReader) -> [RuleExample] {
        let decoder = AnswersDecoder(pack: pack)
        var result: [RuleExample] = []
        for example in pack.exampleNodes {
            guard let f = reader.fields(example.node, of: "'examples'", allowed: ["fires", "does_not_fire"]) else { continue }
            for (key, fires) in [("fires", true), ("does_not_fire", false)] {
                for item in f.list(key) ?? [] {
                    result.append(RuleExample(rule: example.rule, fires: fires, answers: decoder.decodeAnswers(item, reader: reader), location: item.location))
                }
            }
        }
        return result
    }

    static func check(_ examples: [RuleExample], pack: Pack, reader: SchemaReader) {
        guard !examples.isEmpty, !reader.bag.hasErrors else { return }
        let evaluator = Evaluator(pack: pack)
        for example in examples {
            let e = evaluator.evaluate(example.answers)
            let (name, state): (String, ItemState)
            switch example.rule {
            case .indicator(let i): (name, state) = ("indicator \(pack.indicators[i].id)", e.indicatorStates[i])
            case .referral(let r): (name, state) = ("referral \(pack.referrals[r].id)", e.referralStates[r])
            }
            if example.fires, state != .present {
                reader.bag.error(code: "W6001", at: example.location, "example should fire \(name), but it is \(state.rawValue) for these answers")
            } else if !example.fires, state == .present {
                reader.bag.error(code: "W6002", at: example.location, "example should not fire \(name), but it does for these answers")
            }
        }
    }
}
