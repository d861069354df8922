/// Writes diagnostics as `file:line:col: severity: message`, followed by the source line and a caret.
public struct DiagnosticRenderer: Sendable {
    public var colour: Bool
    /// Returns the text of a 1-based line of a file, if it is known.
    public var sourceLine: @Sendable (_ file: String, _ line: Int) -> String?

    /// A renderer that colours output only when told to, and quotes source lines that `sourceLine` can supply.
    public init(colour: Bool = false, sourceLine: @escaping @Sendable (String, Int) -> String? = { _, _ in nil }) {
        self.colour = colour
        self.sourceLine = sourceLine
    }

    /// The full text for one diagnostic and its notes, each line ending in a newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        var text = header(diagnostic)
        if diagnostic.location.line > 0, let line = sourceLine(diagnostic.location.file, diagnostic.location.line) {
            var safe = line.singleLineSafe
            var caretColumn = max(0, min(diagnostic.location.column - 1, safe.count))
            // A huge line (a 10 MB JSON line, say) is quoted as a short excerpt around the caret.
            if safe.count > Self.maxQuoted {
                let start = max(0, min(caretColumn - Self.maxQuoted / 2, safe.count - Self.maxQuoted))
                let excerpt = safe.dropFirst(start).prefix(Self.maxQuoted)
                safe = (start > 0 ? "…" : "") + excerpt + (start + Self.maxQuoted < safe.count ? "…" : "")
                caretColumn = caretColumn - start + (start > 0 ? 1 : 0)
            }
            text += "    \(safe)\n"
            text += "    " + String(repeating: " ", count: caretColumn) + paint("^", "32") + "\n"
        }
        for note in diagnostic.notes { text += render(note) }
        return text
    }

    /// All diagnostics, then a count line such as "2 errors, 1 warning".
    public func render(_ diagnostics: [Diagnostic], summary: Bool = true) -> String {
        var text = diagnostics.map(render).joined()
        if summary { text += Self.summary(diagnostics) + "\n" }
        return text
    }

    /// "no errors", "1 error", "3 errors, 1 warning".
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        var parts = [errors == 0 ? "no errors" : plural(errors, "error")]
        if warnings > 0 { parts.append(plural(warnings, "warning")) }
        return parts.joined(separator: ", ")
    }

    /// A count with its word, plural unless it is 1: "1 error", "2 errors".
    /// The most characters of a source line a diagnostic quotes.
    static let maxQuoted = 160

    public static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    private func header(_ d: Diagnostic) -> String {
        let code: String
        switch d.severity {
        case .error: code = "1;31"
        case .warning: code = "1;35"
        case .note: code = "1;36"
        }
        var text = (d.location.file.isEmpty ? "" : paint("\(d.location):", "1") + " ") + paint("\(d.severity.rawValue):", code) + " "
        text += d.message.singleLineSafe
        if let suggestion = d.suggestion { text += "; \(suggestion.singleLineSafe)" }
        return text + "\n"
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
