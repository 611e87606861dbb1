import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file (or stdin) one line at a time, so JSONL batches of any size stream in constant memory.
public final class LineReader {
    private let file: UnsafeMutablePointer<FILE>
    private let ownsFile: Bool
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0
    public private(set) var lineNumber = 0

    public init(path: String) throws(InputError) {
        guard let file = fopen(path, "r") else {
            throw InputError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        self.file = file
        ownsFile = true
    }

    /// Reads standard input.
    public init() {
        // A stream of our own on descriptor 0: the C global `stdin` is off limits in Swift 6.
        file = fdopen(STDIN_FILENO, "r")
        ownsFile = false
    }

    deinit {
        free(buffer)
        if ownsFile { fclose(file) }
    }

    /// The next line without its line break, as raw bytes (validated by the caller), or nil at the end.
    public func next() -> [UInt8]? {
        let count = getline(&buffer, &capacity, file)
        guard count >= 0, let buffer else { return nil }
        lineNumber += 1
        var length = count
        while length > 0, buffer[length - 1] == 0x0A || buffer[length - 1] == 0x0D { length -= 1 }
        return buffer.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
    }
}
