import Testing
@testable import PipelineStages
