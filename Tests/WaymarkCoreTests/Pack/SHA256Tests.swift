import Testing
@testable import WaymarkCore

/// The pack's content hash is SHA-256 written here (the engine links no cryptography library): held to the NIST
/// FIPS 180-2 known answers, including inputs that cross block boundaries.
@Suite struct SHA256Tests {
    static let vectors: [(input: String, digest: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ]

    @Test(arguments: vectors.indices)
    func knownAnswer(_ i: Int) {
        var hasher = SHA256()
        hasher.update(Array(Self.vectors[i].input.utf8))
        #expect(hasher.finalize() == Self.vectors[i].digest)
    }

    @Test func oneMillionTimesAInPiecesOfEveryLength() {
        var hasher = SHA256()
        var remaining = 1_000_000, piece = 1
        while remaining > 0 {
            let n = min(piece, remaining)
            hasher.update([UInt8](repeating: 0x61, count: n))
            remaining -= n
            piece = piece % 131 + 1
        }
        #expect(hasher.finalize() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
