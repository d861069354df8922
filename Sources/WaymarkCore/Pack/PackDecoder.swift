/// Builds a `Pack` from merged pack files: every key checked, every reference resolved, every condition compiled.
struct PackDecoder {
    let reader: SchemaReader
    let files: PackFiles

    /// A condition's text and node, kept until every id it may name is known.
    private struct PendingCondition {
        var text: String
        var node: YAMLNode
    }

    func decode() -> Pack? {
        let info = decodeInfo()
        let sources = items("sources", what: "a source", allowHyphen: true, allowed: ["id", "title", "url", "items"], required: ["id", "title", "items"]) { f, id in
            Source(id: id, title: f.text("title") ?? LocalizedText(id), url: f.string("url"),
                   items: sourceItems(f), location: f.node.location)
        }
        let categories = items("categories", what: "a category", allowed: ["id", "title", "description"], required: ["id", "title"]) { f, id in
            Category(id: id, title: f.text("title") ?? LocalizedText(id), description: f.text("description"), location: f.node.location)
        }
        let sections = items("sections", what: "a section", allowed: ["id", "title", "description"], required: ["id", "title"]) { f, id in
            Section(id: id, title: f.text("title") ?? LocalizedText(id), description: f.text("description"), location: f.node.location)
        }
        let services = items("services", what: "a service", allowed: ["id", "title", "description", "contact"], required: ["id", "title"]) { f, id in
            Service(id: id, title: f.text("title") ?? LocalizedText(id), description: f.text("description"),
                    contact: f.string("contact"), location: f.node.location)
        }
        let sourceIndex = Dictionary(sources.map { ($0.id, Set($0.items.map(\.id))) }, uniquingKeysWith: { a, _ in a })
        func citations(_ f: SchemaReader.Fields) -> [SourceReference] { resolveSources(f, sourceIndex) }

        var askIfs: [PendingCondition?] = []
        var questions = items("questions", what: "a question",
                              allowed: ["id", "section", "type", "prompt", "child_prompt", "help", "guidance", "choices", "min", "max", "ask_if", "sensitive", "offers_language_choice", "sources"],
                              required: ["id", "type", "prompt"]) { f, id -> Question in
            askIfs.append(pending(f, "ask_if"))
            return decodeQuestion(f, id: id, sections: sections, sources: citations(f))
        }
        var whens: [String: [PendingCondition?]] = [:]
        var exampleNodes: [(kind: String, index: Int, node: YAMLNode)] = []
        func examples(_ kind: String, _ f: SchemaReader.Fields) {
            if let node = f["examples"] { exampleNodes.append((kind, whens[kind]?.count ?? 0, node)) }
        }
        func when(_ kind: String, _ f: SchemaReader.Fields) -> Condition {
            whens[kind, default: []].append(pending(f, "when"))
            return Self.placeholder(f.node.location)
        }
        let categoryIDs = Set(categories.map(\.id))
        var indicators = items("indicators", what: "an indicator",
                               allowed: ["id", "title", "description", "category", "strength", "populations", "when", "sources", "examples"],
                               required: ["id", "title", "category", "strength", "when"]) { f, id in
            examples("indicators", f)
            let category = f.string("category") ?? ""
            if let node = f["category"], !category.isEmpty, !categoryIDs.contains(category) {
                reader.error(code: "W3002", node, "unknown category '\(category.singleLineSafe)'", suggestion: Suggestion.didYouMean(category, in: categoryIDs))
            }
            return Indicator(id: id, title: f.text("title") ?? LocalizedText(id), description: f.text("description"),
                             category: category, strength: f.enum("strength", Strength.self) ?? .weak,
                             populations: (f.stringList("populations") ?? []).map(\.0),
                             when: when("indicators", f), sources: citations(f), location: f.node.location)
        }
        var derived = items("derived", what: "a derived condition", allowed: ["id", "title", "description", "when", "sources"], required: ["id", "when"]) { f, id in
            DerivedCondition(id: id, title: f.text("title"), description: f.text("description"),
                             when: when("derived", f), sources: citations(f), location: f.node.location)
        }
        var outcomes = items("outcomes", what: "an outcome", allowed: ["id", "title", "description", "when", "sources"], required: ["id", "when"]) { f, id in
            Outcome(id: id, title: f.text("title") ?? LocalizedText(id), description: f.text("description"),
                    when: when("outcomes", f), sources: citations(f), location: f.node.location)
        }
        let serviceIDs = Set(services.map(\.id))
        var referrals = items("referrals", what: "a referral",
                              allowed: ["id", "service", "urgency", "when", "because", "needs_consent", "sources", "examples"],
                              required: ["id", "service", "urgency", "when"]) { f, id in
            examples("referrals", f)
            let service = f.string("service") ?? ""
            if let node = f["service"], !service.isEmpty, !serviceIDs.contains(service) {
                reader.error(code: "W3003", node, "unknown service '\(service.singleLineSafe)'", suggestion: Suggestion.didYouMean(service, in: serviceIDs))
            }
            return Referral(id: id, service: service, urgency: f.enum("urgency", Urgency.self) ?? .routine,
                            when: when("referrals", f), because: f.text("because"), needsConsent: f.bool("needs_consent") ?? false,
                            sources: citations(f), location: f.node.location)
        }
        var notices = items("notices", what: "a notice", allowed: ["id", "title", "when", "text", "sources"], required: ["id", "when", "text"]) { f, id in
            Notice(id: id, title: f.text("title"), when: when("notices", f), text: f.text("text") ?? LocalizedText(""),
                   sources: citations(f), location: f.node.location)
        }

        checkTagVocabulary(indicators, categories: categoryIDs)
        let categoryList = categories.map(\.id)
        let derivedIDs = derived.map(\.id), outcomeIDs = outcomes.map(\.id)
        let symbols = questions.map(\.symbol)
        for q in questions.indices {
            guard let p = askIfs[q] else { continue }
            let scope = ConditionScope(questions: symbols, visibleQuestions: q, allowsItems: false, place: "an ask_if")
            questions[q].askIf = compile(p, scope)
        }
        func scope(_ place: String, outcome: Bool = false) -> ConditionScope {
            ConditionScope(questions: symbols, indicatorTags: indicators.map { ($0.id, $0.tags) },
                           vocabulary: Strength.allCases.map(\.rawValue) + categoryList, derivedIDs: derivedIDs,
                           outcomeIDs: outcomeIDs, allowsOutcome: outcome, place: place)
        }
        compileAll(whens["indicators"], scope("an indicator")) { indicators[$0].when = $1 }
        compileAll(whens["derived"], scope("a derived condition")) { derived[$0].when = $1 }
        compileAll(whens["outcomes"], scope("an outcome")) { outcomes[$0].when = $1 }
        compileAll(whens["referrals"], scope("a referral", outcome: true)) { referrals[$0].when = $1 }
        compileAll(whens["notices"], scope("a notice", outcome: true)) { notices[$0].when = $1 }

        let order = EvaluationOrder.compute(indicators: indicators, derived: derived, reader: reader)
        checkOutcomesEnd(outcomes)
        guard let info, !reader.bag.hasErrors else { return nil }

        var pack = Pack(info: info, sources: sources, categories: categories, sections: sections, questions: questions,
                        indicators: indicators, derived: derived, outcomes: outcomes, services: services,
                        referrals: referrals, notices: notices, contentHash: files.contentHash, evaluationOrder: order,
                        exampleNodes: exampleNodes.map { RuleExampleNode(rule: $0.kind == "indicators" ? .indicator($0.index) : .referral($0.index), node: $0.node) })
        let translator = TranslationDecoder(reader: reader)
        translator.apply(files.translationRoots.compactMap { t in translator.decode(t.root, file: t.file).map { ($0, t.root) } }, to: &pack)
        return reader.bag.hasErrors ? nil : pack
    }

