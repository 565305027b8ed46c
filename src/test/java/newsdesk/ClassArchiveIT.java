package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-data-sharing archive `mvn package` records beside the jar, which README's run command names. */
class ClassArchiveIT {

    @Test
    void theJarStartedAsReadmeSaysLoadsItsClassesFromTheArchive(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("out.log");
        // -Xshare:on makes an archive the JVM cannot use (stale, damaged, another Java) an error, not a slow start.
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:SharedArchiveFile=target/newsdesk.jsa", "-Xshare:on", "-Xlog:class+load=info",
                "-jar", "target/newsdesk.jar", "--version")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isZero();
        // The archive holds the service's own classes and those of the libraries a start loads, not just the JDK's.
        assertThat(output).contains("newsdesk.cli.Commands source: shared objects file (top)",
                "org.apache.camel.main.MainListener source: shared objects file (top)");
    }

    @Test
    void theStartupBenchPairsStartsWithAndWithoutTheArchive() throws Exception {
        JarProcess.Run run = JarProcess.run(Path.of("").toAbsolutePath(), Map.of(),
                "bench", "--mode", "startup", "--runs", "1", "--warmup", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String jar = Path.of("target/newsdesk.jar").toAbsolutePath().toString();
        String archive = Path.of("target/newsdesk.jsa").toAbsolutePath().toString();
        assertThat(run.out()).contains("-XX:SharedArchiveFile=" + archive + " -jar " + jar + " (in ", " -jar " + jar + " (in ")
                .containsPattern("(?m)^1 +\\d+ ms +\\d+ ms$").containsPattern("this / no-archive: \\d+\\.\\d\\d");
    }
}
