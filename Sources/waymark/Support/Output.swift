import Foundation
import WaymarkCore

/// Where a command writes, and whether it may use colour.
struct Output {
    /// Colour only on a terminal, and never with NO_COLOR or TERM=dumb.
    static func colourAllowed(fileDescriptor: Int32) -> Bool {
        let env = ProcessInfo.processInfo.environment
        if env["NO_COLOR"] != nil || env["TERM"] == "dumb" { return false }
        return isatty(fileDescriptor) == 1
    }

    var colour = Output.colourAllowed(fileDescriptor: STDOUT_FILENO)
    var errorColour = Output.colourAllowed(fileDescriptor: STDERR_FILENO)

    func print(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    func write(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Writes diagnostics to standard error, with a count line.
    func diagnostics(_ diagnostics: [Diagnostic], summary: Bool = true) {
        guard !diagnostics.isEmpty else { return }
        error(SourceFiles.shared.renderer(colour: errorColour).render(diagnostics, summary: summary))
    }
}
