import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A request to stop a run early, as SIGINT (Ctrl-C) or SIGTERM (a scheduler) make it: the runner
/// starts no new document, lets the ones in flight finish and be written whole, and skips batch
/// outputs, which would be incomplete. Nothing is left half-written.
public final class StopRequest: Sendable {
    private let signal = Atomic<Int32>(0)
    private let listening = Listening()

    /// The signal sources, kept alive while the request listens. Unchecked: written once, by
    /// `listen()` under the lock, and never read; it only holds the sources.
    private final class Listening: @unchecked Sendable {
        let lock = Mutex(())
        var sources: [any DispatchSourceSignal] = []
    }

    public init() {}

    /// The signal that asked to stop, or nil while none has.
    public var signalNumber: Int32? {
        let number = signal.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    public var isRequested: Bool { signalNumber != nil }

    /// Asks to stop, as the signal `number` would.
    public func request(signal number: Int32) {
        _ = signal.compareExchange(expected: 0, desired: number, ordering: .relaxed)
    }

    /// Turns SIGINT and SIGTERM into a stop request instead of ending the process at once. A second
    /// signal of the same kind ends the process, for a user who does not want to wait.
    public func listen(to numbers: [Int32] = [SIGINT, SIGTERM]) {
        let made = numbers.map { number -> any DispatchSourceSignal in
            Glibc.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                if self.signalNumber == number {
                    Glibc.signal(number, SIG_DFL)
                    raise(number)
                }
                self.request(signal: number)
            }
            source.resume()
            return source
        }
        listening.lock.withLock { _ in listening.sources += made }
    }
}
