package newsdesk;

import java.time.Clock;
import newsdesk.ingest.InboxNames;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import newsdesk.deeplsim.DeeplSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * The real service, in this JVM, with the project's config/ and routes/, a fresh data folder and
 * the DeepL simulator. Tests drop files into its inbox and look at what comes out.
 */
public final class RunningNewsdesk implements AutoCloseable {

    public static final String AUTH_KEY = "test-key-6f1e2d3c:fx";
    private static final ObjectMapper JSON = new ObjectMapper();

    public final DeeplSimulator deepl;
    public final Path dataDir;
    private final Main main;

    private RunningNewsdesk(DeeplSimulator deepl, Path dataDir, Main main) {
        this.deepl = deepl;
        this.dataDir = dataDir;
        this.main = main;
    }

    /** Starts the service; {@code settings} are key/value pairs that override config/application.properties. */
    public static RunningNewsdesk start(Path dataDir, String... settings) throws Exception {
        DeeplSimulator deepl = DeeplSimulator.start(AUTH_KEY);
        Properties overrides = new Properties();
        overrides.setProperty("deepl.auth-key", AUTH_KEY);
        overrides.setProperty("deepl.server-url", deepl.url());
        overrides.setProperty("deepl.max-retries", "0");
        overrides.setProperty("newsdesk.data-dir", dataDir.toString());
        overrides.setProperty("newsdesk.inbox.quiet-period-ms", "300");
        overrides.setProperty("newsdesk.inbox.poll-ms", "100");
        // Tests run side by side; the one that checks monitoring turns it on with a free port.
        overrides.setProperty("newsdesk.monitoring.enabled", "false");
        for (int i = 0; i < settings.length; i += 2) {
            overrides.setProperty(settings[i], settings[i + 1]);
        }
        Main main = Service.create(overrides);
        main.start();
        return new RunningNewsdesk(deepl, dataDir, main);
    }

    public CamelContext camel() {
        return main.getCamelContext();
    }

    public Path folder(String name) {
        return dataDir.resolve(name);
    }

    /** Writes a file into the inbox the safe way: under a hidden name, then renamed. */
    public void drop(String name, byte[] content) throws IOException {
        // A short hidden name: the longest names the inbox takes leave no room for a prefix and suffix.
        Path hidden = folder("inbox").resolve(".drop-" + Integer.toHexString(name.hashCode()) + ".part");
        Files.write(hidden, content);
        Files.move(hidden, folder("inbox").resolve(name));
    }

    /** Waits for the result JSON of an input file. */
    public JsonNode awaitResult(String inputName) {
        Path result = folder("outbox").resolve(new InboxNames(Clock.systemUTC()).result(inputName));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(result));
        try {
            return JSON.readTree(result.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until a folder holds a file whose name starts with {@code prefix}, and returns the names there. */
    public List<String> awaitFileStartingWith(String folder, String prefix) {
        await().atMost(Duration.ofSeconds(30)).until(() -> files(folder).stream().anyMatch(n -> n.startsWith(prefix)));
        return files(folder);
    }

    /** Names of the visible files in a folder. */
    public List<String> files(String folder) {
        try (Stream<Path> files = Files.list(folder(folder))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        main.stop();
        deepl.close();
    }
}
