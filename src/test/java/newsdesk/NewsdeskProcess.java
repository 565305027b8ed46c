package newsdesk;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service as a child process, started the way a user does ({@code java -jar
 * target/newsdesk.jar} from the project root), its output appended to a log file.
 */
public final class NewsdeskProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private NewsdeskProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the jar with {@code env} added to this JVM's environment (without any DeepL key of its
     * own), {@code jvmOptions} before {@code -jar}, and {@code prefix} before java (e.g. to run it as
     * another user).
     */
    public static NewsdeskProcess start(Path log, Map<String, String> env, List<String> jvmOptions, List<String> prefix)
            throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", "target/newsdesk.jar"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .directory(new File("."));
        builder.environment().remove("DEEPL_AUTH_KEY");
        builder.environment().remove("DEEPL_AUTH_KEY_FILE");
        builder.environment().putAll(env);
        return new NewsdeskProcess(builder.start(), log);
    }

    public static NewsdeskProcess start(Path log, Map<String, String> env, String... jvmOptions) throws IOException {
        return start(log, env, List.of(jvmOptions), List.of());
    }

    /** Waits for the start-up line, which comes once the routes run. */
    public NewsdeskProcess awaitStarted() {
        await().atMost(Duration.ofSeconds(60)).until(() -> log().contains("Newsdesk watches") || !process.isAlive());
        if (!process.isAlive()) {
            throw new IllegalStateException("Newsdesk exited with " + process.exitValue() + ":\n" + log());
        }
        return this;
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Process process() {
        return process;
    }

    /** kill -9: no shutdown hook, nothing finished. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as an operator stops it; returns the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Newsdesk did not stop within 90 s");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
