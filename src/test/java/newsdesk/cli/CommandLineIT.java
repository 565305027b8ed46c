package newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import newsdesk.JarProcess;
import newsdesk.JarProcess.Run;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The jar's command line as a user meets it: usage, --help, --version, and mistakes that exit 2 without starting anything. */
class CommandLineIT {

    private static final Path PROJECT = Path.of(".");

    @Test
    void helpListsTheCommandsTheSettingsThatMatterAndTheDocs() throws Exception {
        Run help = JarProcess.run(PROJECT, Map.of(), "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Newsdesk ")
                .contains("usage: java -jar target/newsdesk.jar", "demo", "summarize", "evaluate", "bench", "extract",
                        "DEEPL_AUTH_KEY", "NEWSDESK_DATA_DIR", "NEWSDESK_MONITORING_PORT", "docs/", "configuration.md")
                .doesNotContain("Apache Camel");
        assertThat(help.err()).isEmpty();
    }

    @Test
    void versionPrintsTheProjectVersion() throws Exception {
        Run version = JarProcess.run(PROJECT, Map.of(), "--version");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).matches("Newsdesk [0-9]+\\.[0-9]+\\.[0-9]+(-SNAPSHOT)?\\R");
    }

    @ParameterizedTest
    @ValueSource(strings = {"frobnicate", "--frobnicate", "-x"})
    void anUnknownCommandOrOptionPrintsTheUsageAndExits2(String argument) throws Exception {
        Run run = JarProcess.run(PROJECT, Map.of(), argument);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("newsdesk: unknown ").contains(argument, "usage: java -jar target/newsdesk.jar")
                .doesNotContain("did you mean").doesNotContain("Apache Camel Runner");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMisspeltCommandGetsTheClosestSuggested() throws Exception {
        Run run = JarProcess.run(PROJECT, Map.of(), "sumarize", "--input", "x.jsonl");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("newsdesk: unknown command sumarize (did you mean summarize?)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "summarize", "evaluate", "bench", "extract"})
    void everyCommandAnswersHelpWithoutRunning(String command) throws Exception {
        Run run = JarProcess.run(PROJECT, Map.of(), command, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith(command + ": ").contains("usage: java -jar target/newsdesk.jar " + command);
        assertThat(run.err()).isEmpty();
    }
}
