package newsdesk.evaluate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The evaluation fixtures in ../shared/eval (beside the project, as CI lays it out). They are not
 * copied into the project; tests that need them are skipped when the folder is absent.
 */
final class SharedEvalData {

    static final Path FOLDER = Path.of("..", "shared", "eval");

    private SharedEvalData() {
    }

    static Path file(String name) {
        Path file = FOLDER.resolve(name);
        assumeTrue(Files.isRegularFile(file), "skipped: " + file.toAbsolutePath().normalize()
                + " is absent (the shared evaluation data is expected at ../shared/eval)");
        return file;
    }
}
