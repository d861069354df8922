/// Word-wraps text for an 80-column terminal.
public enum TextWrap {
    /// `text` broken into lines of at most `width` characters, each after `indent`; the first after `firstIndent`.
    public static func wrap(_ text: String, width: Int = 80, indent: String = "", firstIndent: String? = nil) -> String {
        let first = firstIndent ?? indent
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = lines.isEmpty ? first : indent
            var empty = true
            for word in paragraph.split(separator: " ") {
                if !empty, line.count + 1 + word.count > width {
                    lines.append(line)
                    line = indent
                    empty = true
                }
                line += (empty ? "" : " ") + word
                empty = false
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
