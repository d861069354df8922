/// Reads YAML nodes against a schema, collecting every problem as a located diagnostic.
public final class SchemaReader {
    public var bag = DiagnosticBag()
    /// Language codes text maps may use; the first is the default.
    public var languages: [String] = ["en"]
    /// Where the files this reader reads are registered, for diagnostics that quote them.
    public let sources: SourceFiles

    /// A reader with an empty bag, registering files in `sources`.
    public init(sources: SourceFiles = SourceFiles()) { self.sources = sources }

    /// The one document in the small YAML file at `path` (a settings file, a service directory), or in `bytes` already
    /// read under that name, or nil when it is empty or unreadable; why it could not be read goes into the bag.
    public func document(_ path: String, bytes: [UInt8]? = nil) -> YAMLNode? {
        do {
            return try YAMLLoader.document(try bytes ?? TextFile.read(path, sources: sources), file: path)
        } catch let error as Diagnostic {
            bag.append(error)
        } catch let error as FatalError {
            bag.append(error.diagnostic)
        } catch {
            bag.append(Diagnostic(code: "W1051", at: .file(path), "\(error)"))
        }
        return nil
    }

    /// Reports an error at the node's location.
    public func error(code: String? = nil, _ node: YAMLNode, _ message: String, suggestion: String? = nil) {
        bag.error(code: code, at: node.location, message, suggestion: suggestion)
    }

    /// A mapping's entries by key, after reporting keys not in `allowed` and `required` keys that are missing.
    public func fields(_ node: YAMLNode, of what: String, allowed: [String], required: [String] = []) -> Fields? {
        guard let pairs = node.mapping else {
            error(code: "W1019", node, "expected \(what) as a mapping, found \(node.kindDescription)")
            return nil
        }
        var fields = Fields(node: node, reader: self)
        for pair in pairs {
            guard let key = pair.key.scalar?.text else {
                error(code: "W1020", pair.key, "keys must be plain words")
                continue
            }
            guard allowed.contains(key) else {
                error(code: "W1021", pair.key, "unknown key '\(key)' in \(what)",
                      suggestion: Suggestion.didYouMean(key, in: allowed) ?? "expected one of: \(allowed.joined(separator: ", "))")
                continue
            }
            fields.values[key] = pair.value
        }
        for key in required where fields.values[key] == nil {
            error(code: "W1022", node, "\(what) is missing '\(key)'")
        }
        return fields
    }

    /// The entries of one mapping, with typed accessors that report wrong types.
    public struct Fields {
        public let node: YAMLNode
        let reader: SchemaReader
        var values: [String: YAMLNode] = [:]

        init(node: YAMLNode, reader: SchemaReader) {
            self.node = node
            self.reader = reader
        }

        public subscript(key: String) -> YAMLNode? { values[key].flatMap { $0.isNull ? nil : $0 } }

        /// Whether the mapping has the key, even with an empty value.
        public func has(_ key: String) -> Bool { values[key] != nil }

        /// The single value under `key`; reports a list or mapping there.
        public func string(_ key: String) -> String? {
            guard let node = self[key] else { return nil }
            guard let scalar = node.scalar else {
                reader.error(code: "W1023", node, "'\(key)' must be a single value, found \(node.kindDescription)")
                return nil
            }
            return scalar.text
        }

        /// An id: letters, digits and `_`, plus `-` where `allowHyphen`.
        public func id(_ key: String = "id", allowHyphen: Bool = false) -> String? {
            guard let text = string(key), let node = self[key] else { return nil }
            if !SchemaReader.isValidID(text, allowHyphen: allowHyphen) {
                reader.error(code: "W1024", node, "'\(text.singleLineSafe)' is not a valid id",
                             suggestion: "use letters, digits and '_'\(allowHyphen ? " or '-'" : ""), starting with a letter")
                return nil
            }
            return text
        }

