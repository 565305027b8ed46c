package newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainSummarizerCommandTest {

    /** Made-up stories (src/test/resources/summarize/training-stories.jsonl) whose highlights repeat the figures sentence. */
    private static final Path STORIES = Path.of("src/test/resources/summarize/training-stories.jsonl");

    @TempDir
    Path dir;

    @Test
    void trainingIsReproducibleByteForByte() throws IOException {
        Path first = dir.resolve("first.tsv");
        Path second = dir.resolve("second.tsv");

        assertThat(CommandResult.run("train-summarizer", "--input", STORIES.toString(), "--output", first.toString())
                .exitCode()).isZero();
        assertThat(CommandResult.run("train-summarizer", "--input", STORIES.toString(), "--output", second.toString())
                .exitCode()).isZero();

        assertThat(Files.readString(first)).startsWith("# gradient-boosted trees").contains("\nbase\t");
        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
    }

    @Test
    void writesOutOfFoldSummariesForEveryStory() throws IOException {
        Path predictions = dir.resolve("oof.jsonl");

        CommandResult result = CommandResult.run("train-summarizer", "--input", STORIES.toString(),
                "--output", dir.resolve("model.tsv").toString(), "--folds", "3", "--predictions", predictions.toString(),
                "--sentences", "1");

        assertThat(result.exitCode()).isZero();
        Map<String, String> summaries = JsonLines.fieldById(predictions, "summary");
        Map<String, String> stories = JsonLines.fieldById(STORIES, "article");
        assertThat(summaries.keySet()).containsExactlyElementsOf(stories.keySet());
        // Each story is summarised by a model that never saw it, and still finds its figures sentence.
        List<String> missed = summaries.entrySet().stream()
                .filter(summary -> !summary.getValue().matches(".*\\d.*"))
                .map(Map.Entry::getKey).collect(Collectors.toList());
        assertThat(missed).hasSizeLessThanOrEqualTo(stories.size() / 5);
    }

    @Test
    void rejectsBadArgumentsWithUsageAndExitCode2() {
        String model = dir.resolve("model.tsv").toString();
        for (String[] args : new String[][] {
                {"train-summarizer"},
                {"train-summarizer", "--input", STORIES.toString()},
                {"train-summarizer", "--input", dir.resolve("none.jsonl").toString(), "--output", model},
                {"train-summarizer", "--input", STORIES.toString(), "--output", model, "--folds", "3"},
                {"train-summarizer", "--input", STORIES.toString(), "--output", model, "--weights", "1,2"},
                {"train-summarizer", "--input", STORIES.toString(), "--output", model, "--weights", "-1"},
                {"train-summarizer", "--input", STORIES.toString(), "--output", model, "--ratio", "2"}}) {
            CommandResult result = CommandResult.run(args);
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.err()).contains("usage: java -jar target/newsdesk.jar train-summarizer");
        }
    }
}
