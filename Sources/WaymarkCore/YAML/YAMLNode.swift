/// A YAML node with the place it starts; scalars keep their text and style, untyped.
public struct YAMLNode: Sendable {
    /// A scalar, a list or a mapping.
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var content: Content
    public var location: SourceLocation
    /// Where the node ends, used to map offsets inside multi-line scalars.
    public var end: SourceLocation
    /// An explicit tag such as `tag:yaml.org,2002:str`, if the source gave one.
    public var tag: String?

    /// A node starting at `location`; `end` defaults to the start.
    public init(_ content: Content, at location: SourceLocation, end: SourceLocation? = nil, tag: String? = nil) {
        self.content = content
        self.location = location
        self.end = end ?? location
        self.tag = tag
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// True for an empty plain value, `~` or `null`: the YAML spellings of "nothing here".
    /// The value under `key` in a mapping.
    public func value(for key: String) -> YAMLNode? { mapping?.first { $0.key.scalar?.text == key }?.value }

    public var isNull: Bool {
        guard let s = scalar, s.style == .plain, tag == nil else { return false }
        return s.text.isEmpty || s.text == "~" || s.text == "null" || s.text == "Null" || s.text == "NULL"
    }

    /// How the node reads in an error message: "a mapping", "a list", "text".
    public var kindDescription: String {
        switch content {
        case .scalar: return isNull ? "an empty value" : "a single value"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

/// One key and value of a mapping.
public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    /// A key and its value.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A scalar's text as written, before any type is decided.
public struct YAMLScalar: Sendable, Hashable {
    /// How a scalar was written: plain, quoted, or as a literal or folded block.
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public var text: String
    public var style: Style

    /// A scalar's text, plain unless told otherwise.
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// Whether the source put the value in quotes or a block, which makes it text whatever it says.
    public var isQuoted: Bool { style != .plain }
}
