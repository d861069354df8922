/// Text given as one string or as a map from language code to string.
public struct LocalizedText: Sendable, Hashable {
    /// Language code → text; a plain string is stored under the pack's default language.
    public var values: [String: String]
    public var defaultLanguage: String

    /// Text in one language only.
    public init(_ text: String, language: String = "en") {
        values = [language: text]
        defaultLanguage = language
    }

    /// Text in several languages, with the one to fall back on.
    public init(values: [String: String], defaultLanguage: String) {
        self.values = values
        self.defaultLanguage = defaultLanguage
    }

    /// The text in `language`, or in the default language when the pack has no translation.
    public func text(_ language: String? = nil) -> String {
        if let language, let value = values[language] { return value }
        return values[defaultLanguage] ?? values.values.sorted().first ?? ""
    }

    public var text: String { text(nil) }
}
