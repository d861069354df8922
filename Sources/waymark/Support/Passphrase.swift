import Foundation
import WaymarkWorkflows

/// Reads a passphrase without showing it on the terminal; piped input (scripts, tests) is read as a plain line.
enum Passphrase {
    static func read(prompt: String, confirm: Bool) -> String? {
        guard isatty(STDIN_FILENO) == 1 else { return Swift.readLine(strippingNewline: true) }
        while true {
            guard let first = readHidden(prompt) else { return nil }
            if first.count < IntakeOpening.minimumPassphraseLength {
                FileHandle.standardOutput.write(Data("Please use at least \(IntakeOpening.minimumPassphraseLength) characters.\n".utf8))
                continue
            }
            guard confirm else { return first }
            guard let second = readHidden("Type it again: ") else { return nil }
            if first == second { return first }
            FileHandle.standardOutput.write(Data("The two did not match. Please try again.\n".utf8))
        }
    }

    private static func readHidden(_ prompt: String) -> String? {
        FileHandle.standardOutput.write(Data(prompt.utf8))
        tcgetattr(STDIN_FILENO, &savedTerminal)
        terminalNeedsRestore = true
        var hidden = savedTerminal
        hidden.c_lflag &= ~tcflag_t(ECHO)
        // TCSAFLUSH drops anything typed ahead of the prompt, so it is never taken as (part of) the passphrase.
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedTerminal)
            terminalNeedsRestore = false
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
        return Swift.readLine(strippingNewline: true)
    }
}
