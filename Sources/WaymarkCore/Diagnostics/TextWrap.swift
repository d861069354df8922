/// Word-wraps text to a terminal's width, measuring by display columns and never breaking inside a word.
public enum TextWrap {
    /// `text` broken into lines of at most `width` columns, each after `indent`; the first after `firstIndent`.
    /// A word wider than the line keeps its own line whole, so ids and commands are never split.
    public static func wrap(_ text: String, width: Int = 80, indent: String = "", firstIndent: String? = nil) -> String {
        let first = firstIndent ?? indent
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = lines.isEmpty ? first : indent
            var lineWidth = displayWidth(line)
            var empty = true
            for word in paragraph.split(separator: " ") {
                let wordWidth = displayWidth(word)
                if !empty, lineWidth + 1 + wordWidth > width {
                    lines.append(line)
                    line = indent
                    lineWidth = displayWidth(indent)
                    empty = true
                }
                line += (empty ? "" : " ") + word
                lineWidth += (empty ? 0 : 1) + wordWidth
                empty = false
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// Columns a string takes in a terminal: combining marks and zero-width characters take none, wide East Asian ones two.
    public static func displayWidth<S: StringProtocol>(_ text: S) -> Int {
        var width = 0
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format, .control: continue
            default: break
            }
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
            width += wide ? 2 : 1
        }
        return width
    }
}
