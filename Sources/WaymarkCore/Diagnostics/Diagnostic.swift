/// A problem found in a pack, answers or scenario file, with the place it points at.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is; errors sort first, then warnings, then notes.
    public enum Severity: String, Sendable, Comparable {
        case error, warning, note

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        /// Orders errors before warnings before notes.
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var location: SourceLocation
    public var severity: Severity
    public var message: String
    /// A short hint such as "did you mean 'prompt'?"; rendered after the message.
    public var suggestion: String?
    /// Secondary places, such as the first definition of a duplicate id.
    public var notes: [Diagnostic]
    /// A stable identifier of the message, such as `W3104`, for scripts and documentation; the text form leaves it out.
    public var code: String?

    /// A diagnostic at `location`, an error unless told otherwise.
    public init(
        code: String? = nil, _ severity: Severity = .error, at location: SourceLocation, _ message: String,
        suggestion: String? = nil, notes: [Diagnostic] = []
    ) {
        self.code = code
        self.severity = severity
        self.location = location
        self.message = message
        self.suggestion = suggestion
        self.notes = notes
    }

    /// The one-line form `file:line:col: error: message; suggestion`.
    public var description: String {
        var text = (location.file.isEmpty ? "" : "\(location): ") + "\(severity.rawValue): \(message)"
        if let suggestion { text += "; \(suggestion)" }
        return text
    }
}

/// Diagnostics gathered during one load, so a single run reports every problem.
public struct DiagnosticBag: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    /// An empty bag.
    public init() {}

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Adds one diagnostic.
    public mutating func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    /// Adds several diagnostics, in order.
    public mutating func append(contentsOf other: [Diagnostic]) { diagnostics += other }

    /// Adds an error at `location`.
    public mutating func error(code: String? = nil, at location: SourceLocation, _ message: String, suggestion: String? = nil) {
        append(Diagnostic(code: code, .error, at: location, message, suggestion: suggestion))
    }

    /// Adds a warning at `location`.
    public mutating func warning(code: String? = nil, at location: SourceLocation, _ message: String, suggestion: String? = nil) {
        append(Diagnostic(code: code, .warning, at: location, message, suggestion: suggestion))
    }

    /// Diagnostics sorted by file, line and column, duplicates removed.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics
            .filter { seen.insert($0).inserted }
            .sorted { ($0.location, $0.severity) < ($1.location, $1.severity) }
    }
}

/// A failure that stops a command before any checking can happen, such as an unreadable file: one diagnostic,
/// drawn by the same renderer as every other.
public struct FatalError: Error, Sendable, CustomStringConvertible {
    public var diagnostic: Diagnostic

    /// A failure at `location` (a file as a whole with `.file(path)`), or about no file at all.
    public init(code: String? = nil, at location: SourceLocation = .none, _ message: String, suggestion: String? = nil) {
        diagnostic = Diagnostic(code: code, .error, at: location, message, suggestion: suggestion)
    }

    /// Wraps a diagnostic that is already built.
    public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }

    public var description: String { diagnostic.description }
}

/// Thrown when a file was read but holds errors; carries them all.
public struct DiagnosticsError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    /// Carries every diagnostic found.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
