/// Receives JSON as a stream of events, so one encoding serves two ends: a `JSONValue` tree, or bytes written
/// straight out for batches without building the tree.
public protocol JSONSink {
    mutating func beginObject()
    mutating func endObject()
    mutating func beginArray()
    mutating func endArray()
    mutating func key(_ key: String)
    mutating func string(_ value: String)
    mutating func number(_ value: Double)
    mutating func null()
}

extension JSONSink {
    /// `"key": "value"` inside an object.
    mutating func field(_ key: String, _ value: String) {
        self.key(key)
        string(value)
    }

    mutating func field(_ key: String, _ value: Int) {
        self.key(key)
        number(Double(value))
    }

    mutating func object(_ key: String? = nil, _ body: (inout Self) -> Void) {
        if let key { self.key(key) }
        beginObject()
        body(&self)
        endObject()
    }

    mutating func array<S: Sequence>(_ key: String, _ items: S, _ body: (inout Self, S.Element) -> Void) {
        self.key(key)
        beginArray()
        for item in items { body(&self, item) }
        endArray()
    }
}

/// Writes compact JSON bytes.
public struct JSONBytes: JSONSink {
    public var bytes: [UInt8] = []
    private var needsComma = false

    public init() { bytes.reserveCapacity(8_192) }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    public mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); needsComma = false }
    public mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma = true }
    public mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); needsComma = false }
    public mutating func endArray() { bytes.append(UInt8(ascii: "]")); needsComma = true }

    public mutating func key(_ key: String) {
        separate()
        JSONValue.writeString(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func string(_ value: String) { separate(); JSONValue.writeString(value, to: &bytes) }
    public mutating func number(_ value: Double) { separate(); bytes += value.formatted.utf8 }
    public mutating func null() { separate(); bytes += "null".utf8 }
}

/// Builds a `JSONValue` tree, for pretty output and for embedding in larger documents.
public struct JSONTree: JSONSink {
    /// An object or array being filled; a class so that appending never copies what is already there.
    private final class Open {
        let isObject: Bool
        var pairs: [(String, JSONValue)] = []
        var items: [JSONValue] = []
        var key = ""
        init(isObject: Bool) { self.isObject = isObject }
    }

    private var stack: [Open] = []
    public private(set) var value: JSONValue = .null

    public init() {}

    private mutating func add(_ v: JSONValue) {
        guard let top = stack.last else { value = v; return }
        if top.isObject { top.pairs.append((top.key, v)) } else { top.items.append(v) }
    }

    public mutating func beginObject() { stack.append(Open(isObject: true)) }
    public mutating func beginArray() { stack.append(Open(isObject: false)) }
    public mutating func endObject() { add(.object(stack.removeLast().pairs)) }
    public mutating func endArray() { add(.array(stack.removeLast().items)) }
    public mutating func key(_ key: String) { stack.last?.key = key }
    public mutating func string(_ value: String) { add(.string(value)) }
    public mutating func number(_ value: Double) { add(.number(value)) }
    public mutating func null() { add(.null) }
}
