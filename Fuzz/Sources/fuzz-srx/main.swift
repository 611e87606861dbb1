import Foundation
import FuzzDriver
import PipelineCore
import Segmentation

/// Feeds arbitrary bytes to the SRX reader and rule compiler as a rule file, and segments a fixed
/// text with whatever compiles. Any error is fine; a crash, a hang (libFuzzer's -timeout) or a
/// memory blow-up (-rss_limit_mb) is a finding.
private let folder: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-srx-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    // A word list the input may name, so that the word-list code runs too.
    try? "Dr\nz. B\nJahrhundert*\n".write(to: url.appendingPathComponent("list.txt"), atomically: true, encoding: .utf8)
    return url
}()

private let file = folder.appendingPathComponent("rules.srx")
private let language = LanguageTag("de-DE")!
private let sample = "Dr. Müller kam am 3. Oktober. Er sagte: „Nein!“ (Gut.) z.B. 1.000 Ärzte\nin Köln. aaaa aaaab\r\n"

runFuzzer { data, size in
    guard (try? Data(buffer: bytes(data, size)).write(to: file)) != nil else { return 0 }
    guard let segmenter = try? Segmenter(rules: file, language: language) else { return 0 }
    _ = segmenter.segment(sample)
    return 0
}
