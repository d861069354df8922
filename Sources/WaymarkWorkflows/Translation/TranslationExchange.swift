import Foundation
import WaymarkCore
import WaymarkRecords

/// The translator's round trip: a pack's texts out to a PO file, and a translated PO file back into `lang/<code>.yaml`.
public enum TranslationExchange {

    /// A PO file with every text field: English source, what it is and who reads it, and the current translation.
    public static func export(_ pack: Pack, language: String) -> POFile {
        let translation = pack.translation(language)
        var entries: [POFile.Entry] = []
        for field in pack.textFields {
            let english = field.text.text
            var comments = ["\(field.context)."]
            switch field.audience {
            case .person: comments.append("Read aloud to the person: plain words, one question at a time, at most \(personTextWordLimit) words.")
            case .caseworker: comments.append("Read by the caseworker only.")
            }
            var translated = ""
            var fuzzy = true
            if let entry = translation?.entries[field.key] {
                translated = entry.text
                if entry.source != TextHash.of(english) {
                    comments.append("The English changed after this was translated: check the translation against it.")
                } else {
                    fuzzy = entry.status == .draft
                }
            } else if let inline = field.text.values[language] {
                translated = inline
            }
            entries.append(POFile.Entry(context: field.key, id: english, translation: translated, comments: comments,
                                        references: ["\(field.location.file):\(field.location.line)"], fuzzy: fuzzy && !translated.isEmpty))
        }
        let header: [(String, String)] = [
            ("Project-Id-Version", "\(pack.info.id) \(pack.info.version)"),
            ("Language", language),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=UTF-8"),
            ("Content-Transfer-Encoding", "8bit"),
            ("X-Generator", "waymark translations export"),
        ]
        return POFile(header: header, entries: entries)
    }

    /// What an import did.
    public struct ImportReport: Sendable {
        public var language: String
        public var added = 0
        public var updated = 0
        public var unchanged = 0
        public var reviewed = 0
        public var skippedEmpty = 0
        /// Located problems: unknown keys (errors) and translations of an English text that has since changed (warnings).
        public var diagnostics: [Diagnostic] = []
    }

