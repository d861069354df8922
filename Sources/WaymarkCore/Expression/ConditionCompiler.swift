/// Resolves and type-checks a parsed condition against a scope, producing its `Logic` and tests.
public struct ConditionCompiler {
    private let scope: ConditionScope
    private var tests: [Test] = []
    private var testIndex: [Test: Int] = [:]
    private var ranges: [Range<Int>] = []

    public static let functions = ["answered", "unknown", "declined", "asked", "count", "undetermined", "unanswered_share"]

    /// Parses and checks `text`; errors carry character offsets into `text`.
    public static func compile(_ text: String, locator: ConditionLocator, scope: ConditionScope) throws(ExpressionError) -> Condition {
        let expression = try ExpressionParser.parse(text)
        var compiler = ConditionCompiler(scope: scope)
        let logic = try compiler.boolean(expression)
        return Condition(text: text, locator: locator, logic: logic, tests: compiler.tests, testRanges: compiler.ranges)
    }

    private init(scope: ConditionScope) { self.scope = scope }

    /// An operand of a comparison, classified by what it can be compared with.
    private enum Operand {
        case question(Int)
        case number(Double)
        case string(String)
        case boolean(Bool)
        case list([Expression])
        case numeric(NumericTerm)
        case outcome
        case logic(Logic)
    }

    private mutating func test(_ test: Test, _ range: Range<Int>) -> Logic {
        if let index = testIndex[test] { return .test(index) }
        tests.append(test)
        ranges.append(range)
        testIndex[test] = tests.count - 1
        return .test(tests.count - 1)
    }

    private mutating func boolean(_ e: Expression) throws(ExpressionError) -> Logic {
        switch e.kind {
        case .boolean(let value):
            return .constant(value)
        case .not(let inner):
            return .not(try boolean(inner))
        case .binary(.and, let l, let r):
            return flatten(.and([try boolean(l), try boolean(r)]))
        case .binary(.or, let l, let r):
            return flatten(.or([try boolean(l), try boolean(r)]))
        case .binary(let op, let l, let r):
            return try comparison(op, l, r, range: e.range)
        case .name, .call:
            switch try operand(e) {
            case .logic(let logic): return logic
            case .question(let q) where scope.questions[q].type == .yesNo:
                return test(.yes(question: q), e.range)
            case .question(let q):
                let question = scope.questions[q]
                throw ExpressionError(code: "W2001", "'\(question.id)' is \(question.type.describe), not a yes/no test", at: e.range,
                                      suggestion: example(for: question))
            case .numeric:
                throw ExpressionError(code: "W2002", "\(describe(e)) gives a number, not a yes/no test", at: e.range,
                                      suggestion: "compare it, for example \(source(e)) >= 1")
            case .outcome:
                throw ExpressionError(code: "W2003", "'outcome' is an outcome id, not a yes/no test", at: e.range,
                                      suggestion: "compare it, for example outcome == \"...\"")
            default:
                throw ExpressionError(code: "W2004", "expected a yes/no test", at: e.range)
            }
        case .number, .string, .list:
            throw ExpressionError(code: "W2005", "\(describe(e)) is not a yes/no test", at: e.range)
        }
    }

    private func flatten(_ logic: Logic) -> Logic {
        switch logic {
        case .and(let parts): return .and(parts.flatMap { if case .and(let inner) = $0 { return inner } else { return [$0] } })
        case .or(let parts): return .or(parts.flatMap { if case .or(let inner) = $0 { return inner } else { return [$0] } })
        default: return logic
        }
    }

    private mutating func operand(_ e: Expression) throws(ExpressionError) -> Operand {
        switch e.kind {
        case .number(let n): return .number(n)
        case .string(let s): return .string(s)
        case .boolean(let b): return .boolean(b)
        case .list(let items): return .list(items)
        case .name(let name): return try resolve(name, e.range)
        case .call(let name, let args): return try call(name, args, e.range)
        case .not, .binary: return .logic(try boolean(e))
        }
    }

