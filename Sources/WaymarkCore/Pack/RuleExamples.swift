/// Runs the inline examples written beside rules, reporting each one that fails like a failing test.
enum RuleExamples {
    static func check(_ pack: Pack, reader: SchemaReader) {
        guard !pack.examples.isEmpty, !reader.bag.hasErrors else { return }
        let evaluator = Evaluator(pack: pack)
        for example in pack.examples {
            let e = evaluator.evaluate(example.answers)
            let (name, state): (String, ItemState)
            switch example.rule {
            case .indicator(let i): (name, state) = ("indicator \(pack.indicators[i].id)", e.indicatorStates[i])
            case .referral(let r): (name, state) = ("referral \(pack.referrals[r].id)", e.referralStates[r])
            default: continue
            }
            if example.fires, state != .present {
                reader.bag.error(at: example.location, "example should fire \(name), but it is \(state.rawValue) for these answers")
            } else if !example.fires, state == .present {
                reader.bag.error(at: example.location, "example should not fire \(name), but it does for these answers")
            }
        }
    }
}
