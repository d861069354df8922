#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file descriptor line by line in constant memory, bounding each line's length.
public final class LineReader {
    public enum Line {
        case text([UInt8])
        /// The line was longer than the limit; its bytes were skipped.
        case tooLong(length: Int)
    }

    private let fd: Int32
    private let maxLineLength: Int
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var end = 0
    private var finished = false
    /// The error from a failed read, if input ended because of one rather than at its end.
    public private(set) var readError: Int32?

    public init(fileDescriptor: Int32, maxLineLength: Int = 1 << 20) {
        fd = fileDescriptor
        self.maxLineLength = maxLineLength
    }

    /// The next line without its line break, or nil at the end of input.
    public func next() -> Line? {
        var line: [UInt8] = []
        var skipped = 0
        while true {
            if start == end {
                if finished { return line.isEmpty && skipped == 0 ? nil : finish(line, skipped) }
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0, errno == EINTR { continue }
                if n < 0 { readError = errno }
                if n <= 0 { finished = true; continue }
                start = 0
                end = n
            }
            if let newline = buffer[start..<end].firstIndex(of: 0x0A) {
                append(buffer[start..<newline], to: &line, skipped: &skipped)
                start = newline + 1
                return finish(line, skipped)
            }
            append(buffer[start..<end], to: &line, skipped: &skipped)
            start = end
        }
    }

    private func append(_ bytes: ArraySlice<UInt8>, to line: inout [UInt8], skipped: inout Int) {
        if skipped > 0 || line.count + bytes.count > maxLineLength {
            skipped += line.count + bytes.count
            line = []
        } else {
            line.append(contentsOf: bytes)
        }
    }

    private func finish(_ line: [UInt8], _ skipped: Int) -> Line {
        if skipped > 0 { return .tooLong(length: skipped) }
        return .text(line.last == 0x0D ? Array(line.dropLast()) : line)
    }
}
