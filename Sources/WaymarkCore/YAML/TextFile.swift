import Foundation

/// Reads whole files for the loaders, registering their text for diagnostics.
public enum TextFile {
    /// The bytes of a file, or of standard input for `-`; throws only when the file cannot be read at all.
    /// With `sources`, the text is registered there so that diagnostics can quote it.
    public static func read(_ path: String, limit: Int = YAMLLimits.standard.maxBytes, sources: SourceFiles? = nil) throws(FatalError) -> [UInt8] {
        let bytes: [UInt8]
        if path == "-" {
            bytes = try readStream(FileHandle.standardInput.fileDescriptor, name: "<stdin>", limit: limit)
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw FatalError(code: "W1034", at: .file(path), "no such file")
            }
            if isDirectory.boolValue { throw FatalError(code: "W1035", at: .file(path), "is a directory, expected a file") }
            if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limit {
                throw FatalError(code: "W1036", at: SourceLocation(file: path, line: 1, column: 1), "file is \(size) bytes, over the limit of \(limit) bytes")
            }
            // A FIFO, /dev/stdin or a process substitution has no size: read it as a stream, with the same limit.
            if let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType, type != .typeRegular {
                let fd = open(path, O_RDONLY)
                guard fd >= 0 else { throw FatalError(code: "W1049", at: .file(path), "cannot read the file (check its permissions)") }
                defer { close(fd) }
                let streamed = try readStream(fd, name: path, limit: limit)
                sources?.register(path, text: String(decoding: streamed, as: UTF8.self))
                return streamed
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw FatalError(code: "W1037", at: .file(path), "cannot read the file (check its permissions)")
            }
            bytes = Array(data)
        }
        sources?.register(path == "-" ? "<stdin>" : path, text: String(decoding: bytes, as: UTF8.self))
        return bytes
    }

    /// Everything readable from `fd`, stopping with an error as soon as it passes `limit` bytes, so memory stays bounded.
    static func readStream(_ fd: Int32, name: String, limit: Int) throws(FatalError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            bytes += chunk[0..<n]
            if bytes.count > limit {
                throw FatalError(code: "W1050", at: SourceLocation(file: name, line: 1, column: 1),
                                 "input is over the limit of \(limit) bytes; nothing was read from it")
            }
        }
        return bytes
    }

    /// The `.yaml` and `.yml` files directly inside a directory, sorted by name.
    public static func yamlFiles(in directory: String) throws(FatalError) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw FatalError(code: "W1038", at: .file(directory), "cannot list the directory")
        }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
    }

    /// Whether `path` exists and is a directory.
    public static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
