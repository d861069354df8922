/// Names of the languages Waymark ships texts in.
public enum LanguageNames {
    /// What each language calls itself, as a person choosing a language reads it.
    public static let own = ["en": "English", "az": "Azərbaycanca", "ru": "Русский"]
    /// The same languages named in English, for file comments.
    public static let english = ["en": "English", "az": "Azerbaijani", "ru": "Russian"]
}
