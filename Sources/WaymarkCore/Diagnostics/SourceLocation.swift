/// A place in a source file; `line` and `column` are 1-based and count Unicode characters. Line 0 stands for the file
/// as a whole, and an empty file name for no file at all (a failure that is not about any file).
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    /// A place at 1-based `line` and `column` of `file`.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, `file` for the whole file, or nothing.
    public var description: String { line > 0 ? "\(file):\(line):\(column)" : file }

    /// The file as a whole.
    public static func file(_ path: String) -> SourceLocation { SourceLocation(file: path, line: 0, column: 0) }

    /// No file: the failure is about the run itself, such as a missing passphrase.
    public static let none = SourceLocation(file: "", line: 0, column: 0)

    /// Orders by file name, then line, then column.
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    /// The location `offset` characters further along the same line.
    public func advanced(by offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + offset)
    }
}
