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

/// Where a field lives in the model, so a translation can be written into it. Key paths are immutable values.
fileprivate enum TextPath: @unchecked Sendable {
    case required(WritableKeyPath<Pack, LocalizedText>)
    case optional(WritableKeyPath<Pack, LocalizedText?>)
}

/// A required or optional text of an item in one of the pack's lists.
fileprivate enum ItemText<T> {
    case required(WritableKeyPath<T, LocalizedText>)
    case optional(WritableKeyPath<T, LocalizedText?>)
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
        /// A title and a description for each item of a list, such as categories or outcomes.
        func titled<T>(_ collection: String, _ noun: String, _ list: WritableKeyPath<Pack, [T]>, id: KeyPath<T, String>,
                       location: KeyPath<T, SourceLocation>, title: ItemText<T>, description: WritableKeyPath<T, LocalizedText?>,
                       titleIs: String = "title", descriptionIs: String = "description") {
            for i in self[keyPath: list].indices {
                let item = self[keyPath: list][i], itemID = item[keyPath: id], what = "\(noun) '\(itemID)'"
                let element = list.appending(path: \[T].[i])
                switch title {
                case .required(let path):
                    add("\(collection).\(itemID).title", .caseworker, "\(what), \(titleIs)", item[keyPath: path], item[keyPath: location],
                        .required(element.appending(path: path)))
                case .optional(let path):
                    add("\(collection).\(itemID).title", .caseworker, "\(what), \(titleIs)", item[keyPath: path], item[keyPath: location],
                        .optional(element.appending(path: path)))
                }
                add("\(collection).\(itemID).description", .caseworker, "\(what), \(descriptionIs)", item[keyPath: description],
                    item[keyPath: location], .optional(element.appending(path: description)))
            }
        }
        add("pack.title", .caseworker, "the pack's title", info.title, info.location, .required(\Pack.info.title))
        add("pack.description", .caseworker, "the pack's description", info.description, info.location, .optional(\Pack.info.description))
        titled("categories", "indicator category", \.categories, id: \.id, location: \.location, title: .required(\.title),
               description: \.description)
        titled("sections", "interview section", \.sections, id: \.id, location: \.location, title: .required(\.title),
               description: \.description, descriptionIs: "note to the caseworker")
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
        titled("indicators", "indicator", \.indicators, id: \.id, location: \.location, title: .required(\.title), description: \.description)
        titled("derived", "derived condition", \.derived, id: \.id, location: \.location, title: .optional(\.title), description: \.description)
        titled("outcomes", "outcome", \.outcomes, id: \.id, location: \.location, title: .required(\.title), description: \.description)
        titled("services", "service", \.services, id: \.id, location: \.location, title: .required(\.title), description: \.description,
               titleIs: "name")
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
