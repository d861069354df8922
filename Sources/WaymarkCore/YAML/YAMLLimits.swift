/// Bounds that keep hostile or accidental input from exhausting time or memory.
public struct YAMLLimits: Sendable {
    /// Largest file accepted, in bytes.
    public var maxBytes: Int
    /// Deepest nesting of lists and mappings.
    public var maxDepth: Int
    /// Most nodes in a document, counting each use of an alias as a copy of what it names.
    public var maxNodes: Int
    /// Most documents in one stream.
    public var maxDocuments: Int

    /// Limits with generous defaults: 8 MiB, 64 levels, a million nodes, a thousand documents.
    public init(maxBytes: Int = 8 << 20, maxDepth: Int = 64, maxNodes: Int = 1_000_000, maxDocuments: Int = 1_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxDocuments = maxDocuments
    }

    public static let standard = YAMLLimits()
}
