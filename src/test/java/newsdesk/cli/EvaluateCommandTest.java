package newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

    private static final String REFERENCES = String.join("\n",
            "{\"id\": \"d1\", \"summary\": \"Police arrested two men.\\nThey were released on bail.\"}",
            "{\"id\": \"d2\", \"summary\": \"The bank raised its rate.\"}");

    @TempDir
    Path dir;

    @Test
    void printsRougeWithIntervals() throws IOException {
        Path references = Files.writeString(dir.resolve("refs.jsonl"), REFERENCES);
        Path system = Files.writeString(dir.resolve("sys.jsonl"), REFERENCES);

        CommandResult result = CommandResult.run("evaluate", "--references", references.toString(), "--system", system.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("documents: 2 (without a system summary, scored 0: 0)")
                .containsPattern("ROUGE-1 +100\\.00 +\\[100\\.00, 100\\.00\\]")
                .containsPattern("ROUGE-2 +100\\.00")
                .containsPattern("ROUGE-L +100\\.00")
                .containsPattern("ROUGE-Lsum +100\\.00");
    }

    @Test
    void aMissingSystemSummaryScoresZero() throws IOException {
        Path references = Files.writeString(dir.resolve("refs.jsonl"), REFERENCES);
        Path system = Files.writeString(dir.resolve("sys.jsonl"), REFERENCES.lines().findFirst().orElseThrow());

        CommandResult result = CommandResult.run("evaluate", "--references", references.toString(), "--system", system.toString());

        assertThat(result.out()).contains("scored 0: 1").containsPattern("ROUGE-1 +50\\.00");
    }

    @Test
    void printsTheDifferenceToABaselineWithAPairedInterval() throws IOException {
        Path references = Files.writeString(dir.resolve("refs.jsonl"), REFERENCES);
        Path system = Files.writeString(dir.resolve("sys.jsonl"), REFERENCES);
        Path baseline = Files.writeString(dir.resolve("base.jsonl"), REFERENCES.lines().findFirst().orElseThrow());

        CommandResult result = CommandResult.run("evaluate", "--references", references.toString(),
                "--system", system.toString(), "--baseline", baseline.toString());

        // d1 is equal in both (difference 0), d2 is missing from the baseline (difference 100): mean 50.
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("system - baseline (paired bootstrap)")
                .containsPattern("(?s)baseline.*ROUGE-1 +50\\.00 +\\[0\\.00, 100\\.00\\]");
    }

    @Test
    void rejectsBadArgumentsWithUsageAndExitCode2() throws IOException {
        Path references = Files.writeString(dir.resolve("refs.jsonl"), REFERENCES);

        for (String[] args : new String[][] {
                {"evaluate"},
                {"evaluate", "--references", references.toString()},
                {"evaluate", "--references", references.toString(), "--system", dir.resolve("none.jsonl").toString()},
                {"evaluate", "--refs", references.toString()}}) {
            CommandResult result = CommandResult.run(args);
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("usage: java -jar target/newsdesk.jar evaluate");
        }
    }
}
