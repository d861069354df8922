extension String {
    /// The text with control characters and terminal escape sequences made visible,
    /// so that content from a file can never move the cursor, retitle the window or hide text.
    public var terminalSafe: String {
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x09: out.append(scalar)
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Like `terminalSafe`, with line breaks and tabs shown as escapes too: for one-line output.
    public var singleLineSafe: String {
        terminalSafe.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: " ")
    }
}
