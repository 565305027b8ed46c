package newsdesk;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged jar run as a user runs it, {@code java -jar target/newsdesk.jar} from the project root, output to a log file. */
public final class JarProcess {

    private JarProcess() {
    }

    /** Starts the jar with these environment variables (and no DeepL key unless given); {@code jvmOptions} come before -jar. */
    public static Process start(Map<String, String> env, Path log, String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", "target/newsdesk.jar"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(new File("."));
        builder.environment().remove("DEEPL_AUTH_KEY");
        builder.environment().remove("DEEPL_AUTH_KEY_FILE");
        builder.environment().putAll(env);
        return builder.start();
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
