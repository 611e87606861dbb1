import Foundation
import FuzzDriver
import PipelineCore
import PipelineStages

/// Feeds arbitrary text to the pipeline-file reader with the real stage catalog: YAML, bounds,
/// strict options and the checks of the stage list.
private let file = URL(fileURLWithPath: "/fuzz/Pipelines/p.yml")

runFuzzer { data, size in
    guard let text = String(validating: bytes(data, size), as: UTF8.self) else { return 0 }
    _ = try? BuiltInStages.reader.parse(text, file: file)
    return 0
}
