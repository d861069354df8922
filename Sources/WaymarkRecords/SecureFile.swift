import WaymarkCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owner-only files and folders, appends that reach the disk before returning, and whole-file writes that are atomic.
public enum SecureFile {
    /// Creates the folder (and missing parents) readable by its owner only. With `requirePrivate`, an existing folder
    /// that others can read is refused rather than changed: it may be shared on purpose.
    public static func makeDirectory(_ path: String, requirePrivate: Bool = true) throws(FatalError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o700) != 0, errno != EEXIST {
                throw FatalError(code: "W7011", at: .file(current), "cannot create the folder (\(String(cString: strerror(errno))))")
            }
        }
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw FatalError(code: "W7012", at: .file(path), "not a folder")
        }
        if requirePrivate, info.st_mode & 0o077 != 0 {
            throw FatalError(code: "W7013", at: .file(path), "other users can open this folder (mode \(String(info.st_mode & 0o777, radix: 8))); "
                             + "intakes need a private one: choose another folder, or run 'chmod 700 \(path)'")
        }
    }

    /// Appends bytes to a file created with mode 0600, and waits until they are on disk.
    public static func append(_ bytes: [UInt8], to path: String) throws(FatalError) {
        // Hold back interrupts while the line is written and flushed, so Ctrl-C cannot tear a confirmed answer.
        var blocked = sigset_t(), previous = sigset_t()
        sigemptyset(&blocked)
        for signal in [SIGINT, SIGHUP, SIGTERM, SIGQUIT] { sigaddset(&blocked, signal) }
        sigprocmask(SIG_BLOCK, &blocked, &previous)
        defer { sigprocmask(SIG_SETMASK, &previous, nil) }
        let isNew = access(path, F_OK) != 0
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw FatalError(code: "W7014", at: .file(path), "cannot write (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        try writeAll(fd, bytes, path)
        guard fsync(fd) == 0 else { throw FatalError(code: "W7015", at: .file(path), "cannot flush to disk") }
        // A new file is only durable once the folder that names it is.
        if isNew { syncParent(of: path) }
    }

    /// Cuts a file back to the end of its last complete line, removing a line torn by a crash before more is appended.
    public static func truncateAfterLastNewline(_ path: String, length: Int) throws(FatalError) {
        guard truncate(path, off_t(length)) == 0 else { throw FatalError(code: "W7016", at: .file(path), "cannot repair the file") }
    }

    /// Replaces a file's contents through a new private temporary file, fsync and rename, so it is never half written
    /// and never written through a link or a file someone else prepared. `mode` is owner-only unless the file is not private
    /// (a translation, a PO file for a translator).
    public static func writeAtomically(_ bytes: [UInt8], to path: String, mode: mode_t = 0o600) throws(FatalError) {
        var template = Array((path + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw FatalError(code: "W7017", at: .file(path), "cannot write (\(String(cString: strerror(errno))))") }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do throws(FatalError) {
            guard fchmod(fd, mode) == 0 else { throw FatalError(code: "W7018", at: .file(temporary), "cannot set its mode") }
            try writeAll(fd, bytes, temporary)
            guard fsync(fd) == 0 else { throw FatalError(code: "W7019", at: .file(temporary), "cannot flush to disk") }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw FatalError(code: "W7020", at: .file(path), "cannot replace the file (\(String(cString: strerror(errno))))")
        }
        syncParent(of: path)
    }

    private static func syncParent(of path: String) {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast()
        let directory = parts.isEmpty ? "." : parts.joined(separator: "/").isEmpty ? "/" : parts.joined(separator: "/")
        let dfd = open(directory, O_RDONLY | O_CLOEXEC)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], _ path: String) throws(FatalError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FatalError(code: "W7021", at: .file(path), "cannot write (\(String(cString: strerror(errno))))")
            }
            offset += n
        }
    }
}
