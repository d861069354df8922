import Foundation
import WaymarkCore
import WaymarkRecords

/// The folder that holds intakes: one journal per intake, a record once it is complete, and lock files.
public struct IntakeStore: Sendable {
    public let directory: String

    /// The store in `directory`, which `prepare()` creates.
    public init(directory: String) { self.directory = directory }

    /// `$XDG_DATA_HOME/waymark/FOLDER`, or `~/.local/share/waymark/FOLDER`.
    public static func defaultDirectory(_ folder: String = "intakes",
                                        environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return data + "/waymark/" + folder }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share/waymark/" + folder
    }

    /// Creates the folder with mode 0700.
    public func prepare() throws(FatalError) { try SecureFile.makeDirectory(directory) }

    /// A new id from the date and random digits: it says nothing about the person.
    public func newID(now: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return formatter.string(from: now) + "-" + String(repeating: "0", count: 8 - random.count) + random
    }

    /// Where the journal of intake `id` is written.
    public func journalPath(_ id: String) -> String { "\(directory)/\(id).journal" }
    /// Where the plain JSON record of a completed intake is written.
    public func recordPath(_ id: String) -> String { "\(directory)/\(id).record.json" }
    /// Where the record sealed to the organisation's key is written.
    public func sealedRecordPath(_ id: String) -> String { "\(directory)/\(id).record.sealed" }
    private func lockPath(_ id: String) -> String { "\(directory)/\(id).lock" }

    /// Whether an intake with this id exists here.
    public func exists(_ id: String) -> Bool {
        SchemaReader.isValidID(id, allowHyphen: true) && FileManager.default.fileExists(atPath: journalPath(id))
    }

    /// An exclusive lock on one intake, held until released or the process ends.
    public final class Lock {
        private let fd: Int32
        init(fd: Int32) { self.fd = fd }
        deinit { close(fd) }
    }

    /// Locks an intake so that no second process works on it at the same time.
    public func lock(_ id: String) throws(FatalError) -> Lock {
        let fd = open(lockPath(id), O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FatalError(code: "W8112", at: .file(lockPath(id)), "cannot create the lock file") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw FatalError(code: "W8113", "intake \(id) is open in another waymark process; finish or close that one first")
        }
        return Lock(fd: fd)
    }

    /// Removes a draft for good: its journal is overwritten with zeros, synced, then unlinked (best effort: a copy-on-write
    /// or flash file system may keep old blocks, which is why the README asks for full-disk encryption). A completed
    /// record is the organisation's and is not removed here; a draft open in another process is refused.
    public func discard(_ id: String) throws(FatalError) {
        guard exists(id) else { throw FatalError(code: "W8129", "no draft \(id.singleLineSafe) in \(directory.singleLineSafe)") }
        let held = try lock(id)
        var journal = IntakeJournal(path: journalPath(id))
        if (try? journal.read())?.isComplete == true {
            throw FatalError(code: "W8130", "intake \(id) is complete; its record is kept", suggestion: "remove records by your organisation's retention rules")
        }
        for path in [journalPath(id), journalPath(id) + ".damaged"] where FileManager.default.fileExists(atPath: path) {
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            if fd >= 0 {
                var remaining = Int(lseek(fd, 0, SEEK_END))
                lseek(fd, 0, SEEK_SET)
                let zeros = [UInt8](repeating: 0, count: 65536)
                while remaining > 0 {
                    let n = zeros.withUnsafeBytes { write(fd, $0.baseAddress, min(remaining, zeros.count)) }
                    if n <= 0 { break }
                    remaining -= n
                }
                fsync(fd)
                close(fd)
            }
            guard unlink(path) == 0 else { throw FatalError(code: "W8131", at: .file(path), "could not remove the draft") }
        }
        withExtendedLifetime(held) { _ = unlink(lockPath(id)) }
    }

    /// One line of `intake --list`.
    public struct Summary: Sendable {
        public var id: String
        public var started: String
        public var packVersion: String
        /// Answers given; nil when they cannot be counted on this laptop (a sealed record, a protected draft).
        public var answered: Int?
        public var completed: Bool
        /// A passphrase-protected draft: its answers cannot be counted without the passphrase.
        public var isProtected = false
        /// A journal whose first line is damaged: `intake --recover` saves what is intact.
        public var isDamaged = false

        /// Whole days since the intake started; nil when the start is not known on this laptop.
        public func age(now: Date = Date()) -> Int? {
            ISO8601DateFormatter().date(from: started).map { Int(now.timeIntervalSince($0) / 86_400) }
        }
    }

    /// Every intake in the folder, oldest first.
    public func list() -> [Summary] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let sealed = names.filter { $0.hasSuffix(".record.sealed") }.map { Summary(id: String($0.dropLast(".record.sealed".count)), started: "", packVersion: "", answered: nil, completed: true, isProtected: true) }
        return sealed + names.filter { $0.hasSuffix(".journal") }.sorted().compactMap { name in
            var journal = IntakeJournal(path: "\(directory)/\(name)")
            if let header = try? journal.readHeader(), header.protection != nil {
                return Summary(id: header.id, started: header.started, packVersion: "\(header.packID) \(header.packVersion)", answered: nil, completed: false, isProtected: true)
            }
            guard let contents = try? journal.read(), let header = contents.header else {
                // Listed, not hidden: its answers can still be recovered.
                return Summary(id: String(name.dropLast(".journal".count)), started: "", packVersion: "", answered: nil, completed: false, isDamaged: true)
            }
            var answered = Set<String>()
            for entry in contents.entries {
                if case .answer(let q, let a, _) = entry { if a == .cleared { answered.remove(q) } else { answered.insert(q) } }
            }
            return Summary(id: header.id, started: header.started, packVersion: "\(header.packID) \(header.packVersion)",
                           answered: answered.count, completed: contents.isComplete)
        }
    }
}
