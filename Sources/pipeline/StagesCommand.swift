import ArgumentParser
import Foundation
import PipelineCore
import PipelineStages

struct StagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stages",
        abstract: "List the stages a pipeline file can use, with their options and defaults.")

    func run() throws {
        for stage in BuiltInStages.catalog.stages {
            print(describe(stage))
        }
    }

    private func describe<S: Stage>(_ stage: S.Type) -> String {
        var lines = ["\(S.name): \(S.purpose)"]
        let needed = S.requirements(for: S.Options()).map { $0.stage + ($0.because.map { " (with \($0))" } ?? "") }
        if !needed.isEmpty { lines.append("  needs earlier: \(needed.joined(separator: ", "))") }
        let defaults = Self.defaults(of: S.Options())
        for (key, help) in S.Options.help {
            lines.append("  \(key): \(help) (default: \(defaults[key] ?? "none"))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The default of every option, read by encoding the default options, so help never drifts from code.
    private static func defaults<Options: Encodable>(of options: Options) -> [String: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(options),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        var result: [String: String] = [:]
        for (key, value) in object {
            let encoded = (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .withoutEscapingSlashes]))
            result[key] = encoded.map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
        }
        return result
    }
}
