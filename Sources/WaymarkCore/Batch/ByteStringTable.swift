#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds a string's index by its UTF-8 bytes, so a reader can look up ids without making a `String` of each.
struct ByteStringTable {
    private let keys: [[UInt8]]
    /// Open addressing: each slot holds an index into `keys`, or -1.
    private let slots: [Int32]
    private let mask: Int

    init(_ keys: [[UInt8]]) {
        self.keys = keys
        var capacity = 16
        while capacity < keys.count * 2 { capacity *= 2 }
        mask = capacity - 1
        var slots = [Int32](repeating: -1, count: capacity)
        for (index, key) in keys.enumerated() {
            var slot = Self.hash(key) & mask
            while slots[slot] >= 0 {
                if keys[Int(slots[slot])] == key { break }
                slot = (slot + 1) & mask
            }
            if slots[slot] < 0 { slots[slot] = Int32(index) }
        }
        self.slots = slots
    }

    func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = Self.hash(key) & mask
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            if keys[index].count == key.count, memcmp(keys[index], key.baseAddress!, key.count) == 0 { return index }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// FNV-1a.
    private static func hash<C: Collection>(_ key: C) -> Int where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }
}
