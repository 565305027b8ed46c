package newsdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import newsdesk.FileTrees;
import newsdesk.Service;
import newsdesk.cli.Options.UsageException;
import newsdesk.deeplsim.DeeplSimulator;
import newsdesk.ingest.SupportedFormats;
import newsdesk.monitor.MonitoringAddress;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.main.MainSupport;

/**
 * {@code demo [--data DIR] [--once]}: Newsdesk tried without a DeepL key. Starts the project's DeepL simulator in
 * this JVM and the service on a temporary data folder, removed when it stops (or on DIR, which stays), drops a sample article into the inbox and
 * prints its result; then keeps running, for the person to drop their own files, until Ctrl-C or SIGTERM.
 * With --once it stops after the sample (exit code 1 without its result): a check that an installation
 * works, and the start the build records its class-data-sharing archive from.
 * Every result says "engine": "simulator" (newsdesk.deepl.simulator), since its text is no real translation.
 */
public final class DemoCommand {

    static final String USAGE = """
            usage: java -jar target/newsdesk.jar demo [--data DIR] [--once]
              --data DIR   the data folder (inbox/, outbox/, ...); default: a new temporary folder, removed on exit
              --once       stop once the sample's result is shown (exit code 1 if it did not come)
            Run it from the project folder. No DeepL key is needed: the DeepL simulator stands in for DeepL,
            so results say "engine": "simulator" and their "translations" only swap some German words for English.""";

    /** The sample the shared data offers beside the project, else one bundled in the jar. */
    private static final String SHARED_SAMPLE = "../shared/samples/de-putin-tokayev.txt";
    /** Written for the demo; its events, people and figures are made up. */
    private static final String BUNDLED_SAMPLE = "/newsdesk/demo/stadtbibliothek.txt";
    private static final String AUTH_KEY = "demo-key:fx";
    private static final Duration RESULT_WAIT = Duration.ofSeconds(60);

    private DemoCommand() {
    }

    public static int run(String[] args) {
        Path dataDir;
        boolean once;
        boolean temporary;
        try {
            Options options = Options.parse(args, Set.of("data"), Set.of("once"));
            String data = options.optional("data", null);
            once = options.flag("once");
            temporary = data == null;
            dataDir = temporary ? Files.createTempDirectory("newsdesk-demo-") : Path.of(data);
        } catch (UsageException e) {
            System.err.println("demo: " + e.getMessage());
            System.err.println(USAGE);
            return Commands.EXIT_USAGE;
        } catch (IOException e) {
            System.err.println("demo: cannot make a temporary data folder: " + e.getMessage());
            return 1;
        }
        try (DeeplSimulator deepl = DeeplSimulator.start(AUTH_KEY)) {
            // People drop their own files too; the simulator's quota would pause the demo after 500,000 characters.
            deepl.setCharacterLimit(Long.MAX_VALUE);
            Properties overrides = new Properties();
            overrides.setProperty("deepl.auth-key", AUTH_KEY);
            overrides.setProperty("deepl.auth-key-file", "");
            overrides.setProperty("deepl.server-url", deepl.url());
            overrides.setProperty("newsdesk.deepl.simulator", "true");
            overrides.setProperty("newsdesk.data-dir", dataDir.toString());
            DropSampleWhenStarted sample = new DropSampleWhenStarted(dataDir.toAbsolutePath(), once);
            int exit = Service.run(overrides, sample);
            return exit == 0 && once && !sample.delivered ? 1 : exit;
        } catch (Exception e) {
            System.err.println("demo: " + e);
            return 1;
        } finally {
            if (temporary) {
                removeQuietly(dataDir);
            }
        }
    }

    /** The temporary data folder goes with the demo; a failure to remove it is said, not fatal. */
    private static void removeQuietly(Path dataDir) {
        try {
            FileTrees.delete(dataDir);
        } catch (IOException e) {
            System.err.println("demo: could not remove the temporary data folder " + dataDir + ": " + e.getMessage());
        }
    }

