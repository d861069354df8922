import Foundation
import WaymarkCore

/// The table `intake --list` prints, and the same as JSON: one row per draft or completed intake, nothing about the person.
public enum IntakeList {
    public static func text(_ intakes: [IntakeStore.Summary], directory: String) -> String {
        guard !intakes.isEmpty else { return "No intakes in \(directory.singleLineSafe).\n" }
        var out = "ID                        STARTED               PACK                  ANSWERS  STATUS\n"
        for i in intakes {
            out += i.id.singleLineSafe.padding(toLength: 26, withPad: " ", startingAt: 0)
                + (i.started.isEmpty ? "-" : i.started.singleLineSafe).padding(toLength: 22, withPad: " ", startingAt: 0)
                + (i.packVersion.isEmpty ? "-" : i.packVersion.singleLineSafe).padding(toLength: 22, withPad: " ", startingAt: 0)
                + (i.answered.map(String.init) ?? "-").padding(toLength: 9, withPad: " ", startingAt: 0)
                + status(i) + "\n"
        }
        return out
    }

    /// A draft this many days old is flagged: finish it or discard it, so that no half-told story lingers on a laptop.
    public static let oldDraftDays = 14

    /// What each row says of its intake: completed or draft, whether its content is sealed away from this laptop, and
    /// whether a draft is old.
    static func status(_ i: IntakeStore.Summary, now: Date = Date()) -> String {
        if i.isDamaged { return "damaged: waymark intake --recover \(i.id.singleLineSafe)" }
        let old = i.age(now: now).flatMap { $0 >= oldDraftDays ? ", \($0) days old: finish it or discard it" : nil } ?? ""
        switch (i.completed, i.isProtected) {
        case (true, true): return "completed, sealed"
        case (true, false): return "completed"
        case (false, true): return "draft, protected" + old
        case (false, false): return "draft" + old
        }
    }

    /// The rows as JSON, for scripts: unknown values are null.
    public static func json(_ intakes: [IntakeStore.Summary]) -> JSONValue {
        .array(intakes.map { i in
            .object([("id", .string(i.id)), ("started", i.started.isEmpty ? .null : .string(i.started)),
                     ("pack", i.packVersion.isEmpty ? .null : .string(i.packVersion)),
                     ("answers", i.answered.map { .number(Double($0)) } ?? .null), ("status", .string(status(i))),
                     ("age_days", i.age().map { .number(Double($0)) } ?? .null)])
        })
    }
}
