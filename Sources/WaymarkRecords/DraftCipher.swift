import Crypto
import Foundation
import _CryptoExtras
import WaymarkCore

/// Encrypts the lines of a draft's journal with a key derived from a passphrase, so a draft left on the laptop
/// cannot be read without it. scrypt makes each guess cost memory and time.
// SymmetricKey is an immutable value that swift-crypto does not yet mark Sendable.
/// Sealing uses ChaCha20-Poly1305 with the key derived here.
public struct DraftCipher: @unchecked Sendable {
    private let key: SymmetricKey

    /// scrypt with N = 2^15, r = 8, p = 1: about 32 MiB and a fraction of a second per try.
    static let rounds = 1 << 15

    /// The key for `passphrase` and `salt` (16 random bytes, stored in the journal's first line).
    public init(passphrase: String, salt: [UInt8]) throws(FatalError) {
        do {
            key = try KDF.Scrypt.deriveKey(from: Array(passphrase.utf8), salt: salt, outputByteCount: 32,
                                           rounds: Self.rounds, blockSize: 8, parallelism: 1)
        } catch {
            throw FatalError(code: "W7001", "could not derive a key from the passphrase (\(error))")
        }
    }

    /// Sixteen random bytes: a fresh salt for a new journal.
    public static func newSalt() -> [UInt8] { (0..<16).map { _ in UInt8.random(in: 0...255) } }

    /// A known text sealed with the key, so a wrong passphrase is caught before anything is read.
    package static let check = "waymark draft"

    /// Seals text; `binding` (such as the intake id and line number) is authenticated, so the text opens only there.
    package func seal(_ text: String, binding: String = "") throws(FatalError) -> String {
        do { return try ChaChaPoly.seal(Data(text.utf8), using: key, authenticating: Data(binding.utf8)).combined.base64EncodedString() } catch {
            throw FatalError(code: "W7002", "could not encrypt the draft (\(error))")
        }
    }

    /// Opens text made by `seal` with the same `binding`; nil when the key or binding is wrong or the text damaged.
    package func open(_ text: String, binding: String = "") -> String? {
        guard let data = Data(base64Encoded: text), let box = try? ChaChaPoly.SealedBox(combined: data),
              let plain = try? ChaChaPoly.open(box, using: key, authenticating: Data(binding.utf8)) else { return nil }
        return String(decoding: plain, as: UTF8.self)
    }
}
