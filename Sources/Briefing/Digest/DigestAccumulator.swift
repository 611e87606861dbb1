import PipelineCore
import Synchronization

/// A `DigestBuilder` that documents running concurrently can add to.
final class DigestAccumulator: Sendable {
    private let builder: Mutex<DigestBuilder>

    init(points: Int, limit: Int) {
        builder = Mutex(DigestBuilder(points: points, limit: limit))
    }

    func add(_ briefing: DocumentBriefing) {
        builder.withLock { $0.add(briefing) }
    }

    func digest(pipeline: String, languages: LanguagePair) -> Digest {
        builder.withLock { $0.digest(pipeline: pipeline, languages: languages) }
    }
}
