/// Reads `lang/<code>.yaml` files and writes their texts into a decoded pack.
struct TranslationDecoder {
    let reader: SchemaReader

    func decode(_ root: YAMLNode, file: String) -> Translation? {
        guard let f = reader.fields(root, of: "a translation file", allowed: ["translation", "texts"], required: ["translation"]),
              let headerNode = f["translation"],
              let header = reader.fields(headerNode, of: "the translation header",
                                         allowed: ["language", "name", "status", "reviewed_by", "reviewed_on"], required: ["language"]),
              let language = header.string("language")
        else { return nil }
        let status = header.enum("status", Translation.Status.self) ?? .draft
        var translation = Translation(language: language, name: header.string("name"), status: status,
                                      reviewedBy: header.string("reviewed_by"), reviewedOn: header.string("reviewed_on"),
                                      file: file, entries: [:])
        guard let texts = f["texts"] else { return translation }
        guard let pairs = texts.mapping else {
            reader.error(code: "W3025", texts, "'texts' must map field keys to translations, found \(texts.kindDescription)")
            return translation
        }
        for pair in pairs {
            guard let key = pair.key.scalar?.text,
                  let entry = reader.fields(pair.value, of: "a translation", allowed: ["text", "source", "status"], required: ["text", "source"]),
                  let text = entry.string("text"), let source = entry.string("source")
            else { continue }
            translation.entries[key] = Translation.Entry(text: text, source: source, status: entry.enum("status", Translation.Status.self) ?? status,
                                                         location: pair.key.location)
        }
        return translation
    }

    /// Checks each translation against the pack and writes its current (not stale) texts into the fields.
    func apply(_ translations: [(Translation, YAMLNode)], to pack: inout Pack) {
        let fields = pack.textFields
        let byKey = Dictionary(fields.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var seen: [String: SourceLocation] = [:]
        for (translation, root) in translations {
            let languageNode = root.value(for: "translation")?.value(for: "language") ?? root
            if let first = seen[translation.language] {
                reader.bag.append(Diagnostic(code: "W3026", at: languageNode.location, "a second translation file for '\(translation.language.singleLineSafe)'",
                                             notes: [Diagnostic(.note, at: first, "the first is here")]))
                continue
            }
            seen[translation.language] = languageNode.location
            guard pack.info.languages.contains(translation.language), translation.language != pack.info.languages.first else {
                reader.error(code: "W3027", languageNode, "language '\(translation.language.singleLineSafe)' is not one of the pack's other languages (\(pack.info.languages.dropFirst().joined(separator: ", ")))",
                             suggestion: "add it to pack.languages after the default language")
                continue
            }
            for (key, entry) in translation.entries.sorted(by: { $0.value.location < $1.value.location }) {
                guard let field = byKey[key] else {
                    reader.bag.error(code: "W3028", at: entry.location, "no text field '\(key.singleLineSafe)' in the pack",
                                     suggestion: Suggestion.didYouMean(key, in: Array(byKey.keys)) ?? "run 'waymark translations export' to see the keys")
                    continue
                }
                guard entry.source == TextHash.of(field.text.text) else {
                    reader.bag.warning(code: "W3029", at: entry.location, "stale translation of '\(key)': the English changed after it was translated, so the English is shown",
                                       suggestion: "update the text and its source hash (waymark translations export marks it for the translator)")
                    continue
                }
                pack.setTranslation(entry.text, language: translation.language, of: field)
            }
        }
        pack.translations = translations.map(\.0)
    }
}
