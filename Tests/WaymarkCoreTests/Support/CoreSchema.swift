import Foundation
@testable import WaymarkCore

/// Plain data, for comparing loaded YAML with the suite's JSON.
indirect enum PlainValue: Equatable, CustomStringConvertible {
    case null, bool(Bool), number(Double), string(String), array([PlainValue]), object([String: PlainValue])

    var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return "\(b)"
        case .number(let n): return "\(n)"
        case .string(let s): return "\"\(s)\""
        case .array(let a): return "[\(a.map(\.description).joined(separator: ", "))]"
        case .object(let o): return "{\(o.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))}"
        }
    }
}

/// Resolves untyped YAML scalars the way the YAML 1.2 core schema does, as the suite's JSON expects.
enum CoreSchema {
    static func value(_ node: YAMLNode) -> PlainValue {
        switch node.content {
        case .scalar(let s): return scalar(s, tag: node.tag)
        case .sequence(let items): return .array(items.map(value))
        case .mapping(let pairs):
            var object: [String: PlainValue] = [:]
            for pair in pairs { object[pair.key.scalar?.text ?? "\(value(pair.key))"] = value(pair.value) }
            return .object(object)
        }
    }

    static func scalar(_ s: YAMLScalar, tag: String?) -> PlainValue {
        if let tag {
            switch tag {
            case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float": return .number(Double(s.text) ?? .nan)
            case "tag:yaml.org,2002:bool": return .bool(s.text == "true")
            case "tag:yaml.org,2002:null": return .null
            default: return .string(s.text)
            }
        }
        guard s.style == .plain else { return .string(s.text) }
        let t = s.text
        if ["", "~", "null", "Null", "NULL"].contains(t) { return .null }
        if ["true", "True", "TRUE"].contains(t) { return .bool(true) }
        if ["false", "False", "FALSE"].contains(t) { return .bool(false) }
        if t.range(of: #"^[-+]?[0-9]+$"#, options: .regularExpression) != nil, let n = Double(t) { return .number(n) }
        if t.hasPrefix("0x"), let n = Int(t.dropFirst(2), radix: 16) { return .number(Double(n)) }
        if t.hasPrefix("0o"), let n = Int(t.dropFirst(2), radix: 8) { return .number(Double(n)) }
        if t.range(of: #"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil, let n = Double(t) {
            return .number(n)
        }
        return .string(t)
    }
}

/// Splits a file of concatenated JSON values (one per YAML document) and parses each.
enum JSONStream {
    static func values(_ text: String) -> [PlainValue] {
        pieces(text).map { piece in plain(try? JSONSerialization.jsonObject(with: Data(piece.utf8), options: [.fragmentsAllowed])) }
    }

    /// The text of each JSON value in the stream.
    static func pieces(_ text: String) -> [String] {
        var values: [String] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            while i < scalars.count, scalars[i].properties.isWhitespace { i += 1 }
            guard i < scalars.count else { break }
            let start = i
            var depth = 0, inString = false
            repeat {
                let c = scalars[i]
                if inString {
                    if c == "\\" { i += 1 } else if c == "\"" { inString = false }
                } else if c == "\"" { inString = true }
                else if c == "{" || c == "[" { depth += 1 }
                else if c == "}" || c == "]" { depth -= 1 }
                i += 1
                if !inString, depth == 0, i < scalars.count, start < i {
                    let first = scalars[start]
                    if first == "{" || first == "[" || first == "\"" { break }
                    if scalars[i].properties.isWhitespace { break }
                }
            } while i < scalars.count
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<i])
            values.append(String(view))
        }
        return values
    }

    static func plain(_ object: Any?) -> PlainValue {
        switch object {
        case nil, is NSNull: return .null
        case let n as NSNumber:
            if String(describing: type(of: n)).contains("Bool") { return .bool(n.boolValue) }
            return .number(n.doubleValue)
        case let s as String: return .string(s)
        case let a as [Any]: return .array(a.map(plain))
        case let o as [String: Any]: return .object(o.mapValues(plain))
        default: return .string("\(object!)")
        }
    }
}
