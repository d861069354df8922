/// Every output format's escaping in one place (JSON's is `JSONValue.writeString`): YAML and gettext PO double-quoted
/// strings, XML text, Markdown table cells. It sits beside `SafeText` because the lowest layers write these formats too.
public enum TextEscaping {
    /// A YAML double-quoted scalar on one line; control characters and line separators as `\uXXXX`.
    public static func yamlDoubleQuoted(_ text: String) -> String {
        quoted(text) { scalar in
            let v = scalar.value
            guard v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x2028 || v == 0x2029 else { return nil }
            let hex = String(v, radix: 16, uppercase: true)
            return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }

    /// A gettext PO string: `\\`, `\"`, `\n`, `\t` and `\r` escaped, as PO tools expect.
    public static func poQuoted(_ text: String) -> String {
        quoted(text) { $0 == "\r" ? "\\r" : nil }
    }

    /// Double quotes around `text`, with backslash, quote, newline and tab escaped, and `other` for the rest.
    private static func quoted(_ text: String, other: (Unicode.Scalar) -> String?) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if let escaped = other(scalar) { out += escaped } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// XML text or attribute content; XML 1.0 cannot carry most control characters at all, so they become `?`.
    public static func xml(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                if scalar.value < 0x20, scalar != "\n", scalar != "\t" { out += "?" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// A Markdown table cell: on one line, terminal-safe, with `|` and `<` unable to break the table or start HTML.
    public static func markdownCell(_ text: String) -> String {
        text.singleLineSafe.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "<", with: "&lt;")
    }
}
