extension Diagnostic {
    /// The diagnostic as a JSON object for scripts: place, severity, stable code, message, suggestion and notes.
    public var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("file", .string(location.file)), ("line", .number(Double(location.line))), ("column", .number(Double(location.column))),
            ("severity", .string(severity.rawValue)), ("code", code.map(JSONValue.string) ?? .null), ("message", .string(message)),
        ]
        if let suggestion { fields.append(("suggestion", .string(suggestion))) }
        if !notes.isEmpty { fields.append(("notes", .array(notes.map(\.json)))) }
        return .object(fields)
    }
}