    /// The new text of the translation file at `path` (which may not exist yet) with the PO file's translations written in.
    /// Entries already in the file are replaced where they stand; new ones go after the entry before them in pack order;
    /// every other line, comments included, is kept.
    public static func importing(_ po: POFile, poPath: String, into existing: String?, yamlPath: String, pack: Pack,
                                 language: String, forceDraft: Bool) throws(FatalError) -> (text: String, report: ImportReport) {
        var report = ImportReport(language: language)
        let fields = pack.textFields
        let order = Dictionary(fields.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        let byKey = Dictionary(fields.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let fileStatus: Translation.Status
        var lines: [String]
        var spans: [String: ClosedRange<Int>] = [:]   // 0-based line ranges of entries in `lines`
        var existingTexts: [String: String] = [:]
        var textsLine: Int?
        if let existing {
            lines = existing.components(separatedBy: "\n")
            let root: YAMLNode?
            do { root = try YAMLLoader.document(existing, file: yamlPath) } catch { throw FatalError(error) }
            let header = root?.value(for: "translation")
            fileStatus = header?.value(for: "status")?.scalar.flatMap { Translation.Status(rawValue: $0.text) } ?? .draft
            if let language = header?.value(for: "language")?.scalar?.text, language != report.language {
                throw FatalError(code: "W8001", at: .file(yamlPath), "this file holds '\(language)' texts, not '\(report.language)'")
            }
            if let textsPair = root?.mapping?.first(where: { $0.key.scalar?.text == "texts" }) {
                textsLine = textsPair.key.location.line - 1
                let pairs = textsPair.value.mapping ?? []
                for (i, pair) in pairs.enumerated() {
                    guard let key = pair.key.scalar?.text else { continue }
                    existingTexts[key] = pair.value.value(for: "text")?.scalar?.text
                    let start = pair.key.location.line - 1
                    var end = pair.value.end.line - 1
                    if pair.value.end.column == 1, end > start { end -= 1 }
                    if i + 1 < pairs.count { end = min(end, pairs[i + 1].key.location.line - 2) }
                    spans[key] = start...max(start, end)
                }
            }
        } else {
            fileStatus = .draft
            let name = LanguageNames.own[language].map { "\n  name: \($0)" } ?? ""
            lines = [
                "# \(LanguageNames.english[language] ?? "The") (\(language)) texts of pack \(pack.info.id).",
                "# Written by `waymark translations import`; safe to edit by hand. Each entry is a field key with",
                "# the text and `source`, a hash of the English it translates: `waymark check` reports a stale one.",
                "# `status: reviewed` marks a text a native speaker who knows the field has checked.",
                "translation:",
                "  language: \(language)\(name)",
                "  status: draft",
                "  reviewed_by: null",
                "  reviewed_on: null",
                "texts:",
                "",
            ].flatMap { $0.components(separatedBy: "\n") }
            textsLine = lines.count - 2
        }
        if textsLine == nil {
            if lines.last == "" { lines.removeLast() }
            lines.append("texts:")
            lines.append("")
            textsLine = lines.count - 2
        }

        // Replacements and insertions, applied from the bottom so earlier line numbers stay valid.
        var replacements: [(range: ClosedRange<Int>, line: String)] = []
        var insertions: [Int: [(order: Int, line: String)]] = [:]   // insert after this 0-based line
        let existingKeys = spans.keys.sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }
        for entry in po.entries {
            let location = SourceLocation(file: poPath, line: entry.line, column: 1)
            guard let key = entry.context else {
                report.diagnostics.append(Diagnostic(code: "W8002", at: location, "an entry without msgctxt: Waymark needs the field key there"))
                continue
            }
            guard let field = byKey[key] else {
                report.diagnostics.append(Diagnostic(code: "W8003", at: location, "no text field '\(key.singleLineSafe)' in pack \(pack.info.id)",
                                                     suggestion: Suggestion.didYouMean(key, in: Array(byKey.keys))))
                continue
            }
            guard !entry.translation.isEmpty else { report.skippedEmpty += 1; continue }
            // A fuzzy entry left as it was is not a new translation: it keeps its old source, so a stale one stays stale.
            if entry.fuzzy, existingTexts[key] == entry.translation {
                report.unchanged += 1
                continue
            }
            let status: Translation.Status = forceDraft || entry.fuzzy ? .draft : .reviewed
            if status == .reviewed { report.reviewed += 1 }
            if entry.id != field.text.text {
                report.diagnostics.append(Diagnostic(code: "W8004", .warning, at: location,
                                                     "'\(key)' was translated from an older English text; it is imported but stale until updated"))
            }
            let line = "  " + yamlKey(key) + ": {source: \(TextHash.of(entry.id)), text: \(TextEscaping.yamlDoubleQuoted(entry.translation))"
                + (status == fileStatus ? "" : ", status: \(status.rawValue)") + "}"
            if let span = spans[key] {
                if lines[span].joined(separator: "\n") == line { report.unchanged += 1 } else {
                    report.updated += 1
                    replacements.append((span, line))
                }
            } else {
                report.added += 1
                let before = existingKeys.last { (order[$0] ?? .max) < (order[key] ?? .max) }
                let anchor = before.flatMap { spans[$0]?.upperBound } ?? textsLine!
                insertions[anchor, default: []].append((order[key] ?? .max, line))
            }
        }
        var edits: [(at: Int, apply: (inout [String]) -> Void)] = []
        for r in replacements { edits.append((r.range.lowerBound, { $0.replaceSubrange(r.range, with: [r.line]) })) }
        for (anchor, added) in insertions {
            let sorted = added.sorted { $0.order < $1.order }.map(\.line)
            edits.append((anchor + 1, { $0.insert(contentsOf: sorted, at: anchor + 1) }))
        }
        for edit in edits.sorted(by: { $0.at > $1.at }) { edit.apply(&lines) }
        if let reviewer = po.headerValue("X-Reviewed-By"), !reviewer.isEmpty { setHeader("reviewed_by", TextEscaping.yamlDoubleQuoted(reviewer), in: &lines) }
        if let date = po.headerValue("X-Reviewed-On"), !date.isEmpty { setHeader("reviewed_on", TextEscaping.yamlDoubleQuoted(date), in: &lines) }
        var text = lines.joined(separator: "\n")
        if !text.hasSuffix("\n") { text += "\n" }
        return (text, report)
    }

    private static func setHeader(_ name: String, _ value: String, in lines: inout [String]) {
        if let i = lines.firstIndex(where: { $0.hasPrefix("  \(name):") }) { lines[i] = "  \(name): \(value)"; return }
        if let i = lines.firstIndex(where: { $0.hasPrefix("  language:") }) { lines.insert("  \(name): \(value)", at: i + 1) }
    }

    /// Field keys are plain words joined by dots: safe as plain YAML keys.
    private static func yamlKey(_ key: String) -> String { key }

}
