#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file descriptor line by line in constant memory, bounding each line's length.
public final class LineReader {
    /// One line read, or a note that it was too long to keep.
    public enum Line {
        /// The line without its line break; valid until the next call to `next()`.
        case text(UnsafeBufferPointer<UInt8>)
        /// The line was longer than the limit; its bytes were skipped.
        case tooLong(length: Int)
    }

    private let fd: Int32
    private let maxLineLength: Int
    private var buffer: UnsafeMutableBufferPointer<UInt8>
    /// The unread bytes are `buffer[start..<end]`.
    private var start = 0
    private var end = 0
    private var finished = false
    /// The error from a failed read, if input ended because of one rather than at its end.
    public private(set) var readError: Int32?

    /// Reads from `fileDescriptor`, which it does not close; longer lines are reported as `.tooLong`.
    public init(fileDescriptor: Int32, maxLineLength: Int = 1 << 20) {
        fd = fileDescriptor
        self.maxLineLength = maxLineLength
        buffer = .allocate(capacity: 1 << 16)
    }

    deinit { buffer.deallocate() }

    /// The next line, or nil at the end of input.
    public func next() -> Line? {
        // Bytes from `start` up to `searched` hold no line break.
        var searched = start
        var skipped = 0
        while true {
            if let newline = buffer[searched..<end].firstIndex(of: 0x0A) {
                let text = start..<newline
                start = newline + 1
                return line(text, skipped: skipped)
            }
            if end - start > maxLineLength {
                // Too long: forget what is buffered and read on to the end of the line.
                skipped += end - start
                start = end
            }
            if finished {
                guard end > start || skipped > 0 else { return nil }
                let text = start..<end
                start = end
                return line(text, skipped: skipped)
            }
            let unsearched = end - start
            makeRoom()
            searched = start + unsearched
            fill()
        }
    }

    /// Moves the unread bytes to the front, and grows the buffer when they fill it.
    private func makeRoom() {
        if start > 0 {
            let count = end - start
            UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: buffer.baseAddress! + start, byteCount: count)
            start = 0
            end = count
        }
        if end == buffer.count {
            let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: buffer.count * 2)
            _ = larger.initialize(from: buffer)
            buffer.deallocate()
            buffer = larger
        }
    }

    private func fill() {
        while true {
            let n = read(fd, buffer.baseAddress! + end, buffer.count - end)
            if n < 0, errno == EINTR { continue }
            if n < 0 { readError = errno }
            if n <= 0 { finished = true } else { end += n }
            return
        }
    }

    private func line(_ range: Range<Int>, skipped: Int) -> Line {
        if skipped + range.count > maxLineLength { return .tooLong(length: skipped + range.count) }
        var range = range
        if range.upperBound > range.lowerBound, buffer[range.upperBound - 1] == 0x0D { range = range.lowerBound..<(range.upperBound - 1) }
        return .text(UnsafeBufferPointer(rebasing: buffer[range]))
    }
}
