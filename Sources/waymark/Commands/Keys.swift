import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkWorkflows
import WaymarkRecords

struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Organisation keys for sealed intake records.",
        subcommands: [New.self])
}

extension Keys {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Make an organisation key pair: the public key goes on interview laptops, the private key stays with the organisation.")

        @Option(help: ArgumentHelp("Folder to write NAME.public.key and NAME.private.key in.", valueName: "dir"))
        var out: String = "."

        @Option(help: "Name of the key files.")
        var name: String = "organisation"

        func run() throws {
            let output = Output()
            let publicPath = (out as NSString).appendingPathComponent("\(name).public.key")
            let privatePath = (out as NSString).appendingPathComponent("\(name).private.key")
            for path in [publicPath, privatePath] where FileManager.default.fileExists(atPath: path) {
                output.fail(at: .file(path), "already exists; a key is never overwritten (records sealed to it could no longer be opened)")
                throw ExitCode(1)
            }
            let (privateKey, publicKey) = OrganisationKey.generate()
            do {
                try SecureFile.makeDirectory(out, requirePrivate: false)
                try SecureFile.writeAtomically(Array(privateKey.utf8), to: privatePath)
                try SecureFile.writeAtomically(Array(publicKey.utf8), to: publicPath)
            } catch {
                output.fail(error)
                throw ExitCode(1)
            }
            output.print("""
                Wrote \(publicPath): install it on interview laptops (waymark intake --encrypt-to \(publicPath)).
                Wrote \(privatePath): keep it off those laptops; it opens every record sealed to the public key.

                """)
        }
    }
}
