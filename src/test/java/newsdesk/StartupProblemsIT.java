package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import newsdesk.JarProcess.Run;
import newsdesk.deeplsim.DeeplSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** What the jar says when it cannot start as set up: one line naming what to change, exit code 2, no stack trace. */
class StartupProblemsIT {

    @TempDir
    Path dir;

    @Test
    void aSettingThatIsNotANumberStopsStartUpWithOneLineNamingIt() throws Exception {
        Run run = JarProcess.run(Path.of("."), Map.of("DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                "NEWSDESK_DATA_DIR", dir.resolve("data").toString(),
                "NEWSDESK_MONITORING_PORT", String.valueOf(Articles.freePort()),
                "NEWSDESK_SUMMARY_SENTENCES", "abc"));

        assertThat(run.exitCode()).isEqualTo(2);
        String output = run.out() + run.err();
        assertThat(output).contains("ERROR", "NEWSDESK_SUMMARY_SENTENCES (newsdesk.summary.sentences) is 'abc': "
                + "it must be a whole number, e.g. the default 3.");
        assertThat(output).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("SIGTERM");
    }

    @Test
    void startedOutsideTheProjectFolderItSaysWhereItLookedAndWhatToDo() throws Exception {
        Run run = JarProcess.run(dir, Map.of("DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly("Newsdesk found no config/application.properties in "
                + dir.toRealPath() + ": run it from the project folder (the one holding config/ and routes/, e.g. cd "
                + Path.of(".").toRealPath() + "), or set NEWSDESK_HOME to that folder.");
    }

    @Test
    void withNewsdeskHomeItRunsFromAnyFolder() throws Exception {
        Path log = dir.resolve("out.log");
        // Only the jar is here (JarProcess runs target/newsdesk.jar of the folder it runs in), no config/ or routes/.
        Files.createDirectories(dir.resolve("target"));
        Files.createSymbolicLink(dir.resolve("target/newsdesk.jar"), Path.of("target/newsdesk.jar").toAbsolutePath());
        Process process = JarProcess.start(dir, List.of(), Map.of("NEWSDESK_HOME", Path.of(".").toRealPath().toString(),
                "DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY, "NEWSDESK_DATA_DIR", dir.resolve("data").toString(),
                "NEWSDESK_MONITORING_PORT", String.valueOf(Articles.freePort())), log);
        try {
            // The ready line comes from routes/, so both the configuration and the routes were found.
            await().atMost(Duration.ofSeconds(60)).until(() -> JarProcess.countLines(log, "Ready; status:") == 1);
        } finally {
            assertThat(JarProcess.stop(process)).isZero();
        }
    }

    @Test
    void aMonitoringPortInUseStopsStartUpWithOneLineNamingTheSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            Run run = JarProcess.run(Path.of("."), Map.of("DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                    "NEWSDESK_DATA_DIR", dir.resolve("data").toString(),
                    "NEWSDESK_MONITORING_PORT", String.valueOf(port),
                    // A misspelt name is only warned about; the port stops it.
                    "NEWSDESK_SUMARY_SENTENCES", "2"));

            assertThat(run.exitCode()).isEqualTo(2);
            String output = run.out() + run.err();
            assertThat(output).contains("ERROR", "NEWSDESK_MONITORING_PORT (newsdesk.monitoring.port) is " + port
                    + ", but 127.0.0.1:" + port + " cannot be listened on");
            assertThat(output).contains("WARN", "The environment variable NEWSDESK_SUMARY_SENTENCES is not a Newsdesk "
                    + "setting and is ignored: did you mean NEWSDESK_SUMMARY_SENTENCES?");
            assertThat(output).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("SIGTERM");
        }
    }

    /** Out of range, not in the list, or a data folder that cannot be made: one line naming the setting, the value and what it may be. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NEWSDESK_CONCURRENCY|0|NEWSDESK_CONCURRENCY (newsdesk.concurrency) is '0': it must be from 1 to 1000.",
        "NEWSDESK_CONCURRENCY|-4|NEWSDESK_CONCURRENCY (newsdesk.concurrency) is '-4': it must be from 1 to 1000.",
        "NEWSDESK_SUMMARY_SENTENCES|0|NEWSDESK_SUMMARY_SENTENCES (newsdesk.summary.sentences) is '0': it must be from 1 to 100.",
        "NEWSDESK_SUMMARY_SENTENCES|-1|NEWSDESK_SUMMARY_SENTENCES (newsdesk.summary.sentences) is '-1': it must be from 1 to 100.",
        "NEWSDESK_SUMMARY_RATIO|2|NEWSDESK_SUMMARY_RATIO (newsdesk.summary.ratio) is '2': it must be from 0 to 1.",
        "NEWSDESK_MONITORING_PORT|99999|NEWSDESK_MONITORING_PORT (newsdesk.monitoring.port) is '99999': it must be from 0 to 65535.",
        "NEWSDESK_DEEPL_BUDGET_MONTHLY_CHARS|-5|NEWSDESK_DEEPL_BUDGET_MONTHLY_CHARS (newsdesk.deepl.budget.monthly-chars) is '-5': it must be 0 or more.",
        "NEWSDESK_LOG_FORMAT|xml|NEWSDESK_LOG_FORMAT is 'xml': set it to one of [text, json].",
        "NEWSDESK_TARGET_LANGUAGE|XX|NEWSDESK_TARGET_LANGUAGE is 'XX', which DeepL does not translate into",
        "NEWSDESK_DATA_DIR|a-file/data|NEWSDESK_DATA_DIR (newsdesk.data-dir) is '",
    })
    void aSettingOutOfItsRangeStopsStartUpWithOneLine(String variable, String value, String line) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            Map<String, String> environment = new HashMap<>(Map.of("DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                    "DEEPL_SERVER_URL", deepl.url(),
                    "NEWSDESK_DATA_DIR", dir.resolve("data").toString(),
                    "NEWSDESK_MONITORING_PORT", String.valueOf(Articles.freePort())));
            environment.put(variable, variable.equals("NEWSDESK_DATA_DIR") ? file.resolve("data").toString() : value);
            Run run = JarProcess.run(Path.of("."), environment);

            assertThat(run.exitCode()).isEqualTo(2);
            String output = run.out() + run.err();
            assertThat(output).contains(line).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(output.lines().filter(l -> !l.isBlank())).as(output).hasSizeLessThanOrEqualTo(3);
        }
    }
}
