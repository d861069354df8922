import Foundation

/// A pack's files read and merged: list keys concatenated across files, other keys once.
struct PackFiles {
    static let listKeys = ["sources", "categories", "sections", "questions", "indicators", "derived",
                           "outcomes", "services", "referrals", "notices"]
    static let topLevelKeys = ["pack"] + listKeys

    var header: YAMLNode?
    var lists: [String: [YAMLNode]] = [:]
    var contentHash = ""
    var files: [String] = []
    /// `lang/<code>.yaml` documents, checked once the pack's fields are known.
    var translationRoots: [(file: String, root: YAMLNode)] = []

    /// Reads a directory of `*.yaml` files or one file; YAML problems go into `reader`.
    static func read(_ path: String, reader: SchemaReader) throws(FatalError) -> PackFiles {
        let paths = TextFile.isDirectory(path) ? try TextFile.yamlFiles(in: path) : [path]
        if paths.isEmpty { throw FatalError(code: "W3020", at: .file(path), "no .yaml files in this directory") }
        var contents: [(String, [UInt8])] = []
        for file in paths { contents.append((file, try TextFile.read(file, sources: reader.sources))) }
        var translations: [(String, [UInt8])] = []
        let languageFolder = (path as NSString).appendingPathComponent("lang")
        if TextFile.isDirectory(path), TextFile.isDirectory(languageFolder) {
            for file in try TextFile.yamlFiles(in: languageFolder) { translations.append((file, try TextFile.read(file, sources: reader.sources))) }
        }
        return merge(contents, translations: translations, reader: reader)
    }

    /// Merges files already in memory, in the order given.
    static func merge(_ contents: [(file: String, bytes: [UInt8])], translations: [(file: String, bytes: [UInt8])] = [],
                      reader: SchemaReader) -> PackFiles {
        var merged = PackFiles()
        merged.files = contents.map(\.file)
        var hasher = SHA256()
        var firstHeader: YAMLNode?
        for (file, bytes) in contents {
            hasher.update(Array((file.split(separator: "/").last.map(String.init) ?? file).utf8) + [0])
            hasher.update(bytes)
            let root: YAMLNode?
            do { root = try YAMLLoader.document(bytes, file: file) } catch {
                reader.bag.append(error)
                continue
            }
            guard let root, !root.isNull else { continue }
            guard let pairs = root.mapping else {
                reader.error(code: "W3021", root, "a pack file must be a mapping of sections such as 'questions:', found \(root.kindDescription)")
                continue
            }
            for pair in pairs {
                let key = pair.key.scalar?.text ?? ""
                if key == "pack" {
                    if let firstHeader {
                        reader.bag.append(Diagnostic(code: "W3022", at: pair.key.location, "'pack' may appear only once",
                                                     notes: [Diagnostic(.note, at: firstHeader.location, "'pack' was first given here")]))
                    } else {
                        firstHeader = pair.key
                        merged.header = pair.value
                    }
                } else if listKeys.contains(key) {
                    if pair.value.isNull { continue }
                    guard let items = pair.value.sequence else {
                        reader.error(code: "W3023", pair.value, "'\(key)' must be a list, found \(pair.value.kindDescription)")
                        continue
                    }
                    merged.lists[key, default: []] += items
                } else {
                    reader.error(code: "W3024", pair.key, "unknown section '\(key.singleLineSafe)'",
                                 suggestion: Suggestion.didYouMean(key, in: topLevelKeys) ?? "expected one of: \(topLevelKeys.joined(separator: ", "))")
                }
            }
        }
        for (file, bytes) in translations {
            hasher.update(Array(("lang/" + ((file as NSString).lastPathComponent)).utf8) + [0])
            hasher.update(bytes)
            do {
                if let root = try YAMLLoader.document(bytes, file: file), !root.isNull { merged.translationRoots.append((file, root)) }
            } catch { reader.bag.append(error) }
        }
        merged.contentHash = hasher.finalize()
        return merged
    }
}