    /**
     * Once the service runs: drops the sample and prints its result, on a thread of its own so Ctrl-C stops it
     * at once; with --once, then stops the service.
     */
    private static final class DropSampleWhenStarted extends MainListenerSupport {

        private final Path dataDir;
        private final boolean once;
        private volatile boolean delivered;

        DropSampleWhenStarted(Path dataDir, boolean once) {
            this.dataDir = dataDir;
            this.once = once;
        }

        @Override
        public void afterStart(BaseMainSupport main) {
            MonitoringAddress monitoring = main.getCamelContext().getRegistry()
                    .lookupByNameAndType("monitoringAddress", MonitoringAddress.class);
            Thread thread = new Thread(() -> {
                delivered = dropAndShow(dataDir, monitoring.statusPageUrl(), System.out, once);
                if (once && main instanceof MainSupport service) {
                    service.completed();
                }
            }, "demo");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Drops the sample, prints its result and, unless {@code once}, where to drop more; whether the result came. */
    static boolean dropAndShow(Path dataDir, String statusPageUrl, PrintStream out, boolean once) {
        try {
            Path inbox = dataDir.resolve("inbox");
            String name = sampleName();
            Path result = dataDir.resolve("outbox").resolve(name.replaceFirst("\\.txt$", ".json"));
            // With --data, an earlier demo's result may be there already; the new one replaces it.
            FileTime earlier = Files.exists(result) ? Files.getLastModifiedTime(result) : null;
            dropSample(inbox, name);
            long deadline = System.nanoTime() + RESULT_WAIT.toNanos();
            while (!isNew(result, earlier) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            StringBuilder text = new StringBuilder(System.lineSeparator());
            boolean delivered = isNew(result, earlier);
            if (delivered) {
                JsonNode json = JsonLines.MAPPER.readTree(result.toFile());
                text.append("DEMO: the sample article ").append(name).append(" went through Newsdesk.").append(System.lineSeparator())
                        .append("  result:  ").append(result).append(System.lineSeparator())
                        .append("  engine:  ").append(json.at("/translation/engine").asText())
                        .append(" (the DeepL simulator swaps some German words for English: no real translation)").append(System.lineSeparator())
                        .append("  title:   ").append(json.at("/title").isTextual() ? json.at("/title").asText()
                                : "(none: the article has no title line)").append(System.lineSeparator())
                        .append("  summary: ").append(json.at("/summary/text").asText()).append(System.lineSeparator());
            } else {
                text.append("DEMO: no result for the sample article within ").append(RESULT_WAIT.toSeconds())
                        .append(" s; the log above says why.").append(System.lineSeparator());
            }
            if (!once) {
                text.append("Drop your own German articles (").append(SupportedFormats.describe())
                        .append(", each also .gz) into ").append(inbox)
                        .append("; results appear in ").append(dataDir.resolve("outbox")).append('.').append(System.lineSeparator())
                        .append("Status page: ").append(statusPageUrl).append("   Stop with Ctrl-C.").append(System.lineSeparator());
            }
            out.print(text);
            out.flush();
            return delivered;
        } catch (IOException e) {
            out.println("DEMO: could not drop the sample article: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static boolean isNew(Path result, FileTime earlier) throws IOException {
        return Files.exists(result) && (earlier == null || !Files.getLastModifiedTime(result).equals(earlier));
    }

    private static String sampleName() {
        Path shared = Service.home().resolve(SHARED_SAMPLE);
        return (Files.isRegularFile(shared) ? shared : Path.of(BUNDLED_SAMPLE)).getFileName().toString();
    }

    /** Copies the sample into the inbox under a hidden name and renames it, so it is never read half-written. */
    private static void dropSample(Path inbox, String name) throws IOException {
        Path shared = Service.home().resolve(SHARED_SAMPLE);
        Path hidden = inbox.resolve("." + name + ".part");
        if (Files.isRegularFile(shared)) {
            Files.copy(shared, hidden, StandardCopyOption.REPLACE_EXISTING);
        } else {
            try (InputStream in = DemoCommand.class.getResourceAsStream(BUNDLED_SAMPLE)) {
                Files.copy(in, hidden, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(hidden, inbox.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
