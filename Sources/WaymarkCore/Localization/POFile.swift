/// A gettext PO file: the format translators' tools (Poedit, Weblate, Lokalize, OmegaT) open as is.
public struct POFile: Sendable, Equatable {
    /// One message: `msgctxt` names the field, `msgid` is the English, `msgstr` the translation.
    public struct Entry: Sendable, Equatable {
        public var context: String?
        public var id: String
        public var translation: String
        /// `#.` lines: what the text is and who reads it.
        public var comments: [String] = []
        /// `#:` lines: where the English comes from.
        public var references: [String] = []
        /// `#, fuzzy`: a translation not yet confirmed; Waymark reads it as a draft.
        public var fuzzy = false
        /// 1-based line of the entry's first keyword, for messages.
        public var line = 0

        /// An entry for `id` in `context`, with its translation and translator notes.
        public init(context: String?, id: String, translation: String, comments: [String] = [], references: [String] = [], fuzzy: Bool = false) {
            self.context = context
            self.id = id
            self.translation = translation
            self.comments = comments
            self.references = references
            self.fuzzy = fuzzy
        }
    }

    /// Header fields such as `Language: az`.
    public var header: [(String, String)]
    public var entries: [Entry]

    /// A file with these header fields and entries, in order.
    public init(header: [(String, String)], entries: [Entry]) {
        self.header = header
        self.entries = entries
    }

    /// Equal when the entries and the header fields, in order, are equal.
    public static func == (a: POFile, b: POFile) -> Bool {
        a.entries == b.entries && a.header.map { $0.0 + ":" + $0.1 } == b.header.map { $0.0 + ":" + $0.1 }
    }

    /// The value of header field `name`, matched case-insensitively.
    public func headerValue(_ name: String) -> String? { header.first { $0.0.lowercased() == name.lowercased() }?.1 }

    /// The file's text.
    public func rendered() -> String {
        var out = "msgid \"\"\nmsgstr \"\"\n"
        for (name, value) in header { out += TextEscaping.poQuoted("\(name): \(value)\n") + "\n" }
        for entry in entries {
            out += "\n"
            for comment in entry.comments { out += "#. \(comment)\n" }
            for reference in entry.references { out += "#: \(reference)\n" }
            if entry.fuzzy { out += "#, fuzzy\n" }
            if let context = entry.context { out += "msgctxt \(TextEscaping.poQuoted(context))\n" }
            out += "msgid \(TextEscaping.poQuoted(entry.id))\nmsgstr \(TextEscaping.poQuoted(entry.translation))\n"
        }
        return out
    }


    /// A problem in a PO file, with its 1-based line.
    public struct ParseError: Error, Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    /// Reads PO text; obsolete (`#~`) entries are skipped.
    public static func parse(_ text: String) throws(ParseError) -> POFile {
        var entries: [Entry] = []
        var header: [(String, String)] = []
        var current = Entry(context: nil, id: "", translation: "")
        var field: String?
        var started = false
        var sawID = false

        func flush() {
            defer { current = Entry(context: nil, id: "", translation: ""); field = nil; started = false; sawID = false }
            guard sawID else { return }
            if current.id.isEmpty, current.context == nil {
                for line in current.translation.split(separator: "\n") {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    header.append((String(line[..<colon]).trimmingSpaces, String(line[line.index(after: colon)...]).trimmingSpaces))
                }
            } else {
                entries.append(current)
            }
        }

        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw[...]
            let number = index + 1
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { flush(); continue }
            if line.hasPrefix("#~") { continue }
            if line.hasPrefix("#") {
                if sawID { flush() }
                if !started { current.line = number; started = true }
                let body = String(line.dropFirst(2))
                if line.hasPrefix("#.") { current.comments.append(body.trimmingSpaces) }
                else if line.hasPrefix("#:") { current.references.append(body.trimmingSpaces) }
                else if line.hasPrefix("#,") { current.fuzzy = current.fuzzy || body.split(separator: ",").contains { $0.trimmingSpaces == "fuzzy" } }
                continue
            }
            if line.hasPrefix("\"") {
                guard let field else { throw ParseError(line: number, message: "a string continues no msgid, msgstr or msgctxt") }
                let value = try unquote(line, line: number)
                append(value, to: field, &current)
                continue
            }
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, ["msgctxt", "msgid", "msgstr", "msgid_plural"].contains(String(parts[0])) || parts[0].hasPrefix("msgstr[") else {
                throw ParseError(line: number, message: "expected msgctxt, msgid or msgstr, found '\(String(line.prefix(40)).singleLineSafe)'")
            }
            let keyword = String(parts[0])
            if (keyword == "msgctxt" || keyword == "msgid") && sawID && field?.hasPrefix("msgstr") == true { flush() }
            if !started { current.line = number; started = true }
            if keyword == "msgid" { sawID = true }
            if keyword.hasPrefix("msgstr[") || keyword == "msgid_plural" {
                throw ParseError(line: number, message: "plural forms are not used by Waymark's texts")
            }
            field = keyword
            append(try unquote(parts[1], line: number), to: keyword, &current)
        }
        flush()
        return POFile(header: header, entries: entries)
    }

    private static func append(_ value: String, to field: String, _ entry: inout Entry) {
        switch field {
        case "msgctxt": entry.context = (entry.context ?? "") + value
        case "msgid": entry.id += value
        default: entry.translation += value
        }
    }

    private static func unquote(_ text: Substring, line: Int) throws(ParseError) -> String {
        let trimmed = text.trimmingSpaces
        guard trimmed.count >= 2, trimmed.hasPrefix("\""), trimmed.hasSuffix("\"") else {
            throw ParseError(line: line, message: "expected a quoted string")
        }
        var out = ""
        var escaped = false
        for ch in trimmed.dropFirst().dropLast() {
            if escaped {
                switch ch {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "\\", "\"": out.append(ch)
                default: throw ParseError(line: line, message: "unknown escape '\\\(ch)'")
                }
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == "\"" {
                throw ParseError(line: line, message: "a quote inside a string must be written \\\"")
            } else {
                out.append(ch)
            }
        }
        if escaped { throw ParseError(line: line, message: "a string ends with a lone backslash") }
        return out
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
