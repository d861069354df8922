import Foundation

/// The texts of files read in one run, kept so that diagnostics can quote the offending line. A command makes one and
/// hands it to the loaders it calls; files that must not be quoted (journals, keys) are never registered.
public final class SourceFiles: @unchecked Sendable {
    private var texts: [String: [Substring]] = [:]
    private let lock = NSLock()

    /// An empty registry.
    public init() {}

    /// Keeps the text of `file`, split into lines, replacing any earlier text under that name.
    public func register(_ file: String, text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lock.withLock { texts[file] = lines }
    }

    /// The 1-based line of a registered file, without its line break.
    public func line(_ file: String, _ number: Int) -> String? {
        lock.withLock {
            guard let lines = texts[file], number >= 1, number <= lines.count else { return nil }
            var line = lines[number - 1]
            if line.hasSuffix("\r") { line = line.dropLast() }
            return String(line)
        }
    }

    /// A renderer that quotes lines from this registry.
    public func renderer(colour: Bool) -> DiagnosticRenderer {
        DiagnosticRenderer(colour: colour) { [self] file, line in self.line(file, line) }
    }
}
