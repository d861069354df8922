import Foundation
import Testing
import WaymarkTestSupport
@testable import WaymarkCore
@testable import WaymarkRecords

@Suite struct EncryptionTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-enc-\(UUID().uuidString)").path

    func keyFiles(_ name: String) throws -> (privatePath: String, publicPath: String) { try TestKeys.files(name, in: directory) }

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