    private mutating func resolve(_ name: String, _ range: Range<Int>) throws(ExpressionError) -> Operand {
        if name == "outcome" {
            guard scope.allowsOutcome else {
                throw ExpressionError(code: "W2006", "'outcome' cannot be used in \(scope.place)", at: range,
                                      suggestion: "only referrals and notices can depend on the outcome")
            }
            return .outcome
        }
        if let dot = name.firstIndex(of: ".") {
            let prefix = String(name[..<dot]), id = String(name[name.index(after: dot)...])
            switch prefix {
            case "indicator", "derived":
                guard scope.allowsItems else {
                    throw ExpressionError(code: "W2007", "\(scope.place) cannot refer to \(prefix == "indicator" ? "indicators" : "derived conditions")", at: range,
                                          suggestion: "refer to earlier questions only")
                }
                let index = prefix == "indicator" ? scope.indicatorIndex : scope.derivedIndex
                guard let i = index[id] else {
                    throw ExpressionError(code: "W2008", "unknown \(prefix == "indicator" ? "indicator" : "derived condition") '\(id)'", at: range,
                                          suggestion: Suggestion.didYouMean(id, in: index.keys))
                }
                let item: ItemReference = prefix == "indicator" ? .indicator(i) : .derived(i)
                return .logic(test(.item(item), range))
            default:
                throw ExpressionError(code: "W2009", "unknown name '\(name)'", at: range,
                                      suggestion: Suggestion.didYouMean(prefix, in: ["indicator", "derived"]).map { "\($0) (names with a dot start with indicator. or derived.)" })
            }
        }
        guard let q = scope.questionIndex[name] else {
            var suggestion = Suggestion.didYouMean(name, in: scope.questionIndex.keys)
            if suggestion == nil, scope.allowsItems {
                if scope.indicatorIndex[name] != nil { suggestion = "did you mean 'indicator.\(name)'?" }
                else if scope.derivedIndex[name] != nil { suggestion = "did you mean 'derived.\(name)'?" }
            }
            if suggestion == nil, Self.functions.contains(name) { suggestion = "call it: \(name)(...)" }
            throw ExpressionError(code: "W2010", "unknown question '\(name)'", at: range, suggestion: suggestion)
        }
        if q >= scope.visibleQuestions {
            throw ExpressionError(code: "W2011", "\(scope.place) can only refer to questions that come before it, and '\(name)' comes later", at: range,
                                  suggestion: "move '\(name)' earlier or the condition later")
        }
        return .question(q)
    }

    private mutating func call(_ name: String, _ args: [Expression], _ range: Range<Int>) throws(ExpressionError) -> Operand {
        switch name {
        case "answered", "unknown", "declined", "asked":
            guard args.count == 1, case .name(let id) = args[0].kind else {
                throw ExpressionError(code: "W2012", "\(name)() takes one question id", at: range, suggestion: "for example \(name)(age)")
            }
            guard case .question(let q) = try resolve(id, args[0].range) else {
                throw ExpressionError(code: "W2013", "\(name)() takes a question id", at: args[0].range)
            }
            return .logic(test(.answerState(AnswerStateFunction(rawValue: name)!, question: q), range))
        case "count", "undetermined":
            guard scope.allowsItems else {
                throw ExpressionError(code: "W2014", "\(scope.place) cannot use \(name)()", at: range, suggestion: "refer to earlier questions only")
            }
            var matching = Set(0..<scope.indicatorIndex.count)
            for arg in args {
                guard case .string(let tag) = arg.kind else {
                    throw ExpressionError(code: "W2015", "\(name)() takes tags in double quotes", at: arg.range,
                                          suggestion: "for example \(name)(\"strong\")")
                }
                guard scope.knownTags.contains(tag) else {
                    throw ExpressionError(code: "W2016", "unknown tag \"\(tag)\": not an indicator id, category, strength or population", at: arg.range,
                                          suggestion: Suggestion.didYouMean(tag, in: scope.knownTags))
                }
                matching.formIntersection(scope.tagIndex[tag] ?? [])
            }
            let list = matching.sorted()
            return .numeric(name == "count" ? .count(list) : .undetermined(list))
        case "unanswered_share":
            guard scope.allowsItems else {
                throw ExpressionError(code: "W2017", "\(scope.place) cannot use unanswered_share()", at: range, suggestion: "refer to earlier questions only")
            }
            guard args.isEmpty else { throw ExpressionError(code: "W2018", "unanswered_share() takes no arguments", at: range) }
            return .numeric(.unansweredShare)
        default:
            throw ExpressionError(code: "W2019", "unknown function '\(name)'", at: range,
                                  suggestion: Suggestion.didYouMean(name, in: Self.functions))
        }
    }

