package newsdesk.glossary;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** YAML text of a desk or glossary file read into maps and lists, with a one-line problem when it is not valid YAML. */
public final class YamlFile {

    private YamlFile() {
    }

    /** The document; IllegalArgumentException "not valid YAML at line N: ..." when it cannot be read. */
    public static Object load(String label, String text) {
        try {
            return new Load(LoadSettings.builder().setLabel(label).build()).loadFromString(text);
        } catch (MarkedYamlEngineException e) {
            String where = e.getProblemMark().map(mark -> " at line " + (mark.getLine() + 1)).orElse("");
            throw new IllegalArgumentException("not valid YAML" + where + ": " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
