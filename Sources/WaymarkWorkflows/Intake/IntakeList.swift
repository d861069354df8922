import WaymarkCore

/// The table `intake --list` prints: one row per draft or completed intake, nothing about the person.
public enum IntakeList {
    /// The table of intakes in `directory`, or a line saying there are none.
    public static func text(_ intakes: [IntakeStore.Summary], directory: String) -> String {
        guard !intakes.isEmpty else { return "No intakes in \(directory.singleLineSafe).\n" }
        var out = "ID                        STARTED               PACK                  ANSWERS  STATUS\n"
        for i in intakes {
            out += i.id.singleLineSafe.padding(toLength: 26, withPad: " ", startingAt: 0)
                + i.started.singleLineSafe.padding(toLength: 22, withPad: " ", startingAt: 0)
                + i.packVersion.singleLineSafe.padding(toLength: 22, withPad: " ", startingAt: 0)
                + String(i.answered).padding(toLength: 9, withPad: " ", startingAt: 0)
                + (i.completed ? "completed" : i.isProtected ? "draft, protected" : "draft") + "\n"
        }
        return out
    }
}
