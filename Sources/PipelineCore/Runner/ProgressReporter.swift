import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Progress on stderr: a live line on a terminal, a plain line every few seconds otherwise (logs, CI).
public final class ProgressReporter: @unchecked Sendable {
    private let isTerminal: Bool
    private let interval: Duration
    private var lastReport = ContinuousClock.now
    private var started = ContinuousClock.now
    private var printedLive = false
    private let lock = NSLock()

    public init(isTerminal: Bool = isatty(STDERR_FILENO) != 0) {
        self.isTerminal = isTerminal
        interval = isTerminal ? .milliseconds(100) : .seconds(5)
    }

    public func update(done: Int, failed: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = ContinuousClock.now
        guard now - lastReport >= interval else { return }
        lastReport = now
        let seconds = Double((now - started).components.seconds)
        let line = "\(done) documents done, \(failed) failed, \(Int(seconds)) s"
        if isTerminal {
            FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
            printedLive = true
        } else {
            FileHandle.standardError.write(Data("progress: \(line)\n".utf8))
        }
    }

    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        if printedLive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
