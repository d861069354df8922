import Foundation
import WaymarkCore
import WaymarkWorkflows
import WaymarkRecords

/// Where a command writes, and whether it may use colour.
struct Output {
    /// Colour only on a terminal, and never with NO_COLOR or TERM=dumb.
    static func colourAllowed(fileDescriptor: Int32) -> Bool {
        let env = ProcessInfo.processInfo.environment
        if env["NO_COLOR"] != nil || env["TERM"] == "dumb" { return false }
        return isatty(fileDescriptor) == 1
    }

    /// The files this command read, for diagnostics that quote them.
    let sources = SourceFiles()
    var colour = Output.colourAllowed(fileDescriptor: STDOUT_FILENO)
    var errorColour = Output.colourAllowed(fileDescriptor: STDERR_FILENO)

    func print(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes straight to standard output, without copying: batches hand over large blocks.
    func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0, errno == EINTR { continue }
            // A reader that went away (as `| head` does) ends the output quietly.
            guard n > 0 else { exit(errno == EPIPE ? 0 : 1) }
            offset += n
        }
    }

    func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Writes one failure to standard error through the diagnostic renderer.
    func fail(_ error: FatalError) { diagnostics([error.diagnostic], summary: false) }

    /// Writes any error that stopped a command through the diagnostic renderer.
    func fail(_ error: any Error) {
        switch error {
        case let fatal as FatalError: fail(fatal)
        case let diagnostic as Diagnostic: diagnostics([diagnostic], summary: false)
        default: fail("\(error)")
        }
    }

    /// Writes one failure, at a place or about no file, to standard error through the diagnostic renderer.
    func fail(at location: SourceLocation = .none, _ message: String, suggestion: String? = nil) {
        fail(FatalError(at: location, message, suggestion: suggestion))
    }

    /// Writes diagnostics to standard error, with a count line.
    func diagnostics(_ diagnostics: [Diagnostic], summary: Bool = true) {
        guard !diagnostics.isEmpty else { return }
        error(sources.renderer(colour: errorColour).render(diagnostics, summary: summary))
    }
}
