import Dispatch
import Foundation
import PipelineCore
#if canImport(Glibc)
import Glibc
#endif

/// The JSONL convention of the unit commands: one object per input line in, the same object with
/// fields added out, one line per input line, in input order.
///
/// Input members pass through byte for byte, in their order; the added fields are written after
/// them (replacing an input member of the same name). A line that cannot be read or processed gets
/// an error line, `{"id": …, "error": "stdin:LINE: …"}`, and the rest still run, as in stream mode;
/// finished lines are written as soon as every line before them is, so an error never costs the
/// results already computed. Lines are processed `jobs` chunks at a time.
enum JSONLines {
    /// Work for one line: the fields to add to its object.
    typealias Transform = @Sendable (_ object: JSONLineObject) throws -> JSONAddedFields

    /// Reads stdin to the end, writes every result line to stdout, and fails (exit 1, with a count
    /// on stderr) if any line failed.
    static func process(jobs: Int, _ transform: @escaping Transform) throws {
        var input = StandardInputChunks()
        let output = StandardOutput()
        // Threads of our own: the command already blocks one of the few threads of the shared
        // dispatch pool, which on Linux would then run the chunks one at a time.
        let queue = jobs > 1 ? ChunkQueue(workers: jobs, transform) : nil
        defer { queue?.close() }
        var pending: [Chunk] = []
        var totals = Chunk.Totals()
        var nextLine = 1

        func deliver(_ chunk: Chunk) throws {
            if queue != nil { chunk.done.wait() }
            try output.write(chunk.output.bytes)
            totals.add(chunk.totals)
        }

        while let bytes = try input.next() {
            let chunk = Chunk(bytes: bytes, firstLine: nextLine)
            nextLine += Self.lineBreaks(in: bytes)
            guard let queue else {
                chunk.run(transform)
                try deliver(chunk)
                continue
            }
            queue.add(chunk)
            pending.append(chunk)
            // Bounded memory: at most two chunks per job are read ahead of the writer.
            while pending.count > 2 * jobs { try deliver(pending.removeFirst()) }
            // Before waiting for more input, hand out every result: the other end may be waiting
            // for them before it writes more (a co-process answering line by line).
            if !input.hasDataWaiting() {
                for chunk in pending { try deliver(chunk) }
                pending.removeAll()
            }
        }
        for chunk in pending { try deliver(chunk) }
        if let first = totals.firstFailure {
            throw JSONLinesFailure(summary: "\(totals.failed) of \(totals.lines) lines failed (each has an error line on stdout); the first: \(first)")
        }
    }

    /// Line breaks in a chunk, to number the next chunk's lines before this one is processed.
    private static func lineBreaks(in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var count = 0
            var position = UnsafeRawPointer(base)
            let end = position + buffer.count
            while let found = memchr(position, 0x0A, end - position) {
                count += 1
                position = UnsafeRawPointer(found) + 1
            }
            return count
        }
    }
}

/// Some lines failed; each already has its error line on stdout.
struct JSONLinesFailure: LocalizedError {
    let summary: String
    var errorDescription: String? { summary }
}

/// Complete lines of input and the result lines made from them.
private final class Chunk: @unchecked Sendable {
    struct Totals {
        var lines = 0
        var failed = 0
        var firstFailure: String?

        mutating func add(_ other: Totals) {
            lines += other.lines
            failed += other.failed
            if firstFailure == nil { firstFailure = other.firstFailure }
        }
    }

    /// The input, until the chunk has run.
    private var bytes: [UInt8]
    let firstLine: Int
    /// Written by the one worker that runs the chunk, read after `done` by the writer.
    var output = JSONWriter()
    var totals = Totals()
    let done = DispatchSemaphore(value: 0)

    init(bytes: [UInt8], firstLine: Int) {
        self.bytes = bytes
        self.firstLine = firstLine
    }

