/// Orders indicators and derived conditions so each is evaluated after what it refers to, reporting cycles.
enum EvaluationOrder {
    static func compute(indicators: [Indicator], derived: [DerivedCondition], reader: SchemaReader) -> [ItemReference] {
        func dependencies(_ item: ItemReference) -> (Condition, Set<ItemReference>) {
            let condition: Condition
            switch item {
            case .indicator(let i): condition = indicators[i].when
            case .derived(let d): condition = derived[d].when
            }
            return (condition, condition.items)
        }
        func name(_ item: ItemReference) -> String {
            switch item {
            case .indicator(let i): return "indicator.\(indicators[i].id)"
            case .derived(let d): return "derived.\(derived[d].id)"
            }
        }

        enum Mark { case visiting, done }
        var marks: [ItemReference: Mark] = [:]
        var order: [ItemReference] = []
        var reported = Set<ItemReference>()

        func visit(_ item: ItemReference, path: [ItemReference]) {
            if marks[item] == .done { return }
            if marks[item] == .visiting {
                let cycle = Array(path.drop { $0 != item }) + [item]
                if reported.insert(item).inserted {
                    let (condition, _) = dependencies(cycle[0])
                    let test = condition.tests.firstIndex { $0.refers(to: cycle[1]) }
                    let location = test.map { condition.locator.location(at: condition.testRanges[$0].lowerBound) } ?? condition.location
                    reader.bag.error(code: "W3001", at: location,
                                     "conditions refer to each other in a cycle: \(cycle.map(name).joined(separator: " -> "))",
                                     suggestion: "break the cycle so that each rule depends only on rules that do not depend on it")
                }
                return
            }
            marks[item] = .visiting
            for next in dependencies(item).1.sorted(by: { name($0) < name($1) }) { visit(next, path: path + [item]) }
            marks[item] = .done
            order.append(item)
        }

        for i in indicators.indices { visit(.indicator(i), path: []) }
        for d in derived.indices { visit(.derived(d), path: []) }
        return order
    }
}
