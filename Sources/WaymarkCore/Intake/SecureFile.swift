#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owner-only files and folders, appends that reach the disk before returning, and whole-file writes that are atomic.
public enum SecureFile {
    /// Creates the folder (and parents) readable by its owner only; with `tighten`, an existing folder is made so too.
    public static func makeDirectory(_ path: String, tighten: Bool = true) throws(FatalError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o700) != 0, errno != EEXIST {
                throw FatalError("\(current): error: cannot create the folder (\(String(cString: strerror(errno))))")
            }
        }
        if tighten { chmod(path, 0o700) }
    }

    /// Appends bytes to a file created with mode 0600, and waits until they are on disk.
    public static func append(_ bytes: [UInt8], to path: String) throws(FatalError) {
        // Hold back interrupts while the line is written and flushed, so Ctrl-C cannot tear a confirmed answer.
        var blocked = sigset_t(), previous = sigset_t()
        sigemptyset(&blocked)
        for signal in [SIGINT, SIGHUP, SIGTERM, SIGQUIT] { sigaddset(&blocked, signal) }
        sigprocmask(SIG_BLOCK, &blocked, &previous)
        defer { sigprocmask(SIG_SETMASK, &previous, nil) }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FatalError("\(path): error: cannot write (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        try writeAll(fd, bytes, path)
        guard fsync(fd) == 0 else { throw FatalError("\(path): error: cannot flush to disk") }
    }

    /// Replaces a file's contents through a temporary file, fsync and rename, so it is never half written.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(FatalError) {
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FatalError("\(temporary): error: cannot write (\(String(cString: strerror(errno))))") }
        do throws(FatalError) {
            try writeAll(fd, bytes, temporary)
            guard fsync(fd) == 0 else { throw FatalError("\(temporary): error: cannot flush to disk") }
        } catch {
            close(fd)
            throw error
        }
        close(fd)
        guard rename(temporary, path) == 0 else { throw FatalError("\(path): error: cannot replace the file") }
        let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let dfd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], _ path: String) throws(FatalError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FatalError("\(path): error: cannot write (\(String(cString: strerror(errno))))")
            }
            offset += n
        }
    }
}
