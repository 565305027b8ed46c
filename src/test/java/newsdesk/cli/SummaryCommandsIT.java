package newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import newsdesk.JarProcess;
import newsdesk.JarProcess.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summarize and evaluate commands through the packaged jar, as a user runs them. */
class SummaryCommandsIT {

    @TempDir
    Path dir;

    @Test
    void summarizeThenEvaluate() throws Exception {
        Path articles = Files.writeString(dir.resolve("articles.jsonl"), SummarizeCommandTest.ARTICLES);
        Path references = Files.writeString(dir.resolve("refs.jsonl"), String.join("\n",
                "{\"id\": \"a1\", \"summary\": \"The central bank raised its key rate to 9.5 percent.\"}",
                "{\"id\": \"a2\", \"summary\": \"Snow closed the airport road.\"}"));
        Path summaries = dir.resolve("summaries.jsonl");

        Run summarize = jar("summarize", "--input", articles.toString(), "--output", summaries.toString());
        Run evaluate = jar("evaluate", "--references", references.toString(), "--system", summaries.toString());
        Run usage = jar("evaluate", "--system", summaries.toString());

        assertThat(summarize.exitCode()).as(summarize.err()).isZero();
        assertThat(summarize.err()).contains("articles/s");
        assertThat(Files.readAllLines(summaries)).hasSize(2);
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(evaluate.out()).contains("ROUGE-1", "ROUGE-2", "ROUGE-Lsum", "documents: 2");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("usage:");
    }

    private static Run jar(String... args) throws Exception {
        return JarProcess.run(Path.of("."), Map.of(), args);
    }
}
