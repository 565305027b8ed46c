package newsdesk.summarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceScorerTest {

    @Test
    void theBundledScorerLoadsAndReadsBackToTheSameText() throws IOException {
        String resource;
        try (InputStream in = SentenceScorer.class.getResourceAsStream(SentenceScorer.RESOURCE)) {
            assertThat(in).isNotNull();
            resource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        SentenceScorer scorer = SentenceScorer.bundled();

        assertThat(scorer.format()).isEqualTo(resource);
        assertThat(resource).startsWith("# gradient-boosted trees (200 trees, depth 4");
    }

    @Test
    void aFeatureTheLanguageLacksCountsAsItsTrainingMean() {
        SentenceScorer scorer = SentenceScorer.bundled();
        Candidates german = Candidates.of(List.of(
                "Der Gemeinderat hat am Montag den neuen Haushalt für Schulen und Straßen beschlossen.",
                "Die Ausgaben sollen bis 2026 um zwölf Prozent steigen, sagte der Bürgermeister.",
                "Die Opposition kritisierte den Plan als zu teuer."), Language.DE);

        double[][] rows = SentenceFeatures.of(german).rows();

        assertThat(rows[0][SentenceFeatures.CAPITALS]).isNaN();
        for (double[] row : rows) {
            assertThat(scorer.score(row)).isBetween(0.0, 1.0);
        }
    }

    @Test
    void rejectsAModelForOtherFeatures() {
        String text = SentenceScorer.bundled().format().replace("\nfirst\t", "\nprimero\t");

        assertThatThrownBy(() -> SentenceScorer.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("primero");
    }

    @Test
    void rejectsALineWithAFieldMissingOrOneTooMany() {
        String text = SentenceScorer.bundled().format();
        String node = text.substring(text.lastIndexOf('\n', text.length() - 2) + 1, text.length() - 1);
        String missing = text.replace(node, node.substring(0, node.lastIndexOf('\t')));
        String extra = text.replace(node, node + "\t0.5");

        assertThat(SentenceScorer.parse(text).format()).isEqualTo(text);
        assertThatThrownBy(() -> SentenceScorer.parse(missing)).hasMessageContaining("unexpected line");
        assertThatThrownBy(() -> SentenceScorer.parse(extra)).hasMessageContaining("unexpected line");
    }

    @Test
    void aTrainedScorerRanksAsItWasTrained() throws IOException {
        // In the fixture the highlight is always the one sentence with figures, wherever it stands.
        SentenceScorer scorer = SentenceScorer.parse(new SummarizerTraining(fixtureStories()).model());
        List<String> story = List.of(
                "The mayor welcomed the harbour repairs in the town hall.",
                "Teachers debated the school project after a long meeting.",
                "The union questioned the bridge design with some caution.",
                "Farmers described the river cleanup during a short visit.",
                "The board said spending will rise by 40 jobs in 2027.",
                "Volunteers supported the library opening before the summer break.");

        List<Integer> ranked = new LearnedRanking(scorer).rank(Candidates.of(story, Language.EN));

        assertThat(ranked.get(0)).isEqualTo(4);
        assertThat(ranked).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
    }

    static List<SummarizerTraining.Story> fixtureStories() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<SummarizerTraining.Story> stories = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/summarize/training-stories.jsonl"))) {
            JsonNode story = mapper.readTree(line);
            stories.add(new SummarizerTraining.Story(story.get("id").asText(), null, story.get("article").asText(),
                    story.get("summary").asText(), 1));
        }
        return stories;
    }
}
