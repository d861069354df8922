import Crypto
import Foundation
import WaymarkCore

/// A completed intake record sealed to an organisation's public key: readable only with its private key.
public enum SealedRecord {
    static let header = "waymark sealed record v1"
    static var suite: HPKE.Ciphersuite { .Curve25519_SHA256_ChachaPoly }
    static let info = Data("waymark intake record".utf8)

    /// The sealed file's text: a header, the encapsulated key, and the ciphertext, each base64 on its own line.
    public static func seal(_ plaintext: [UInt8], to recipient: OrganisationPublicKey) throws(FatalError) -> String {
        let key = recipient.key
        do {
            var sender = try HPKE.Sender(recipientKey: key, ciphersuite: suite, info: info)
            let ciphertext = try sender.seal(plaintext, authenticating: Data(header.utf8))
            return "\(header)\n\(sender.encapsulatedKey.base64EncodedString())\n\(ciphertext.base64EncodedString())\n"
        } catch {
            throw FatalError(code: "W7007", "could not seal the record (\(error))")
        }
    }

    /// The record's plaintext; a wrong key or a changed file is an error, never garbage.
    public static func open(_ path: String, with key: Curve25519.KeyAgreement.PrivateKey) throws(FatalError) -> [UInt8] {
        let lines = String(decoding: try TextFile.read(path), as: UTF8.self).split(separator: "\n").map(String.init)
        guard lines.first == header else { throw FatalError(code: "W7008", at: SourceLocation(file: path, line: 1, column: 1), "not a sealed waymark record") }
        guard lines.count >= 3, let encapsulated = Data(base64Encoded: lines[1]), let ciphertext = Data(base64Encoded: lines[2]) else {
            throw FatalError(code: "W7009", at: .file(path), "the sealed record is damaged")
        }
        do {
            var recipient = try HPKE.Recipient(privateKey: key, ciphersuite: suite, info: info, encapsulatedKey: encapsulated)
            return Array(try recipient.open(ciphertext, authenticating: Data(header.utf8)))
        } catch {
            throw FatalError(code: "W7010", at: .file(path), "cannot open this record with that key (wrong key, or the file was changed)")
        }
    }

    /// The intake id written inside an opened record, to compare with the name the file was given.
    public static func intakeID(in plaintext: [UInt8]) -> String? {
        (try? YAMLLoader.document(plaintext, file: "record"))??.value(for: "id")?.scalar?.text
    }
}
