import Foundation
import Testing
@testable import WaymarkCore
@testable import WaymarkRecords
@testable import WaymarkWorkflows

/// Owner-only files and folders: shared folders refused, writes never through a link.
@Suite struct SecureFileTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-secure-\(UUID().uuidString)").path

    @Test func aSharedFolderIsRefusedNotChanged() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        #expect(throws: FatalError.self) { try IntakeStore(directory: directory).prepare() }
        #expect(try FileManager.default.attributesOfItem(atPath: directory)[.posixPermissions] as? Int == 0o755)
    }

    @Test func atomicWritesNeverFollowALinkOrReuseAPreparedFile() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let victim = "\(directory)/victim.txt", target = "\(directory)/record.json"
        try "keep".write(toFile: victim, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: target + ".tmp", withDestinationPath: victim)
        try SecureFile.writeAtomically(Array("secret".utf8), to: target)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "secret")
        #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o600)
    }
}
