import Foundation
import Testing
@testable import WaymarkCore
@testable import WaymarkRecords

@Suite struct EncryptionTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-enc-\(UUID().uuidString)").path

    func keyFiles(_ name: String) throws -> (privatePath: String, publicPath: String) {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let (privateKey, publicKey) = OrganisationKey.generate()
        let paths = ("\(directory)/\(name).private.key", "\(directory)/\(name).public.key")
        try privateKey.write(toFile: paths.0, atomically: true, encoding: .utf8)
        try publicKey.write(toFile: paths.1, atomically: true, encoding: .utf8)
        return paths
    }

    @Test func sealedRecordOpensOnlyWithTheRightKey() throws {
        let org = try keyFiles("org"), other = try keyFiles("other")
        let secret = Array("{\"answers\": {\"age\": 16}}".utf8)
        let sealed = try SealedRecord.seal(secret, to: OrganisationKey.publicKey(from: org.publicPath))
        #expect(!sealed.contains("age"))
        let path = "\(directory)/r.record.sealed"
        try sealed.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try SealedRecord.open(path, with: OrganisationKey.privateKey(from: org.privatePath)) == secret)
        #expect(throws: FatalError.self) { try SealedRecord.open(path, with: OrganisationKey.privateKey(from: other.privatePath)) }
        var tampered = sealed.split(separator: "\n").map(String.init)
        tampered[2] = String(tampered[2].reversed())
        try (tampered.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: FatalError.self) { try SealedRecord.open(path, with: OrganisationKey.privateKey(from: org.privatePath)) }
    }
}
