import WaymarkCore

/// Whether a right (a notice) was explained to the person: a report says "the person was told" only of what the
/// caseworker confirmed.
public struct NoticeTold: Sendable, Equatable {
    public var notice: String
    public var told: Bool
    /// Why it was not explained (free text, treated as sensitive).
    public var reason: String?

    public init(notice: String, told: Bool, reason: String? = nil) {
        self.notice = notice
        self.told = told
        self.reason = reason
    }

    var json: JSONValue {
        .object([("notice", .string(notice)), ("told", .bool(told))] + (reason.map { [("reason", JSONValue.string($0))] } ?? []))
    }
}
