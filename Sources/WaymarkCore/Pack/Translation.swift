/// A pack's texts in one more language, read from `lang/<code>.yaml` beside the pack's files.
public struct Translation: Sendable {
    /// Whether a native speaker who knows the field has checked a text.
    public enum Status: String, Sendable, CaseIterable {
        case draft, reviewed
    }

    /// One translated field.
    public struct Entry: Sendable {
        public var text: String
        /// `TextHash` of the English this text was translated from; a different hash today means the English changed.
        public var source: String
        public var status: Status
        public var location: SourceLocation
    }

    public var language: String
    /// The language's own name, such as "Azərbaycanca".
    public var name: String?
    /// The status of entries that do not give their own.
    public var status: Status
    public var reviewedBy: String?
    public var reviewedOn: String?
    public var file: String
    public var entries: [String: Entry]
}

/// Short fingerprints of source texts, so a translation knows when its English changed.
public enum TextHash {
    /// The first 12 hex digits of the text's SHA-256.
    public static func of(_ text: String) -> String {
        var hasher = SHA256()
        hasher.update(Array(text.utf8))
        return String(hasher.finalize().prefix(12))
    }
}

/// How far one language covers a pack's texts.
public struct TranslationCompleteness: Sendable, Equatable {
    public var language: String
    public var total = 0
    public var reviewed = 0
    public var draft = 0
    /// Translated from an English text that has since changed: not shown, English is used instead.
    public var stale: [String] = []
    public var missing: [String] = []
    /// Person-facing texts among the stale and missing ones: what the person would hear in English.
    public var personFacingFallbacks = 0

    public var present: Int { reviewed + draft }
    public var percentPresent: Double { total == 0 ? 100 : Double(present) * 100 / Double(total) }
}

extension Pack {
    /// The translation file for `language`, if the pack has one.
    public func translation(_ language: String) -> Translation? { translations.first { $0.language == language } }

    /// Per-field status of `language`; the default language is complete and reviewed by definition.
    public func completeness(_ language: String) -> TranslationCompleteness {
        var result = TranslationCompleteness(language: language)
        let file = translation(language)
        for field in textFields {
            result.total += 1
            if language == info.languages.first { result.reviewed += 1; continue }
            if let entry = file?.entries[field.key] {
                if entry.source != TextHash.of(field.text.text) {
                    result.stale.append(field.key)
                    if field.audience == .person { result.personFacingFallbacks += 1 }
                } else if entry.status == .reviewed { result.reviewed += 1 } else { result.draft += 1 }
            } else if field.text.values[language] != nil {
                // Written inline as a language map: no review record, so counted as a draft.
                result.draft += 1
            } else {
                result.missing.append(field.key)
                if field.audience == .person { result.personFacingFallbacks += 1 }
            }
        }
        return result
    }
}
