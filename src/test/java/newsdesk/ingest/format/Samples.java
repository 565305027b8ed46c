package newsdesk.ingest.format;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** The sample articles in src/test/resources/articles and, when present, the shared data beside the project. */
final class Samples {

    static final Path ARTICLES = Path.of("src/test/resources/articles");
    /** ../shared, or the folder -Dnewsdesk.shared names (a work tree that is not beside it). */
    static final Path SHARED = Path.of(System.getProperty("newsdesk.shared", "../shared"));

    private Samples() {
    }

    static String article(String name) {
        try {
            return Files.readString(ARTICLES.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of ../shared; the test is skipped when it is absent. */
    static Path shared(String path) {
        Path file = SHARED.resolve(path);
        assumeTrue(Files.exists(file), "skipped: " + file.toAbsolutePath().normalize() + " is absent");
        return file;
    }

    static String gunzipped(Path file) {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
