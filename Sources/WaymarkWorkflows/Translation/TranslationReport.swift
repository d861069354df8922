import WaymarkCore
import WaymarkRecords

/// What `check` and `coverage` say about a pack's languages.
public enum TranslationReport {
    /// One row per language: texts present, reviewed, draft, stale and missing.
    public static func table(_ pack: Pack) -> String {
        var out = "Translations (of \(pack.textFields.count) texts; a stale or missing one shows in \(pack.info.languages.first ?? "en")):\n"
        for language in pack.info.languages {
            let c = pack.completeness(language)
            let name = (LanguageNames.own[language] ?? language).padding(toLength: 13, withPad: " ", startingAt: 0)
            if language == pack.info.languages.first {
                out += "  \(language.padding(toLength: 4, withPad: " ", startingAt: 0))\(name)default language\n"
                continue
            }
            out += "  \(language.padding(toLength: 4, withPad: " ", startingAt: 0))\(name)\(c.present) present (\(percent(c.percentPresent))): "
                + "\(c.reviewed) reviewed, \(c.draft) draft, \(c.stale.count) stale, \(c.missing.count) missing\n"
        }
        return out
    }

    /// The keys still to translate or update for `language`.
    public static func details(_ pack: Pack, language: String) -> String {
        let c = pack.completeness(language)
        var out = ""
        if c.draft > 0 {
            out += "\(c.draft) \(language) texts are drafts: have a native speaker who knows the field review them "
                + "(waymark translations export --lang \(language)).\n"
        }
        let fields = Dictionary(pack.textFields.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        for key in c.missing { out += "  missing: \(key)\(fields[key].map { " (\($0.location.file):\($0.location.line))" } ?? "")\n" }
        for key in c.stale { out += "  stale:   \(key)\(fields[key].map { " (\($0.location.file):\($0.location.line))" } ?? "")\n" }
        return out
    }

    /// Person-facing texts over the word limit, as warnings, in the given languages.
    public static func wordingFindings(_ pack: Pack, languages: [String]) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for field in pack.textFields where field.audience == .person {
            for language in languages {
                guard let text = field.text.values[language] else { continue }
                let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
                if words > personTextWordLimit {
                    findings.append(Diagnostic(code: "W8005", .warning, at: field.location,
                                               "'\(field.key)' (\(language)) is read to the person and has \(words) words",
                                               suggestion: "keep what is read aloud to \(personTextWordLimit) words or fewer"))
                }
            }
        }
        return findings
    }

    static func percent(_ value: Double) -> String {
        value >= 100 ? "100%" : value.rounded(.down) == value ? "\(Int(value))%" : String(Int(value.rounded(.down))) + "%"
    }
}