    func run(_ transform: JSONLines.Transform) {
        var results = Results(firstLine: firstLine, capacity: bytes.count * 2)
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                let end = memchr(buffer.baseAddress! + start, 0x0A, buffer.count - start)
                    .map { $0.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: buffer.baseAddress!) } ?? buffer.count
                results.process(Array(UnsafeBufferPointer(rebasing: buffer[start..<end])), transform)
                start = end + 1
            }
        }
        output = results.output
        totals = results.totals
        bytes = []
    }

    /// The lines of one chunk as they are processed, kept out of the shared object until done.
    private struct Results {
        var output: JSONWriter
        var totals = Totals()
        var lineNumber: Int

        init(firstLine: Int, capacity: Int) {
            output = JSONWriter(reservingCapacity: capacity)
            lineNumber = firstLine
        }

        mutating func process(_ line: [UInt8], _ transform: JSONLines.Transform) {
            defer { lineNumber += 1 }
            let object: JSONLineObject
            do throws(JSONLineError) {
                guard let parsed = try JSONLineParser.parse(line, firstLine: lineNumber == 1) else { return }
                object = parsed
            } catch {
                fail("stdin:\(lineNumber): \(error.description)", idValue: error.idValue)
                return
            }
            do {
                let added = try transform(object)
                object.write(adding: added, to: &output)
                output.appendRaw("\n")
                totals.lines += 1
            } catch {
                fail("stdin:\(lineNumber): \(error.localizedDescription)", idValue: object.idValue)
            }
        }

        private mutating func fail(_ message: String, idValue: [UInt8]?) {
            totals.lines += 1
            totals.failed += 1
            if totals.firstFailure == nil { totals.firstFailure = message }
            output.appendErrorLine(idValue: idValue, message: message)
        }
    }
}

/// Chunks waiting for a worker, and the worker threads that take them in order.
private final class ChunkQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [Chunk] = []
    private var closed = false

    init(workers: Int, _ transform: @escaping JSONLines.Transform) {
        for _ in 0..<workers {
            let thread = Thread { [self] in
                while let chunk = take() {
                    chunk.run(transform)
                    chunk.done.signal()
                }
            }
            thread.start()
        }
    }

    func add(_ chunk: Chunk) {
        condition.lock()
        waiting.append(chunk)
        condition.signal()
        condition.unlock()
    }

    /// Ends the workers once the chunks already added are taken.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func take() -> Chunk? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty, !closed { condition.wait() }
        return waiting.isEmpty ? nil : waiting.removeFirst()
    }
}

/// Standard input in chunks of whole lines, as large as one `read` returns (so a line typed or
/// piped alone is answered at once, and a file streams in large blocks).
private struct StandardInputChunks {
    private var carried: [UInt8] = []
    private var finished = false
    private var block = [UInt8](repeating: 0, count: 1 << 20)

    /// The next run of complete lines (the last may lack its line break at the end of input), or nil.
    mutating func next() throws -> [UInt8]? {
        while !finished {
            let count = block.withUnsafeMutableBufferPointer { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw JSONLinesIOError.read(String(cString: strerror(errno)))
            }
            if count == 0 {
                finished = true
                break
            }
            guard let lastBreak = block[..<count].lastIndex(of: 0x0A) else {
                carried.append(contentsOf: block[..<count])
                continue
            }
            var chunk = carried
            carried = Array(block[(lastBreak + 1)..<count])
            chunk.append(contentsOf: block[...lastBreak])
            return chunk
        }
        guard !carried.isEmpty else { return nil }
        defer { carried = [] }
        return carried
    }

    /// Whether a read would return at once; when it would not, results should go out before waiting.
    func hasDataWaiting() -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }
}

/// Writes straight to descriptor 1, so a chunk's results leave as one write.
private struct StandardOutput {
    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw JSONLinesIOError.write(String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }
}

enum JSONLinesIOError: LocalizedError {
    case read(String)
    case write(String)

    var errorDescription: String? {
        switch self {
        case .read(let reason): "cannot read stdin: \(reason)"
        case .write(let reason): "cannot write stdout: \(reason)"
        }
    }
}