    private mutating func comparison(_ op: BinaryOperator, _ l: Expression, _ r: Expression, range: Range<Int>) throws(ExpressionError) -> Logic {
        if op == .in || op == .notIn {
            let logic = try membership(l, r, range: range)
            return op == .notIn ? .not(logic) : logic
        }
        var comparator = ComparisonOperator(rawValue: op.rawValue)!
        var (left, right) = (try operand(l), try operand(r))
        var (le, re) = (l, r)
        if isLiteral(left), !isLiteral(right) {
            swap(&left, &right)
            swap(&le, &re)
            comparator = comparator.mirrored
        }
        let equality = comparator == .equal || comparator == .notEqual
        func negate(_ logic: Logic) -> Logic { comparator == .notEqual ? .not(logic) : logic }

        switch (left, right) {
        case (.question(let q), _):
            let question = scope.questions[q]
            switch (question.type, right) {
            case (.yesNo, .boolean(let b)) where equality:
                let yes = test(.yes(question: q), range)
                return negate(b ? yes : .not(yes))
            case (.single, .string(let id)) where equality:
                let c = try choice(id, of: question, at: re.range)
                return negate(test(.choice(question: q, choices: [c]), range))
            case (.multi, .string(let id)) where equality:
                throw ExpressionError(code: "W2020", "'\(question.id)' is \(question.type.describe) and may hold several choices", at: range,
                                      suggestion: "test one choice with \"\(id)\" in \(question.id)")
            case (.number, .number(let n)):
                try checkRange(n, of: question, at: re.range)
                return test(.compare(.question(q), comparator, .constant(n)), range)
            case (.number, .numeric(let term)):
                return test(.compare(.question(q), comparator, term), range)
            case (.number, .question(let q2)) where scope.questions[q2].type == .number:
                return test(.compare(.question(q), comparator, .question(q2)), range)
            case (.text, .string(let s)) where equality:
                return negate(test(.textEquals(question: q, s), range))
            case (.date, .string(let s)):
                guard let day = CalendarDay.parse(s) else {
                    throw ExpressionError(code: "W2021", "\"\(s)\" is not a date", at: re.range, suggestion: "write dates as \"YYYY-MM-DD\"")
                }
                return test(.date(question: q, comparator, day), range)
            default:
                if !equality, [.yesNo, .single, .multi, .text].contains(question.type) {
                    throw ExpressionError(code: "W2022", "'\(op.rawValue)' cannot be used with \(question.type.describe)", at: range,
                                          suggestion: example(for: question))
                }
                throw ExpressionError(code: "W2023", "cannot compare '\(question.id)' (\(question.type.describe)) with \(describe(re))", at: range,
                                      suggestion: example(for: question))
            }
        case (.numeric(let term), .number(let n)):
            return test(.compare(term, comparator, .constant(n)), range)
        case (.numeric(let a), .numeric(let b)):
            return test(.compare(a, comparator, b), range)
        case (.numeric(let term), .question(let q)) where scope.questions[q].type == .number:
            return test(.compare(term, comparator, .question(q)), range)
        case (.outcome, .string(let id)) where equality:
            return negate(test(.outcome([try outcome(id, at: re.range)]), range))
        case (.logic(let logic), .boolean(let b)) where equality:
            return negate(b ? logic : .not(logic))
        case (.number(let a), .number(let b)):
            return .constant(comparator.holds(a, b))
        default:
            throw ExpressionError(code: "W2024", "cannot compare \(describe(le)) with \(describe(re)) using '\(op.rawValue)'", at: range)
        }
    }

