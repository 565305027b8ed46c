package newsdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar run as a user runs it, {@code java -XX:SharedArchiveFile=target/newsdesk.jsa -jar target/newsdesk.jar}
 * from the project root (README), output to a log file. A copy of the jar elsewhere runs without the archive, which
 * belongs to the jar where the build made it.
 */
public final class JarProcess {

    private static final String ARCHIVE = "target/newsdesk.jsa";

    private JarProcess() {
    }

    private static List<String> classArchive(Path archive) {
        return Files.isRegularFile(archive) ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
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
        return start(directory, prefix, env, log, List.of(jvmOptions), List.of());
    }

    /** A command of the jar, {@code java -jar target/newsdesk.jar args...}, from the project root, that runs until stopped. */
    public static Process startCommand(Map<String, String> env, Path log, String... args) throws IOException {
        return start(Path.of("."), List.of(), env, log, List.of(), List.of(args));
    }

    private static Process start(Path directory, List<String> prefix, Map<String, String> env, Path log,
                                 List<String> jvmOptions, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(classArchive(directory.resolve(ARCHIVE).toAbsolutePath()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", "target/newsdesk.jar"));
        command.addAll(args);
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
            // With their subfolders: routes/desks holds the desks.
            try (var files = Files.walk(Path.of(folder))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path copy = directory.resolve(file.toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy);
                    }
                }
            }
        }
        return directory;
    }

    /** Whether the tests run as root, for whom file modes mean nothing: the jar then runs as "nobody" ({@link #asOrdinaryUser}). */
    public static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static final int NOBODY = 65534;

    /** What goes before java so the jar runs as an ordinary user: nothing, or for root setpriv to "nobody". */
    public static List<String> asOrdinaryUser() {
        return ROOT ? List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--") : List.of();
    }

    /**
     * {@code data} with the folders inbox, outbox, archive and error, owned by the user {@link #asOrdinaryUser}
     * runs the jar as; {@code root} (holding it) readable by all.
     */
    public static Path dataFolderForOrdinaryUser(Path root, Path data) throws IOException {
        Files.setPosixFilePermissions(root, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String folder : List.of("inbox", "outbox", "archive", "error")) {
            Files.createDirectories(data.resolve(folder));
        }
        if (ROOT) {
            try (var paths = Files.walk(data)) {
                for (Path path : (Iterable<Path>) paths::iterator) {
                    Files.setAttribute(path, "unix:uid", NOBODY);
                    Files.setAttribute(path, "unix:gid", NOBODY);
                }
            }
        }
        return data;
    }

    /** What a run of the jar that ends by itself printed, and its exit code. */
    public record Run(int exitCode, String out, String err) {
    }

    /**
     * Runs {@code java -jar <project>/target/newsdesk.jar args...} from {@code directory} with these environment
     * variables (and no DeepL key unless given) until it ends, within 60 s.
     */
    public static Run run(Path directory, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(classArchive(Path.of(ARCHIVE).toAbsolutePath()));
        command.addAll(List.of("-jar", Path.of("target/newsdesk.jar").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("newsdesk-out", ".txt");
        Path err = Files.createTempFile("newsdesk-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().remove("DEEPL_AUTH_KEY");
            builder.environment().remove("DEEPL_AUTH_KEY_FILE");
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("java -jar newsdesk.jar " + String.join(" ", args) + " did not end within 60 s");
            }
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
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

    /** The body of a GET from the jar's monitoring server on 127.0.0.1:{@code port}. */
    public static String get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
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
