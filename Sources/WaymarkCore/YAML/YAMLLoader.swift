internal import CLibYAML

/// Reads YAML text with libyaml into `YAMLNode` trees, enforcing `YAMLLimits`.
public enum YAMLLoader {
    /// Every document in the text; an empty stream gives none.
    public static func documents(_ bytes: [UInt8], file: String, limits: YAMLLimits = .standard) throws(Diagnostic) -> [YAMLNode] {
        // Windows editors start files with a UTF-8 byte-order mark; it is not part of the text.
        let bytes = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        let start = SourceLocation(file: file, line: 1, column: 1)
        if bytes.count > limits.maxBytes {
            throw Diagnostic(code: "W1039", at: start, "file is \(bytes.count) bytes, over the limit of \(limits.maxBytes) bytes")
        }
        if let bad = UTF8Validation.firstInvalidPosition(in: bytes) {
            throw Diagnostic(code: "W1040", at: SourceLocation(file: file, line: bad.line, column: bad.column), "invalid UTF-8 byte")
        }
        let reader = EventReader(bytes: bytes, file: file, limits: limits)
        return try reader.readStream()
    }

    /// The single document in the text; nil when the text holds no document at all.
    public static func document(_ bytes: [UInt8], file: String, limits: YAMLLimits = .standard) throws(Diagnostic) -> YAMLNode? {
        let limits1 = YAMLLimits(maxBytes: limits.maxBytes, maxDepth: limits.maxDepth, maxNodes: limits.maxNodes, maxDocuments: 1)
        return try documents(bytes, file: file, limits: limits1).first
    }

    /// Convenience for text already in memory.
    public static func document(_ text: String, file: String, limits: YAMLLimits = .standard) throws(Diagnostic) -> YAMLNode? {
        try document(Array(text.utf8), file: file, limits: limits)
    }
}

/// Owns one libyaml parser and turns its events into nodes.
private final class EventReader {
    private var parser = yaml_parser_t()
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private let file: String
    private let limits: YAMLLimits

    /// A collection being built; a class so that appending never copies what is already there.
    private final class Frame {
        let isMapping: Bool
        let start: SourceLocation
        let tag: String?
        let anchor: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        var keys: [String: SourceLocation] = [:]
        var size = 1

        init(isMapping: Bool, start: SourceLocation, tag: String?, anchor: String?) {
            self.isMapping = isMapping
            self.start = start
            self.tag = tag
            self.anchor = anchor
        }
    }

    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var documentSize = 0

    init(bytes: [UInt8], file: String, limits: YAMLLimits) {
        // libyaml reads from this buffer until parsing ends, so we own a copy for the parser's lifetime.
        buffer = .allocate(capacity: max(bytes.count, 1))
        _ = buffer.initialize(from: bytes)
        self.file = file
        self.limits = limits
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(&parser)
        buffer.deallocate()
    }

    func readStream() throws(Diagnostic) -> [YAMLNode] {
        var documents: [YAMLNode] = []
        var root: YAMLNode?
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { throw parserError() }
            defer { yaml_event_delete(&event) }
            let location = self.location(event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return documents
            case YAML_DOCUMENT_START_EVENT:
                if documents.count >= limits.maxDocuments {
                    throw Diagnostic(code: "W1041", at: location, limits.maxDocuments == 1
                        ? "expected a single YAML document, found another here"
                        : "more than \(limits.maxDocuments) documents in one file")
                }
                anchors = [:]
                documentSize = 0
                root = nil
            case YAML_DOCUMENT_END_EVENT:
                documents.append(root ?? YAMLNode(.scalar(YAMLScalar("")), at: location))
            case YAML_SCALAR_EVENT:
                let data = event.data.scalar
                let text = string(data.value, length: data.length)
                let node = YAMLNode(.scalar(YAMLScalar(text, style: style(data.style))), at: location,
                                    end: self.location(event.end_mark), tag: cString(data.tag))
                try add(node, size: 1, anchor: cString(data.anchor), root: &root)
            case YAML_ALIAS_EVENT:
                let name = cString(event.data.alias.anchor) ?? ""
                guard let target = anchors[name] else {
                    throw Diagnostic(code: "W1042", at: location, "alias '*\(name)' refers to no anchor defined before it")
                }
                var node = target.node
                node.location = location
                try add(node, size: target.size, anchor: nil, root: &root)
            case YAML_SEQUENCE_START_EVENT:
                try push(Frame(isMapping: false, start: location, tag: cString(event.data.sequence_start.tag),
                               anchor: cString(event.data.sequence_start.anchor)), at: location)
            case YAML_MAPPING_START_EVENT:
                try push(Frame(isMapping: true, start: location, tag: cString(event.data.mapping_start.tag),
                               anchor: cString(event.data.mapping_start.anchor)), at: location)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let end = self.location(event.end_mark)
                let frame = stack.removeLast()
                let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
                try add(YAMLNode(content, at: frame.start, end: end, tag: frame.tag), size: frame.size, anchor: frame.anchor,
                        root: &root, counted: true)
            default:
                break
            }
        }
    }

    private func push(_ frame: Frame, at location: SourceLocation) throws(Diagnostic) {
        if stack.count >= limits.maxDepth {
            throw Diagnostic(code: "W1043", at: location, "nesting deeper than the limit of \(limits.maxDepth) levels")
        }
        try count(1, at: location)
        stack.append(frame)
    }

    private func count(_ size: Int, at location: SourceLocation) throws(Diagnostic) {
        documentSize += size
        if documentSize > limits.maxNodes {
            throw Diagnostic(code: "W1044", at: location, "document grows past the limit of \(limits.maxNodes) nodes (aliases count once per use)")
        }
    }

    /// Attaches a finished node to its parent, or makes it the document root.
    private func add(_ node: YAMLNode, size: Int, anchor: String?, root: inout YAMLNode?, counted: Bool = false) throws(Diagnostic) {
        if !counted { try count(size, at: node.location) }
        if let anchor { anchors[anchor] = (node, size) }
        guard let top = stack.last else {
            root = node
            return
        }
        top.size += size
        guard top.isMapping else {
            top.items.append(node)
            return
        }
        if let key = top.pendingKey {
            top.pairs.append(YAMLPair(key: key, value: node))
            top.pendingKey = nil
            return
        }
        if let text = node.scalar?.text {
            if let first = top.keys[text] {
                throw Diagnostic(code: "W1045", at: node.location, "duplicate key '\(text)'",
                                 notes: [Diagnostic(.note, at: first, "'\(text)' was first used here")])
            }
            top.keys[text] = node.location
        }
        top.pendingKey = node
    }

    private func parserError() -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "could not parse YAML"
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) { message = "\(problem) (\(context))" }
        // A reader error (a control character, say) has no mark, only a byte offset: count lines and characters to it.
        let place = parser.error == YAML_READER_ERROR ? location(ofByte: Int(parser.problem_offset)) : location(parser.problem_mark)
        return Diagnostic(code: "W1048", at: place, message)
    }

    /// The 1-based line and character column of byte `offset` in the text.
    private func location(ofByte offset: Int) -> SourceLocation {
        var line = 1, column = 1, i = 0
        while i < min(offset, buffer.count) {
            let byte = buffer[i]
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private func cString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}