    private static func placeholder(_ location: SourceLocation) -> Condition {
        Condition(text: "false", locator: ConditionLocator(base: location), logic: .constant(false), tests: [], testRanges: [])
    }

    private func decodeInfo() -> PackInfo? {
        guard let header = files.header else {
            // A file that did not parse may hold the header; its syntax error is the one to fix first.
            if reader.bag.hasErrors { return nil }
            let file = files.files.first ?? "pack"
            reader.bag.error(code: "W3004", at: SourceLocation(file: file, line: 1, column: 1), "the pack has no 'pack:' header",
                             suggestion: "add 'pack:' with id, version and title")
            return nil
        }
        guard let f = reader.fields(header, of: "the pack header", allowed: ["id", "version", "title", "description", "languages"],
                                    required: ["id", "version", "title"]) else { return nil }
        let languages = (f.stringList("languages") ?? []).map(\.0)
        if !languages.isEmpty { reader.languages = languages }
        let version = f.string("version") ?? ""
        if version.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }),
           let node = f["version"] {
            // The version is printed by every command and recorded with every result: it must be plain text.
            reader.error(code: "W3034", node, "the version may not hold control characters", suggestion: "write it as plain text, such as 2.0.0")
        }
        return PackInfo(id: f.id(allowHyphen: true) ?? "", version: version, title: f.text("title") ?? LocalizedText(""),
                        description: f.text("description"), languages: reader.languages, location: header.location)
    }

    /// Decodes each entry of a list section, reporting duplicate ids with both places.
    private func items<T>(_ key: String, what: String, allowHyphen: Bool = false, allowed: [String], required: [String],
                          _ build: (SchemaReader.Fields, String) -> T) -> [T] {
        var seen: [String: SourceLocation] = [:]
        var result: [T] = []
        for node in files.lists[key] ?? [] {
            guard let f = reader.fields(node, of: what, allowed: allowed, required: required), let id = f.id(allowHyphen: allowHyphen) else { continue }
            if let first = seen[id] {
                reader.bag.append(Diagnostic(code: "W3005", at: f["id"]!.location, "duplicate \(what.split(separator: " ", maxSplits: 1).last!) id '\(id)'",
                                             notes: [Diagnostic(.note, at: first, "'\(id)' was first defined here")]))
                continue
            }
            seen[id] = f["id"]!.location
            result.append(build(f, id))
        }
        return result
    }

    private func sourceItems(_ f: SchemaReader.Fields) -> [SourceItem] {
        var seen = Set<String>()
        return (f.list("items") ?? []).compactMap { node in
            guard let item = reader.fields(node, of: "a source item", allowed: ["id", "text"], required: ["id", "text"]),
                  let id = item.id(allowHyphen: true) else { return nil }
            if !seen.insert(id).inserted {
                reader.error(code: "W3030", item["id"]!, "duplicate source item id '\(id)'")
                return nil
            }
            return SourceItem(id: id, text: item.text("text") ?? LocalizedText(""), location: node.location)
        }
    }

    private func resolveSources(_ f: SchemaReader.Fields, _ sources: [String: Set<String>]) -> [SourceReference] {
        (f.stringList("sources") ?? []).compactMap { text, node in
            let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                reader.error(code: "W3006", node, "cite a source as 'source/item', found '\(text.singleLineSafe)'")
                return nil
            }
            guard let items = sources[parts[0]] else {
                reader.error(code: "W3007", node, "unknown source '\(parts[0].singleLineSafe)'", suggestion: Suggestion.didYouMean(parts[0], in: sources.keys))
                return nil
            }
            guard items.contains(parts[1]) else {
                reader.error(code: "W3008", node, "source '\(parts[0])' has no item '\(parts[1].singleLineSafe)'", suggestion: Suggestion.didYouMean(parts[1], in: items))
                return nil
            }
            return SourceReference(source: parts[0], item: parts[1], location: node.location)
        }
    }

    /// Words a condition reads as literals, keywords or prefixes: a question with such an id could never be named.
    static let reservedQuestionIDs: Set<String> = ["true", "false", "yes", "no", "and", "or", "not", "in", "outcome", "indicator", "derived"]

    private func decodeQuestion(_ f: SchemaReader.Fields, id: String, sections: [Section], sources: [SourceReference]) -> Question {
        if Self.reservedQuestionIDs.contains(id), let node = f["id"] {
            reader.error(code: "W3033", node, "'\(id)' is a word of the condition language and cannot be a question id",
                         suggestion: "choose another id, such as '\(id)_answer'")
        }
        let type = f.enum("type", QuestionType.self) ?? .text
        let section = f.string("section")
        if let section, let node = f["section"], !sections.contains(where: { $0.id == section }) {
            reader.error(code: "W3009", node, "unknown section '\(section.singleLineSafe)'", suggestion: Suggestion.didYouMean(section, in: sections.map(\.id)))
        }
        var choices: [Choice] = []
        var seen = Set<String>()
        for node in f.list("choices") ?? [] {
            guard let c = reader.fields(node, of: "a choice", allowed: ["id", "label"], required: ["id", "label"]),
                  let choiceID = c.id(allowHyphen: true) else { continue }
            if ["unknown", "declined"].contains(choiceID) {
                reader.error(code: "W3031", c["id"]!, "'\(choiceID)' is reserved: every question can already be answered \(choiceID)")
            } else if !seen.insert(choiceID).inserted {
                reader.error(code: "W3032", c["id"]!, "duplicate choice id '\(choiceID)'")
            } else {
                choices.append(Choice(id: choiceID, label: c.text("label") ?? LocalizedText(choiceID), location: node.location))
            }
        }
        let hasChoices = type == .single || type == .multi
        if hasChoices, choices.isEmpty, f.has("type") {
            reader.error(code: "W3010", f.node, "\(type.describe) needs 'choices'")
        }
        if !hasChoices, let node = f["choices"] {
            reader.error(code: "W3011", node, "'choices' only applies to single and multi questions, and '\(id)' is \(type.describe)")
        }
        let offersLanguageChoice = f.bool("offers_language_choice") ?? false
        if offersLanguageChoice, type != .yesNo, let node = f["offers_language_choice"] {
            reader.error(code: "W3012", node, "'offers_language_choice' only applies to yes/no questions")
        }
        let min = f.number("min"), max = f.number("max")
        if type != .number, let node = f["min"] ?? f["max"] {
            reader.error(code: "W3013", node, "'min' and 'max' only apply to number questions")
        }
        if let min, let max, min > max, let node = f["min"] {
            reader.error(code: "W3014", node, "'min' (\(min.formatted)) is greater than 'max' (\(max.formatted))")
        }
        return Question(id: id, section: section, type: type, prompt: f.text("prompt") ?? LocalizedText(id),
                        childPrompt: f.text("child_prompt"), help: f.text("help"), guidance: f.text("guidance"),
                        choices: choices, min: min, max: max, askIf: nil, sensitive: f.bool("sensitive") ?? false,
                        offersLanguageChoice: offersLanguageChoice, sources: sources, location: f.node.location)
    }

    private func pending(_ f: SchemaReader.Fields, _ key: String) -> PendingCondition? {
        guard let node = f.values[key] else { return nil }
        guard let scalar = node.scalar, !node.isNull else {
            reader.error(code: "W3015", node, "'\(key)' must be one condition written as text, found \(node.kindDescription)",
                         suggestion: node.isNull ? "write 'true' for a rule that always applies" : nil)
            return nil
        }
        return PendingCondition(text: scalar.text, node: node)
    }

    private func compile(_ p: PendingCondition, _ scope: ConditionScope) -> Condition? {
        let locator = ConditionLocator.locate(p.text, in: p.node, sources: reader.sources)
        do {
            return try ConditionCompiler.compile(p.text, locator: locator, scope: scope)
        } catch {
            reader.bag.error(code: error.code, at: locator.location(at: error.range.lowerBound), error.message, suggestion: error.suggestion)
            return nil
        }
    }

    private func compileAll(_ list: [PendingCondition?]?, _ scope: ConditionScope, _ store: (Int, Condition) -> Void) {
        for (i, p) in (list ?? []).enumerated() {
            if let p, let condition = compile(p, scope) { store(i, condition) }
        }
    }

    /// `count("x")` matches ids, categories, strengths and populations alike, so one word may name only one of them.
    private func checkTagVocabulary(_ indicators: [Indicator], categories: Set<String>) {
        let strengths = Set(Strength.allCases.map(\.rawValue))
        let populations = Set(indicators.flatMap(\.populations))
        for indicator in indicators {
            let clash = strengths.contains(indicator.id) ? "a strength" : categories.contains(indicator.id) ? "a category"
                : populations.contains(indicator.id) ? "a population tag" : nil
            if let clash {
                reader.bag.error(code: "W3016", at: indicator.location, "indicator id '\(indicator.id)' is also \(clash), so count(\"\(indicator.id)\") could not tell them apart",
                                 suggestion: "rename the indicator")
            }
            for population in indicator.populations where strengths.contains(population) || categories.contains(population) {
                reader.bag.error(code: "W3017", at: indicator.location, "population '\(population)' of indicator '\(indicator.id)' is also \(strengths.contains(population) ? "a strength" : "a category")",
                                 suggestion: "use another word for the population")
            }
        }
    }

    private func checkOutcomesEnd(_ outcomes: [Outcome]) {
        guard let last = outcomes.last else {
            if reader.bag.diagnostics.isEmpty, let file = files.files.first {
                reader.bag.warning(code: "W3018", at: SourceLocation(file: file, line: 1, column: 1), "the pack has no outcomes")
            }
            return
        }
        if last.when.logic != .constant(true) {
            reader.bag.warning(code: "W3019", at: last.when.location, "the last outcome is not 'when: true', so some answers may match no outcome",
                               suggestion: "end the list with a catch-all outcome")
        }
    }
}