        /// The value under `key` as a boolean; only `true` and `false` are accepted.
        public func bool(_ key: String) -> Bool? {
            guard let node = self[key], let text = string(key) else { return nil }
            switch text {
            case "true": return true
            case "false": return false
            default:
                reader.error(code: "W1025", node, "'\(key)' must be true or false, found '\(text.singleLineSafe)'")
                return nil
            }
        }

        /// The value under `key` as a number; a quoted value is reported, not read.
        public func number(_ key: String) -> Double? {
            guard let node = self[key], let text = string(key) else { return nil }
            guard let value = SchemaReader.number(text), node.scalar?.isQuoted == false else {
                reader.error(code: "W1026", node, "'\(key)' must be a number, found '\(text.singleLineSafe)'")
                return nil
            }
            return value
        }

        /// The value under `key` as a case of `type`, with a suggestion when it is misspelt.
        public func `enum`<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> E? where E.RawValue == String {
            guard let node = self[key], let text = string(key) else { return nil }
            guard let value = E(rawValue: text) else {
                let names = E.allCases.map(\.rawValue)
                reader.error(code: "W1027", node, "'\(text.singleLineSafe)' is not a valid \(key)",
                             suggestion: Suggestion.didYouMean(text, in: names) ?? "expected one of: \(names.joined(separator: ", "))")
                return nil
            }
            return value
        }

        /// The items of the list under `key`; reports anything else there.
        public func list(_ key: String) -> [YAMLNode]? {
            guard let node = self[key] else { return nil }
            guard let items = node.sequence else {
                reader.error(code: "W1028", node, "'\(key)' must be a list, found \(node.kindDescription)")
                return nil
            }
            return items
        }

        /// The single values of the list under `key`, each with its node; other items are reported and skipped.
        public func stringList(_ key: String) -> [(String, YAMLNode)]? {
            guard let items = list(key) else { return nil }
            return items.compactMap { item in
                guard let text = item.scalar?.text, !item.isNull else {
                    reader.error(code: "W1029", item, "expected a single value in '\(key)', found \(item.kindDescription)")
                    return nil
                }
                return (text, item)
            }
        }

        /// A text field: one string, or a map from language code to string.
        public func text(_ key: String) -> LocalizedText? {
            guard let node = self[key] else { return nil }
            let language = reader.languages.first ?? "en"
            if let scalar = node.scalar { return LocalizedText(scalar.text, language: language) }
            guard let pairs = node.mapping else {
                reader.error(code: "W1030", node, "'\(key)' must be text or a map of language to text, found \(node.kindDescription)")
                return nil
            }
            var values: [String: String] = [:]
            for pair in pairs {
                guard let code = pair.key.scalar?.text else { continue }
                guard reader.languages.contains(code) else {
                    reader.error(code: "W1031", pair.key, "language '\(code.singleLineSafe)' is not in the pack's languages (\(reader.languages.joined(separator: ", ")))",
                                 suggestion: "add it to pack.languages")
                    continue
                }
                guard let text = pair.value.scalar?.text else {
                    reader.error(code: "W1032", pair.value, "the '\(code)' text must be a single value")
                    continue
                }
                values[code] = text
            }
            if values[language] == nil {
                reader.error(code: "W1033", node, "'\(key)' has no text in the default language '\(language)'")
            }
            return LocalizedText(values: values, defaultLanguage: language)
        }
    }

    /// Ids in conditions are words; source and pack ids may also hold hyphens.
    public static func isValidID(_ text: String, allowHyphen: Bool = false) -> Bool {
        guard let first = text.unicodeScalars.first, first.isIdentifierStart || (allowHyphen && first.isASCIIDigit) else { return false }
        return text.unicodeScalars.allSatisfy { $0.isIdentifierPart || (allowHyphen && ($0 == "-" || $0 == ".")) }
    }

    /// A decimal number as YAML writes one; nil for anything else, including `.inf` and `nan`.
    public static func number(_ text: String) -> Double? {
        guard !text.isEmpty, text.unicodeScalars.allSatisfy({ $0.isASCIIDigit || "+-.eE".unicodeScalars.contains($0) }),
              let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
