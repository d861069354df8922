import Foundation
import WaymarkCore
import WaymarkWorkflows
import WaymarkRecords

/// The real terminal for an interview: standard input and output, and the signals that end it.
final class TerminalIO: InterviewIO {
    let isTerminal = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1

    private let echo = isatty(STDIN_FILENO) != 1

    /// Reads one line; piped answers are echoed so that a transcript reads like the session it was.
    func readLine() -> String? {
        let line = Swift.readLine(strippingNewline: true)
        if echo, let line { write(line.singleLineSafe + "\n") }
        return line
    }

    func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }

    /// Dim text for the caseworker only on a colour terminal, never with NO_COLOR or TERM=dumb.
    let colour = isatty(STDIN_FILENO) == 1 && Output.colourAllowed(fileDescriptor: STDOUT_FILENO)

    /// The terminal's width, or `COLUMNS`, or 80 in a pipe.
    var columns: Int {
        var size = winsize()
        if isTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }

    /// Erases the screen and the scrollback, for the quick exit.
    static let clearScreen = "\u{1B}[H\u{1B}[2J\u{1B}[3J"
}

/// What the signal handlers print; set before they are installed, read only inside them.
nonisolated(unsafe) private var interruptMessage: UnsafeMutablePointer<CChar>?
nonisolated(unsafe) private var interruptLength = 0
nonisolated(unsafe) private var clearOnQuit = false
/// The terminal's settings while a passphrase is typed with echo off, restored by every way out.
nonisolated(unsafe) var savedTerminal = termios()
nonisolated(unsafe) var terminalNeedsRestore = false

/// Puts the terminal back as it was (echo on), from a signal handler too: tcsetattr is async-signal-safe.
func restoreTerminal() {
    if terminalNeedsRestore { tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminal) }
}

/// Ctrl-C and SIGTERM say how to resume; a closed terminal exits quietly; Ctrl-\ is the quick exit.
/// Every answer is already on disk when the next prompt shows, so each one only has to leave with code 3.
enum InterviewSignals {
    /// Installs the handlers, before anything is printed or read, so that Ctrl-C and Ctrl-\ behave the same at every
    /// prompt, the passphrase's included; call `update` once there is a draft to resume.
    static func install(resumeHint: String, terminal: Bool) {
        update(resumeHint: resumeHint)
        clearOnQuit = terminal
        // A parent may have started us with these blocked; a caseworker's Ctrl-C must always work.
        var signals = sigset_t()
        sigemptyset(&signals)
        for s in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&signals, s) }
        sigprocmask(SIG_UNBLOCK, &signals, nil)
        signal(SIGINT) { _ in
            restoreTerminal()
            if let message = interruptMessage { _ = Glibc.write(STDOUT_FILENO, message, interruptLength) }
            _exit(3)
        }
        signal(SIGTERM) { _ in restoreTerminal(); _exit(3) }
        signal(SIGHUP) { _ in restoreTerminal(); _exit(3) }
        signal(SIGQUIT) { _ in
            restoreTerminal()
            if clearOnQuit { _ = "\u{1B}[H\u{1B}[2J\u{1B}[3J".withCString { Glibc.write(STDOUT_FILENO, $0, strlen($0)) } }
            _exit(3)
        }
    }

    /// What Ctrl-C prints from now on.
    static func update(resumeHint: String) {
        let bytes = Array(resumeHint.utf8CString)
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        let old = interruptMessage
        interruptLength = 0
        interruptMessage = buffer
        interruptLength = bytes.count - 1
        // The old message is left allocated: a handler running now may still be reading it.
        _ = old
    }
}
