import ArgumentParser
import Foundation
import WaymarkCore

/// "did you mean" for a mistyped command, as git and cargo give it; argument-parser does it for options only.
enum CommandSuggestion {
    /// A message for the first word that is not a command, or nil when the command line names real commands.
    static func message(for arguments: [String], root: ParsableCommand.Type) -> String? {
        var command: ParsableCommand.Type = root
        var path = [root._commandName]
        for word in arguments {
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, !word.hasPrefix("-"), word != "help" else { return nil }
            guard let next = subcommands.first(where: { $0._commandName == word }) else {
                let names = subcommands.map { $0._commandName }
                let hint = Suggestion.didYouMean(word, in: names) ?? "the commands are: \(names.joined(separator: ", "))"
                return "error: unknown command '\(word.singleLineSafe)' for '\(path.joined(separator: " "))'; \(hint)\n"
                    + "See '\(path.joined(separator: " ")) --help'.\n"
            }
            command = next
            path.append(word)
        }
        return nil
    }
}
