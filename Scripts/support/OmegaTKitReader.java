import java.io.File;
import java.util.List;
import org.omegat.core.Core;
import org.omegat.core.data.ExternalTMX;
import org.omegat.core.data.PrepareTMXEntry;
import org.omegat.core.data.ProjectProperties;
import org.omegat.core.data.RealProject;
import org.omegat.gui.glossary.GlossaryEntry;
import org.omegat.gui.glossary.GlossaryReaderTBX;
import org.omegat.util.Language;

/**
 * Reads translator-kit files with OmegaT's own readers, as a project with the given languages
 * would: TBX glossaries through GlossaryReaderTBX (what the glossary/ folder uses), TMX files
 * through ExternalTMX (what the tm/ folder uses).
 * Usage: java -cp OmegaT.jar OmegaTKitReader.java SOURCE-LANG TARGET-LANG FILE...
 * Prints "OK <file> entries=N" per file, or "FAIL <file> <error>"; exit 1 when any file fails.
 */
public class OmegaTKitReader {
    public static void main(String[] args) throws Exception {
        File project = java.nio.file.Files.createTempDirectory("omegat-kit").toFile();
        ProjectProperties props = new ProjectProperties(project);
        props.setSourceLanguage(new Language(args[0]));
        props.setTargetLanguage(new Language(args[1]));
        Core.setProject(new RealProject(props));
        boolean failed = false;
        for (int i = 2; i < args.length; i++) {
            File file = new File(args[i]);
            try {
                if (args[i].endsWith(".tmx")) {
                    List<PrepareTMXEntry> units = new ExternalTMX(props, file, false, false).getEntries();
                    int empty = 0;
                    for (PrepareTMXEntry unit : units) {
                        if (unit.source == null || unit.source.isEmpty() || unit.translation == null || unit.translation.isEmpty()) empty++;
                    }
                    System.out.println((empty == 0 ? "OK " : "FAIL ") + args[i] + " entries=" + units.size() + " empty=" + empty);
                    failed |= empty > 0;
                    continue;
                }
                List<GlossaryEntry> entries = GlossaryReaderTBX.read(file, false);
                int empty = 0;
                for (GlossaryEntry entry : entries) {
                    if (entry.getSrcText().isEmpty() || entry.getLocText().isEmpty()) empty++;
                }
                System.out.println((empty == 0 ? "OK " : "FAIL ") + args[i] + " entries=" + entries.size() + " empty=" + empty);
                failed |= empty > 0;
            } catch (Exception e) {
                System.out.println("FAIL " + args[i] + " " + e);
                failed = true;
            }
        }
        System.exit(failed ? 1 : 0);
    }
}
