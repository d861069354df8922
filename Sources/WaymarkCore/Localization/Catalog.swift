import Foundation

/// The tool's own words in one language, from `Localization/Catalog/<code>.po`, keyed by the English text as gettext does.
/// English needs no file; a missing entry falls back to English.
public struct Catalog: Sendable {
    public let language: String
    private let messages: [String: String]

    /// A catalog of English message to translation; empty means plain English.
    public init(language: String, messages: [String: String] = [:]) {
        self.language = language
        self.messages = messages
    }

    public static let english = Catalog(language: "en")

    /// The catalog for `language` from `directory`, or English words when there is none.
    public static func load(_ language: String, from directory: String? = defaultDirectory) -> Catalog {
        guard language != "en", let directory,
              let data = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent("\(language).po")),
              let po = try? POFile.parse(String(decoding: data, as: UTF8.self))
        else { return Catalog(language: language) }
        var messages: [String: String] = [:]
        for entry in po.entries where !entry.translation.isEmpty { messages[entry.id] = entry.translation }
        return Catalog(language: language, messages: messages)
    }

    /// The catalogs' folder: `$WAYMARK_CATALOG`, an installed `share/waymark/catalog`, or the source tree that built this.
    public static var defaultDirectory: String? {
        if let path = ProcessInfo.processInfo.environment["WAYMARK_CATALOG"], !path.isEmpty { return path }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [
            executable.appendingPathComponent("../share/waymark/catalog").standardizedFileURL.path,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Catalog").path,
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// `english` in this language, with `{1}`, `{2}`… replaced by `arguments`.
    public func callAsFunction(_ english: String, _ arguments: CustomStringConvertible...) -> String {
        var text = messages[english] ?? english
        for (i, argument) in arguments.enumerated() { text = text.replacingOccurrences(of: "{\(i + 1)}", with: argument.description) }
        return text
    }

    /// Whether the catalog has `english` translated (English itself always has it).
    public func has(_ english: String) -> Bool { language == "en" || messages[english] != nil }

    /// Every English message the catalog translates.
    public var englishMessages: [String] { Array(messages.keys) }

    /// Words for yes and no typed in this language, besides y/n; lower-cased the language's way.
    public var yesWords: [String] { words(Self.yesWordsKey) }
    public var noWords: [String] { words(Self.noWordsKey) }

    /// Catalog entries holding the yes and no words, space-separated, as translators give them.
    public static let yesWordsKey = "y yes", noWordsKey = "n no"

    private func words(_ key: String) -> [String] {
        (key + " " + (messages[key] ?? "")).split(separator: " ").map { CaseFolding.lowercased(String($0), language: language) }
    }
}
