/// The stages a pipeline file may name, looked up by their `name`.
public struct StageCatalog: Sendable {
    public let stages: [any Stage.Type]

    public init(_ stages: [any Stage.Type]) {
        self.stages = stages
    }

    public func stage(named name: String) -> (any Stage.Type)? {
        stages.first { $0.name == name }
    }

    public var names: [String] { stages.map { $0.name } }
}
