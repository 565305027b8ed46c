package newsdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged jar run as a user runs it, {@code java -jar target/newsdesk.jar} from the project root, output to a log file. */
public final class JarProcess {

    private JarProcess() {
    }

    /** Starts the jar with these environment variables (and no DeepL key unless given); {@code jvmOptions} come before -jar. */
    public static Process start(Map<String, String> env, Path log, String... jvmOptions) throws IOException {
        return start(Path.of("."), List.of(), env, log, jvmOptions);
    }

    /**
     * The same from {@code directory} (holding target/newsdesk.jar, config/ and routes/), with {@code
     * prefix} before java, e.g. to run it as another user. Output is appended to the log, so the runs
     * of one test can share it.
     */
    public static Process start(Path directory, List<String> prefix, Map<String, String> env, Path log,
                                String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", "target/newsdesk.jar"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .directory(directory.toFile());
        builder.environment().remove("DEEPL_AUTH_KEY");
        builder.environment().remove("DEEPL_AUTH_KEY_FILE");
        builder.environment().putAll(env);
        return builder.start();
    }

    /**
     * A copy of the jar, config/ and routes/ in {@code directory}, readable by every user: the project
     * folder itself may be closed to the user a test runs the jar as.
     */
    public static Path installIn(Path directory) throws IOException {
        Files.createDirectories(directory.resolve("target"));
        Files.copy(Path.of("target/newsdesk.jar"), directory.resolve("target/newsdesk.jar"));
        for (String folder : List.of("config", "routes")) {
            Files.createDirectories(directory.resolve(folder));
            try (var files = Files.list(Path.of(folder))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.copy(file, directory.resolve(folder).resolve(file.getFileName()));
                }
            }
        }
        return directory;
    }

    /** SIGTERM, as an operator stops it; its exit code. */
    public static int stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Newsdesk did not stop within 90 s");
        }
        return process.exitValue();
    }

    /** Lines of a process's log that contain {@code text}. */
    public static long countLines(Path log, String text) {
        try {
            return Files.readAllLines(log).stream().filter(line -> line.contains(text)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
