import WaymarkCore
import WaymarkRecords

/// A training case: the narrative a trainee reads, reference answers, and what should follow from them.
public struct Scenario: Sendable {
    public var id: String
    public var title: LocalizedText
    /// The case as told; a map per language lets a trainer run the drill in the trainees' language.
    public var narrative: LocalizedText
    /// Whether the title and narrative in languages other than English have been checked by a native speaker.
    public var translationStatus: Translation.Status = .draft
    public var answers: AnswerSet
    public var expect: Expectation
    public var file: String
    public var location: SourceLocation
}

/// What a scenario says the pack must conclude; each id keeps the place it was written.
public struct Expectation: Sendable {
    /// A rule id the scenario names, with the place it was written.
    public struct Reference: Sendable, Hashable {
        public var id: String
        public var location: SourceLocation
    }

    public var outcome: Reference?
    public var present: [Reference] = []
    public var absent: [Reference] = []
    public var undetermined: [Reference] = []
    public var referralsIncluded: [Reference] = []
    public var referralsExcluded: [Reference] = []
    public var noticesIncluded: [Reference] = []
    public var noticesExcluded: [Reference] = []
}