    private mutating func membership(_ l: Expression, _ r: Expression, range: Range<Int>) throws(ExpressionError) -> Logic {
        let left = try operand(l), right = try operand(r)
        switch (left, right) {
        case (.question(let q), .list(let items)):
            let question = scope.questions[q]
            switch question.type {
            case .single:
                var set = Set<Int>()
                for item in items { set.insert(try choice(try stringItem(item), of: question, at: item.range)) }
                return test(.choice(question: q, choices: set), range)
            case .number:
                var parts: [Logic] = []
                for item in items {
                    guard case .number(let n) = item.kind else {
                        throw ExpressionError(code: "W2025", "expected a number in the list", at: item.range)
                    }
                    parts.append(test(.compare(.question(q), .equal, .constant(n)), item.range))
                }
                return .or(parts)
            case .text:
                var parts: [Logic] = []
                for item in items { parts.append(test(.textEquals(question: q, try stringItem(item)), item.range)) }
                return .or(parts)
            case .multi:
                throw ExpressionError(code: "W2026", "'\(question.id)' is \(question.type.describe); test each choice on its own", at: range,
                                      suggestion: "for example \"a\" in \(question.id) or \"b\" in \(question.id)")
            default:
                throw ExpressionError(code: "W2027", "'in' cannot be used with \(question.type.describe)", at: range, suggestion: example(for: question))
            }
        case (.string(let id), .question(let q)):
            let question = scope.questions[q]
            guard question.type == .multi else {
                throw ExpressionError(code: "W2028", "'in' needs a list or a multiple-choice question on its right, and '\(question.id)' is \(question.type.describe)",
                                      at: r.range, suggestion: example(for: question))
            }
            let c = try choice(id, of: question, at: l.range)
            return test(.contains(question: q, choice: c), range)
        case (.outcome, .list(let items)):
            var set = Set<Int>()
            for item in items { set.insert(try outcome(try stringItem(item), at: item.range)) }
            return test(.outcome(set), range)
        default:
            throw ExpressionError(code: "W2029", "'in' needs a question and a list, or a choice and a multiple-choice question", at: range,
                                  suggestion: "for example work_sector in [\"a\", \"b\"] or \"threats\" in control_methods")
        }
    }

    private func stringItem(_ e: Expression) throws(ExpressionError) -> String {
        guard case .string(let s) = e.kind else { throw ExpressionError(code: "W2030", "expected a string in double quotes", at: e.range) }
        return s
    }

    private func choice(_ id: String, of question: QuestionSymbol, at range: Range<Int>) throws(ExpressionError) -> Int {
        guard let c = question.choiceIndex(id) else {
            throw ExpressionError(code: "W2031", "\"\(id)\" is not a choice of '\(question.id)'", at: range,
                                  suggestion: Suggestion.didYouMean(id, in: question.choiceIDs)
                                    ?? "its choices are \(question.choiceIDs.joined(separator: ", "))")
        }
        return c
    }

    private func outcome(_ id: String, at range: Range<Int>) throws(ExpressionError) -> Int {
        guard let o = scope.outcomeIndex[id] else {
            throw ExpressionError(code: "W2032", "unknown outcome \"\(id)\"", at: range, suggestion: Suggestion.didYouMean(id, in: scope.outcomeIndex.keys))
        }
        return o
    }

    private func checkRange(_ n: Double, of question: QuestionSymbol, at range: Range<Int>) throws(ExpressionError) {
        if let min = question.min, n < min {
            throw ExpressionError(code: "W2033", "\(n.formatted) is below \(min.formatted), the smallest answer '\(question.id)' allows", at: range)
        }
        if let max = question.max, n > max {
            throw ExpressionError(code: "W2034", "\(n.formatted) is above \(max.formatted), the largest answer '\(question.id)' allows", at: range)
        }
    }

    private func isLiteral(_ operand: Operand) -> Bool {
        switch operand {
        case .number, .string, .boolean, .list: return true
        default: return false
        }
    }

    private func example(for question: QuestionSymbol) -> String {
        switch question.type {
        case .yesNo: return "use it on its own, for example \(question.id) or not \(question.id)"
        case .single: return "for example \(question.id) == \"\(question.choiceIDs.first ?? "choice")\""
        case .multi: return "for example \"\(question.choiceIDs.first ?? "choice")\" in \(question.id)"
        case .number: return "for example \(question.id) >= \(question.min?.formatted ?? "1")"
        case .text: return "for example answered(\(question.id))"
        case .date: return "for example \(question.id) >= \"2024-01-01\""
        }
    }

    private func describe(_ e: Expression) -> String {
        switch e.kind {
        case .number(let n): return "the number \(n.formatted)"
        case .string(let s): return "the string \"\(s)\""
        case .boolean(let b): return b ? "true" : "false"
        case .list: return "a list"
        case .name(let n): return "'\(n)'"
        case .call(let n, _): return "\(n)()"
        case .not, .binary: return "a yes/no test"
        }
    }

    private func source(_ e: Expression) -> String {
        if case .call(let n, _) = e.kind { return "\(n)(...)" }
        return describe(e)
    }
}
