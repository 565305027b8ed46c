package newsdesk.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RougeScorerTest {

    @Test
    void tokenizesLikeRougeScore() {
        assertThat(RougeTokenizer.tokens("Über £600m, high-speed TimeWarner's profits"))
                .containsExactly("ber", "600m", "high", "speed", "timewarn", "s", "profit");
    }

    @Test
    void scoresClippedOverlapAndLcs() {
        RougeScores scores = RougeScorer.score("the cat sat on the mat", "the cat sat");

        assertThat(scores.rouge1()).isCloseTo(2 * 1.0 * 0.5 / 1.5, within(1e-9));
        assertThat(scores.rouge2()).isCloseTo(2 * 1.0 * 0.4 / 1.4, within(1e-9));
        assertThat(scores.rougeL()).isCloseTo(2 * 1.0 * 0.5 / 1.5, within(1e-9));
        assertThat(scores.rougeLsum()).isCloseTo(2 * 1.0 * 0.5 / 1.5, within(1e-9));
    }

    @Test
    void summaryLevelLcsUsesLinesAsSentences() {
        String reference = "police arrested two men\nthe men were released on bail";
        String sameLinesReordered = "the men were released on bail\npolice arrested two men";

        assertThat(RougeScorer.score(reference, sameLinesReordered).rougeLsum()).isEqualTo(1.0);
        assertThat(RougeScorer.score(reference, sameLinesReordered).rougeL()).isLessThan(1.0);
    }

    @Test
    void emptyTextScoresZero() {
        assertThat(RougeScorer.score("some reference text", "")).isEqualTo(RougeScores.ZERO);
    }

    @Test
    void reproducesTheReferenceScorerPerDocument() throws IOException {
        Map<String, String> references = summaries(SharedEvalData.file("bbc-dev.jsonl"));
        Map<String, String> system = summaries(SharedEvalData.file("bbc-dev-lead3.system.jsonl"));
        List<String> rows = Files.readAllLines(SharedEvalData.file("bbc-dev-lead3.rouge-perdoc.tsv"));

        assertThat(rows.get(0)).isEqualTo("id\trouge1_F\trouge2_F\trougeL_F\trougeLsum_F");
        for (String row : rows.subList(1, rows.size())) {
            String[] expected = row.split("\t");
            RougeScores scores = RougeScorer.score(references.get(expected[0]), system.get(expected[0]));
            double[] actual = {scores.rouge1(), scores.rouge2(), scores.rougeL(), scores.rougeLsum()};
            for (int metric = 0; metric < 4; metric++) {
                assertThat(actual[metric] * 100).as("%s column %d", expected[0], metric + 1)
                        .isCloseTo(Double.parseDouble(expected[metric + 1]), within(0.01));
            }
        }
        assertThat(rows).hasSize(319);
    }

    private static Map<String, String> summaries(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, String> summaries = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode node = mapper.readTree(line);
            summaries.put(node.get("id").asText(), node.get("summary").asText());
        }
        return summaries;
    }
}
