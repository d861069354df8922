extension ConditionLocator {
    /// Maps each character of a condition to its place in the file, following the scalar across folded lines.
    static func locate(_ text: String, in node: YAMLNode, sources: SourceFiles) -> ConditionLocator {
        func sourceLine(_ file: String, _ line: Int) -> [Unicode.Scalar]? { sources.line(file, line).map { Array($0.unicodeScalars) } }
        let style = node.scalar?.style ?? .plain
        var base = node.location
        if style == .singleQuoted || style == .doubleQuoted { base = base.advanced(by: 1) }
        let isBlock = style == .literal || style == .folded
        if !isBlock, node.end.line == node.location.line { return ConditionLocator(base: base) }

        var line = isBlock ? base.line + 1 : base.line
        var column = isBlock ? 1 : base.column
        var current = sourceLine(base.file, line)
        var positions: [(line: Int, column: Int)] = []
        for c in text.unicodeScalars {
            var found = false
            while line <= node.end.line, let chars = current {
                while column <= chars.count {
                    if chars[column - 1] == c { found = true; break }
                    column += 1
                }
                if found { break }
                if c == " " || c == "\n" { found = true; break }
                line += 1
                column = 1
                current = sourceLine(base.file, line)
            }
            positions.append(found ? (line, column) : positions.last ?? (base.line, base.column))
            if found {
                if let chars = current, column > chars.count {
                    line += 1
                    column = 1
                    current = sourceLine(base.file, line)
                } else {
                    column += 1
                }
            }
        }
        positions.append((line, column))
        return ConditionLocator(base: base, positions: positions)
    }
}
