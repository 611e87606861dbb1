import Briefing
import Leverage
import MachineTranslation
import Merge
import PipelineCore
import Segmentation
import Summarization
import Terminology
import XLIFF

/// The stages a pipeline file can name, in the order they must run.
public enum BuiltInStages {
    public static let catalog = StageCatalog([
        SegmentStage.self,
        TermStage.self,
        SummarizeStage.self,
        LeverageStage.self,
        TranslateStage.self,
        XLIFFStage.self,
        BriefingStage.self,
        MergeStage.self,
    ])

    public static var reader: PipelineFileReader { PipelineFileReader(catalog: catalog) }
}
