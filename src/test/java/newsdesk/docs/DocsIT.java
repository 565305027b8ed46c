package newsdesk.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shell blocks of README.md and docs/ that are marked runnable, as written, from the project folder. */
class DocsIT {

    @TempDir
    Path logs;

    @TestFactory
    Stream<DynamicTest> runnableBlocks() {
        return DocBlocks.pages().stream()
                .flatMap(page -> DocBlocks.in(page).stream())
                .filter(block -> block.runnable() || block.until() != null)
                .map(block -> DynamicTest.dynamicTest(block.toString(), () -> run(block)));
    }

    private void run(DocBlocks block) throws Exception {
        Path log = logs.resolve(block.file().getFileName() + "-" + block.line() + ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", block.code())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // As a reader without a DeepL key runs it.
        builder.environment().keySet().removeIf(name -> name.startsWith("DEEPL_") || name.startsWith("NEWSDESK_"));
        Process process = builder.start();
        try {
            if (block.until() == null) {
                assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(block + " finished within 5 minutes").isTrue();
                assertThat(process.exitValue()).as(block + " exit code; output:\n" + Files.readString(log)).isZero();
            } else {
                Awaitility.await(block + " prints \"" + block.until() + "\"").atMost(Duration.ofMinutes(2))
                        .until(() -> Files.readString(log).contains(block.until()) || !process.isAlive());
                assertThat(Files.readString(log)).as(block + " output").contains(block.until());
            }
        } finally {
            stop(process);
        }
    }

    /** SIGTERM to the whole tree (bash and the java it started), as Ctrl-C would. */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        for (ProcessHandle handle : tree) {
            handle.onExit().completeOnTimeout(handle, 60, TimeUnit.SECONDS).join();
            handle.destroyForcibly();
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
