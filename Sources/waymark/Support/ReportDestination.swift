import ArgumentParser
import Foundation
import WaymarkCore

/// A `--report` path is checked before the interview starts, not found unwritable after the last answer.
enum ReportDestination {
    static func checkWritable(_ path: String, output: Output) throws {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        let problem: String?
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            problem = "is a folder, not a file"
        } else if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) || !isDirectory.boolValue {
            problem = "cannot be written: the folder \(folder) does not exist"
        } else if access(folder, W_OK) != 0 {
            problem = "cannot be written: the folder \(folder) is not writable"
        } else {
            problem = nil
        }
        if let problem {
            output.fail(FatalError(code: "W8125", at: .file(path), "the summary file \(problem)", suggestion: "choose another --report path"))
            throw ExitCode(1)
        }
    }
}
