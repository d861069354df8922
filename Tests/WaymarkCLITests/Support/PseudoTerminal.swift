import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs `waymark` on a pseudo-terminal, as a caseworker's terminal would, to drive the interactive path.
final class PseudoTerminal {
    private let master: Int32
    private let process = Process()
    private(set) var transcript = ""

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        var masterFD: Int32 = 0, slave: Int32 = 0
        guard openpty(&masterFD, &slave, nil, nil, nil) == 0 else { throw CocoaError(.fileReadUnknown) }
        master = masterFD
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        process.executableURL = CommandRunner.executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        env["TERM"] = "xterm"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
    }

    var pid: Int32 { process.processIdentifier }

    /// Reads until `text` appears in the transcript, or the time runs out.
    @discardableResult
    func expect(_ text: String, timeout: TimeInterval = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !transcript.contains(text) {
            guard Date() < deadline, readAvailable(wait: 100) else { return transcript.contains(text) }
        }
        return true
    }

    /// Reads whatever arrives until the process ends.
    func drain(timeout: TimeInterval = 20) {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline, readAvailable(wait: 100) || process.isRunning {}
    }

    private func readAvailable(wait milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return process.isRunning }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = read(master, &buffer, buffer.count)
        guard n > 0 else { return false }
        transcript += String(decoding: buffer[0..<n], as: UTF8.self)
        return true
    }

    func send(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    func signal(_ signal: Int32) { kill(process.processIdentifier, signal) }

    func waitForExit(timeout: TimeInterval = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { _ = readAvailable(wait: 50) }
        guard !process.isRunning else { return nil }
        drain(timeout: 0.2)
        return process.terminationReason == .uncaughtSignal ? -process.terminationStatus : process.terminationStatus
    }
}
