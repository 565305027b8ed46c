package newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummarizeCommandTest {

    static final String ARTICLES = String.join("\n",
            "{\"id\": \"a1\", \"title\": \"Rate rise\", \"article\": \"Rate rise\\n\\nThe central bank raised its key rate to 9.5 percent on Monday. "
                    + "Analysts had expected the move. Inflation rose for a third month in a row, driven by food prices. "
                    + "The bank said further rises were possible.\\n\\nReuters\"}",
            "",
            "{\"id\": \"a2\", \"article\": \"Heavy snow closed the main road to the airport on Tuesday morning. "
                    + "Hundreds of travellers were stranded.\"}");

    @TempDir
    Path dir;

    @Test
    void writesOneSummaryPerArticleWithSentencesOnLines() throws IOException {
        Path input = Files.writeString(dir.resolve("in.jsonl"), ARTICLES);
        Path output = dir.resolve("out.jsonl");

        CommandResult result = CommandResult.run("summarize", "--input", input.toString(), "--output", output.toString(),
                "--sentences", "2");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).containsPattern("summarized 2 articles in [0-9.]+ s: [0-9]+ articles/s \\(one thread, [0-9]+ per CPU second\\)");
        List<JsonNode> lines = readLines(output);
        assertThat(lines).extracting(line -> line.get("id").asText()).containsExactly("a1", "a2");
        assertThat(lines.get(0).fieldNames()).toIterable().containsExactly("id", "summary");
        String[] first = lines.get(0).get("summary").asText().split("\n");
        assertThat(first).hasSize(2).doesNotContain("Rate rise", "Reuters");
        assertThat(lines.get(1).get("summary").asText()).isEqualTo(
                "Heavy snow closed the main road to the airport on Tuesday morning.\nHundreds of travellers were stranded.");
    }

    @Test
    void rejectsBadArgumentsWithUsageAndExitCode2() throws IOException {
        Path input = Files.writeString(dir.resolve("in.jsonl"), ARTICLES);
        String out = dir.resolve("out.jsonl").toString();

        List<String[]> badCalls = List.of(
                new String[] {"summarize"},
                new String[] {"summarize", "--input", input.toString()},
                new String[] {"summarize", "--input", dir.resolve("missing.jsonl").toString(), "--output", out},
                new String[] {"summarize", "--input", input.toString(), "--output", out, "--sentences", "0"},
                new String[] {"summarize", "--input", input.toString(), "--output", out, "--sentences", "three"},
                new String[] {"summarize", "--input", input.toString(), "--output", out, "--colour", "red"},
                new String[] {"summarize", "--input", input.toString(), "--output"});
        for (String[] args : badCalls) {
            CommandResult result = CommandResult.run(args);
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.err()).contains("usage: java -jar target/newsdesk.jar summarize");
        }
    }

    @Test
    void reportsAMalformedLineByNumber() throws IOException {
        Path input = Files.writeString(dir.resolve("in.jsonl"), "{\"id\": \"a\", \"article\": \"Fine.\"}\n{not json\n");

        CommandResult result = CommandResult.run("summarize", "--input", input.toString(), "--output",
                dir.resolve("out.jsonl").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("line 2");
    }

    private static List<JsonNode> readLines(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        return Files.readAllLines(file).stream().map(line -> {
            try {
                return mapper.readTree(line);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
