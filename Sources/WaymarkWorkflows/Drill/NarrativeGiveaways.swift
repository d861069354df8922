import WaymarkCore

/// Words in a scenario's story that give the result away ("this is internal trafficking", "no referral is suggested"):
/// a trainee must reach the outcome from what the person says, so the story describes and never concludes.
public enum NarrativeGiveaways {
    /// Phrases that name a conclusion, by language; a story may still say what the person calls it ("would never call it exploitation").
    static let phrases: [String: [String]] = [
        "en": ["trafficking", "presumed victim", "possible victim", "no indicators", "is established", "are established",
               "both established", "points to exploitation", "none of exploitation", "referral", "is referred", "not referred",
               "is offered", "forced labour", "forced labor", "debt bondage"],
        "az": ["insan alveri", "ehtimal olunan qurban", "mümkün qurban", "müəyyən edilib", "yönləndirmə", "yönləndirmirlər", "məcburi əmək"],
        "ru": ["торговл", "предполагаемая жертва", "возможная жертва", "установлены и", "направление в", "не направляют", "принудительн"],
    ]

    /// The phrases found in each language of the scenario's story.
    public static func find(in scenario: Scenario) -> [(language: String, phrase: String)] {
        scenario.narrative.values.keys.sorted().flatMap { language in
            let text = (scenario.narrative.values[language] ?? "").lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return (phrases[language] ?? []).filter { text.contains($0) }.map { (language, $0) }
        }
    }

    /// One warning per scenario that gives its result away, at the scenario.
    public static func findings(_ scenarios: [Scenario]) -> [Diagnostic] {
        scenarios.compactMap { scenario in
            let found = find(in: scenario)
            guard !found.isEmpty else { return nil }
            return Diagnostic(code: "W8511", .warning, at: scenario.location,
                              "the story of '\(scenario.id)' gives the result away: " + found.map { "\"\($0.phrase)\" (\($0.language))" }.joined(separator: ", "),
                              suggestion: "describe what the person says and does; leave the conclusion to the trainee")
        }
    }
}
