/// A growable run of bytes appended to through a pointer: much cheaper than an array for many small pieces.
final class ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    /// A piece of the buffer, by position, to append elsewhere later.
    struct Piece {
        let offset: Int32
        let count: Int32
    }

    init(capacity: Int = 1 << 16) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    func removeAll() { count = 0 }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    func append(_ bytes: UnsafeRawPointer, count n: Int) {
        if count + n > capacity { grow(to: count + n) }
        (base + count).update(from: bytes.assumingMemoryBound(to: UInt8.self), count: n)
        count += n
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        append(start, count: bytes.count)
    }

    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Appends a piece of `pool`.
    @inline(__always)
    func append(_ piece: Piece, of pool: ByteBuffer) {
        append(pool.base + Int(piece.offset), count: Int(piece.count))
    }

    /// Adds `bytes` and returns where they are.
    func piece(_ bytes: [UInt8]) -> Piece {
        let offset = count
        append(bytes)
        return Piece(offset: Int32(offset), count: Int32(bytes.count))
    }

    func appendDecimal(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        if count + 20 > capacity { grow(to: count + 20) }
        var magnitude = value.magnitude
        var digits = 1
        var power: UInt = 10
        while magnitude >= power, digits < 19 { digits += 1; power &*= 10 }
        var k = digits
        repeat {
            k -= 1
            base[count + k] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while k > 0
        count += digits
    }

    private func grow(to needed: Int) {
        var larger = capacity * 2
        while larger < needed { larger *= 2 }
        let new = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        new.update(from: base, count: count)
        base.deallocate()
        base = new
        capacity = larger
    }
}
