import Crypto
import Foundation
import WaymarkCore

/// An organisation's key pair for sealing completed intake records (HPKE, X25519 with ChaCha20-Poly1305).
/// The public key goes on the laptops that take interviews; only the private key, kept by the organisation, opens records.
public enum OrganisationKey {
    static let publicHeader = "waymark public key v1"
    static let privateHeader = "waymark private key v1 (keep secret: it opens every record sealed to its public key)"

    /// A new key pair as the texts of its two files.
    public static func generate() -> (privateKey: String, publicKey: String) {
        let key = Curve25519.KeyAgreement.PrivateKey()
        return ("\(privateHeader)\n\(key.rawRepresentation.base64EncodedString())\n",
                "\(publicHeader)\n\(key.publicKey.rawRepresentation.base64EncodedString())\n")
    }

    /// Reads a public key file, saying so when it is handed the private key or a damaged file.
    public static func publicKey(from path: String) throws(FatalError) -> OrganisationPublicKey {
        let raw = try read(path, header: publicHeader, kind: "public")
        guard let key = OrganisationPublicKey(raw: Array(raw)) else {
            throw FatalError(code: "W7003", at: SourceLocation(file: path, line: 2, column: 1),
                             "not a usable public key (a low-order or all-zero key would let anyone open the records)")
        }
        return key
    }

    /// Reads the private key file that opens sealed records, saying so when it is handed the public key.
    public static func privateKey(from path: String) throws(FatalError) -> Curve25519.KeyAgreement.PrivateKey {
        let raw = try read(path, header: privateHeader, kind: "private")
        guard let key = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw) else {
            throw FatalError(code: "W7004", at: SourceLocation(file: path, line: 2, column: 1), "not a valid private key")
        }
        return key
    }

    private static func read(_ path: String, header: String, kind: String) throws(FatalError) -> Data {
        let text = String(decoding: try TextFile.read(path, limit: 4096), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        guard lines.first == header else {
            let other = kind == "public" ? privateHeader : publicHeader
            throw FatalError(code: "W7005", at: SourceLocation(file: path, line: 1, column: 1), "not a waymark \(kind) key" + (lines.first == other ? "; this is the \(kind == "public" ? "private" : "public") key" : ""))
        }
        guard lines.count >= 2, let raw = Data(base64Encoded: lines[1]), raw.count == 32 else {
            throw FatalError(code: "W7006", at: SourceLocation(file: path, line: 2, column: 1), "the key is damaged")
        }
        return raw
    }
}

/// An organisation's public key: what a laptop seals completed records to.
public struct OrganisationPublicKey: Sendable, Equatable {
    /// The 32 raw bytes, checked to be a valid X25519 public key when this value was made.
    public let raw: [UInt8]

    /// The key from its 32 raw bytes, or nil when they are not a usable X25519 public key: a low-order point (all
    /// zeros among them) would give every sender the same shared secret, so anyone could open what is sealed to it.
    public init?(raw: [UInt8]) {
        guard let key = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: raw),
              let shared = try? Curve25519.KeyAgreement.PrivateKey().sharedSecretFromKeyAgreement(with: key),
              shared.withUnsafeBytes({ bytes in bytes.contains { $0 != 0 } }) else { return nil }
        self.raw = raw
    }

    var key: Curve25519.KeyAgreement.PublicKey {
        // Checked in init, so this cannot fail.
        try! Curve25519.KeyAgreement.PublicKey(rawRepresentation: raw)
    }
}
