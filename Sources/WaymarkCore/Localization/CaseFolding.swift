/// Case folding that knows the Turkic dotted and dotless i, for matching what a caseworker types.
public enum CaseFolding {
    /// Lower-cases `text`, mapping I to ı and İ to i for Azerbaijani and Turkish.
    public static func lowercased(_ text: String, language: String) -> String {
        guard language == "az" || language == "tr" else { return text.lowercased() }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "I": out += "ı"
            case "\u{130}": out += "i"
            default: out += String(scalar).lowercased()
            }
        }
        return out
    }
}
