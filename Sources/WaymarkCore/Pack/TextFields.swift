/// Who reads a text field: the person being interviewed (read aloud) or only the caseworker.
public enum TextAudience: String, Sendable {
    case person, caseworker
}

/// One translatable text of a pack, named by a stable key such as `questions.age.prompt`.
public struct TextField: Sendable {
    public var key: String
    public var audience: TextAudience
    /// What the field is, for a translator: "question 'age' (section about), prompt".
    public var context: String
    public var text: LocalizedText
    public var location: SourceLocation
    fileprivate var path: TextPath
}

/// Where a field lives in the model, so a translation can be written into it.
fileprivate enum TextPath: Sendable {
    case required(WritableKeyPath<Pack, LocalizedText> & Sendable)
    case optional(WritableKeyPath<Pack, LocalizedText?> & Sendable)
}

/// Person-facing texts longer than this many words are flagged to translators and authors.
public let personTextWordLimit = 30

extension Pack {
    /// Every translatable text in pack order. Source items are quotations and stay in their own language.
    public var textFields: [TextField] {
        var fields: [TextField] = []
        func add(_ key: String, _ audience: TextAudience, _ context: String, _ text: LocalizedText?, _ location: SourceLocation,
                 _ path: TextPath) {
            guard let text else { return }
            fields.append(TextField(key: key, audience: audience, context: context, text: text, location: location, path: path))
        }
        add("pack.title", .caseworker, "the pack's title", info.title, info.location, .required(\Pack.info.title))
        add("pack.description", .caseworker, "the pack's description", info.description, info.location, .optional(\Pack.info.description))
        for i in categories.indices {
            let c = categories[i], what = "indicator category '\(c.id)'"
            add("categories.\(c.id).title", .caseworker, "\(what), title", c.title, c.location, .required(\Pack.categories[i].title))
            add("categories.\(c.id).description", .caseworker, "\(what), description", c.description, c.location, .optional(\Pack.categories[i].description))
        }
        for i in sections.indices {
            let s = sections[i], what = "interview section '\(s.id)'"
            add("sections.\(s.id).title", .caseworker, "\(what), title", s.title, s.location, .required(\Pack.sections[i].title))
            add("sections.\(s.id).description", .caseworker, "\(what), note to the caseworker", s.description, s.location,
                .optional(\Pack.sections[i].description))
        }
        for i in questions.indices {
            let q = questions[i], what = "question '\(q.id)'" + (q.section.map { " (section \($0))" } ?? "")
            add("questions.\(q.id).prompt", .person, "\(what), prompt", q.prompt, q.location, .required(\Pack.questions[i].prompt))
            add("questions.\(q.id).child_prompt", .person, "\(what), prompt for a child", q.childPrompt, q.location,
                .optional(\Pack.questions[i].childPrompt))
            add("questions.\(q.id).help", .caseworker, "\(what), help for the caseworker", q.help, q.location, .optional(\Pack.questions[i].help))
            add("questions.\(q.id).guidance", .caseworker, "\(what), guidance before a sensitive question", q.guidance, q.location,
                .optional(\Pack.questions[i].guidance))
            for c in q.choices.indices {
                let choice = q.choices[c]
                add("questions.\(q.id).choices.\(choice.id).label", .person, "\(what), answer choice '\(choice.id)'", choice.label,
                    choice.location, .required(\Pack.questions[i].choices[c].label))
            }
        }
        for i in indicators.indices {
            let x = indicators[i], what = "indicator '\(x.id)'"
            add("indicators.\(x.id).title", .caseworker, "\(what), title", x.title, x.location, .required(\Pack.indicators[i].title))
            add("indicators.\(x.id).description", .caseworker, "\(what), description", x.description, x.location, .optional(\Pack.indicators[i].description))
        }
        for i in derived.indices {
            let x = derived[i], what = "derived condition '\(x.id)'"
            add("derived.\(x.id).title", .caseworker, "\(what), title", x.title, x.location, .optional(\Pack.derived[i].title))
            add("derived.\(x.id).description", .caseworker, "\(what), description", x.description, x.location, .optional(\Pack.derived[i].description))
        }
        for i in outcomes.indices {
            let x = outcomes[i], what = "outcome '\(x.id)'"
            add("outcomes.\(x.id).title", .caseworker, "\(what), title", x.title, x.location, .required(\Pack.outcomes[i].title))
            add("outcomes.\(x.id).description", .caseworker, "\(what), description", x.description, x.location, .optional(\Pack.outcomes[i].description))
        }
        for i in services.indices {
            let x = services[i], what = "service '\(x.id)'"
            add("services.\(x.id).title", .caseworker, "\(what), name", x.title, x.location, .required(\Pack.services[i].title))
            add("services.\(x.id).description", .caseworker, "\(what), description", x.description, x.location, .optional(\Pack.services[i].description))
        }
        for i in referrals.indices {
            let x = referrals[i]
            add("referrals.\(x.id).because", .caseworker, "referral '\(x.id)', reason", x.because, x.location, .optional(\Pack.referrals[i].because))
        }
        for i in notices.indices {
            let x = notices[i], what = "notice '\(x.id)'"
            add("notices.\(x.id).title", .caseworker, "\(what), title", x.title, x.location, .optional(\Pack.notices[i].title))
            add("notices.\(x.id).text", .person, "\(what), told to the person", x.text, x.location, .required(\Pack.notices[i].text))
        }
        return fields
    }

    /// Writes `text` as the `language` version of `field`.
    mutating func setTranslation(_ text: String, language: String, of field: TextField) {
        switch field.path {
        case .required(let path): self[keyPath: path].values[language] = text
        case .optional(let path): self[keyPath: path]?.values[language] = text
        }
    }
}
