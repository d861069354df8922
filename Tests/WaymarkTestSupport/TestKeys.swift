import Foundation
import WaymarkRecords

/// Organisation key pairs written as files, as `waymark keys new` writes them, for tests of sealing.
public enum TestKeys {
    /// A new key pair named `name` in `directory`, made if needed.
    public static func files(_ name: String, in directory: String) throws -> (privatePath: String, publicPath: String) {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let (privateKey, publicKey) = OrganisationKey.generate()
        let paths = ("\(directory)/\(name).private.key", "\(directory)/\(name).public.key")
        try privateKey.write(toFile: paths.0, atomically: true, encoding: .utf8)
        try publicKey.write(toFile: paths.1, atomically: true, encoding: .utf8)
        return paths
    }
}
