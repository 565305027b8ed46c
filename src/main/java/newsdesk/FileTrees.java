package newsdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a folder the tools made for themselves (the bench's runs, the demo's data folder). */
public final class FileTrees {

    private FileTrees() {
    }

    /** Deletes the folder and everything in it, deepest first; nothing when it does not exist. */
    public static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
