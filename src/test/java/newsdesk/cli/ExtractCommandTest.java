package newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void printsOneLinePerFileWithWhatNewsdeskReadsOrWhyItRefusesIt() throws Exception {
        Files.writeString(dir.resolve("bericht.md"), "---\nauthor: Eva Lang\n---\n# Neue Brücke\n\nDie Brücke ist fertig.\n\nSie kostet viel.\n");
        Files.writeString(dir.resolve("kaputt.json"), "{\"name\": \"kein Artikel\"}");
        Files.writeString(dir.resolve("liste.csv"), "a,b\n");

        CommandResult result = CommandResult.run("extract", "--input", dir.toString());

        assertThat(result.exitCode()).isZero();
        List<JsonNode> lines = result.out().lines().map(ExtractCommandTest::json).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("id").asText()).isEqualTo("bericht");
        assertThat(lines.get(0).get("format").asText()).isEqualTo("markdown");
        assertThat(lines.get(0).get("title").asText()).isEqualTo("Neue Brücke");
        assertThat(lines.get(0).get("byline").asText()).isEqualTo("Eva Lang");
        assertThat(lines.get(0).get("articleBody").asText()).isEqualTo("Die Brücke ist fertig.\nSie kostet viel.");
        assertThat(lines.get(0).get("paragraphs")).hasSize(2);
        assertThat(lines.get(1).get("id").asText()).isEqualTo("kaputt");
        assertThat(lines.get(1).get("error").asText()).contains("not an article");
        assertThat(result.err()).contains("extract: skipped liste.csv: Newsdesk reads only *.htm, *.html");
    }

    @Test
    void noTwoLinesShareAnId() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Titel\n\nEin Satz.\n");
        Files.write(dir.resolve("a.txt.gz"), newsdesk.FormatSamples.gzip("Titel\n\nEin anderer Satz.\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        CommandResult result = CommandResult.run("extract", "--input", dir.toString());

        assertThat(result.out().lines().map(ExtractCommandTest::json).map(line -> line.get("id").asText())).containsExactly("a", "a.txt.gz");
        assertThat(result.err()).contains("extract: a.txt.gz has the id of a.txt (a); its line has the id a.txt.gz.");
    }

    @Test
    void readsOnEveryCoreAndStillPrintsTheLinesInNameOrder() throws Exception {
        // Big pages first, so a reader that wrote lines as they finish would put the small ones ahead.
        for (int i = 0; i < 40; i++) {
            String paragraphs = ("<p>Absatz " + i + " über die neue Brücke in der Stadt, die im Mai eröffnet wird.</p>").repeat(400 - 9 * i);
            Files.writeString(dir.resolve(String.format("seite-%02d.html", i)), "<html><body><article>" + paragraphs + "</article></body></html>");
        }

        CommandResult result = CommandResult.run("extract", "--input", dir.toString());

        assertThat(result.exitCode()).isZero();
        List<JsonNode> lines = result.out().lines().map(ExtractCommandTest::json).toList();
        assertThat(lines).extracting(line -> line.get("id").asText())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 40).mapToObj(i -> String.format("seite-%02d", i)).toList());
        assertThat(lines.get(39).get("articleBody").asText()).startsWith("Absatz 39 über");
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(result.err()).contains("extracted 40 files in").contains(cores == 1 ? "(one thread," : "(" + cores + " threads,");
    }

    @Test
    void withTruthItPrintsTheExtractionScore() throws Exception {
        Files.writeString(dir.resolve("seite.html"), "<html><body><article><p>Ein Satz über die neue Brücke in der Stadt.</p></article></body></html>");
        Path truth = Files.writeString(dir.resolve("truth.jsonl"), "{\"id\": \"seite\", \"articleBody\": \"Ein Satz über die neue Brücke in der Stadt.\"}\n");
        Path output = dir.resolve("out.jsonl");

        CommandResult result = CommandResult.run("extract", "--input", dir.resolve("seite.html").toString(), "--truth", truth.toString(),
                "--output", output.toString());

        assertThat(result.out()).contains("\"pages\": 1, \"missing\": 0, \"f1\": 1.0000");
        assertThat(Files.readString(output)).contains("\"id\":\"seite\"");
    }

    @Test
    void withSnippetTruthItPrintsTheSnippetScoreAndBothWhenALineHasBoth() throws Exception {
        Files.writeString(dir.resolve("seite.html"), "<html><body><nav><a href=/>Startseite</a> <a href=/x>Politik</a></nav>"
                + "<article><p>Ein Satz über die neue\u00A0Brücke in der Stadt.</p></article></body></html>");
        // Kept: the sentence (white space compared collapsed); left out: the navigation; lost: the missing sentence.
        Path truth = Files.writeString(dir.resolve("truth.jsonl"), "{\"id\": \"seite\", \"with\": [\"neue Brücke  in der\","
                + " \"Ein zweiter Satz.\"], \"without\": [\"Startseite\"], \"articleBody\": \"Ein Satz über die neue Brücke in der Stadt.\"}\n"
                + "{\"id\": \"fehlt\", \"with\": [\"Nirgends\"], \"without\": []}\n");

        CommandResult result = CommandResult.run("extract", "--input", dir.resolve("seite.html").toString(), "--truth", truth.toString());

        assertThat(result.exitCode()).isZero();
        List<JsonNode> scores = result.out().lines().map(ExtractCommandTest::json).toList();
        assertThat(scores).hasSize(2);
        assertThat(scores.get(0).get("f1").asDouble()).isEqualTo(1.0);
        JsonNode snippets = scores.get(1);
        assertThat(snippets.get("pages").asInt()).isEqualTo(2);
        assertThat(snippets.get("missing").asInt()).isEqualTo(1);
        assertThat(snippets.get("tp").asInt()).isEqualTo(1);
        assertThat(snippets.get("fp").asInt()).isZero();
        assertThat(snippets.get("fn").asInt()).isEqualTo(2);
        assertThat(snippets.get("snippet_f").asDouble()).isEqualTo(0.5);
        assertThat(snippets.get("snippet_f_ci95")).hasSize(2);
    }

    @Test
    void withABaselineItPrintsTheChangeFromAnEarlierRunAndItsPairedInterval() throws Exception {
        Files.writeString(dir.resolve("a.html"), "<html><body><article><p>Ein Satz über die neue Brücke in der Stadt, die bald fertig ist.</p>"
                + "</article></body></html>");
        Files.writeString(dir.resolve("b.html"), "<html><body><article><p>Der Rat hat den Haushalt für das nächste Jahr am Montag beschlossen.</p>"
                + "</article></body></html>");
        Path truth = Files.writeString(dir.resolve("truth.jsonl"),
                "{\"id\": \"a\", \"articleBody\": \"Ein Satz über die neue Brücke in der Stadt, die bald fertig ist.\"}\n"
                + "{\"id\": \"b\", \"articleBody\": \"Der Rat hat den Haushalt für das nächste Jahr am Montag beschlossen.\"}\n");
        // The earlier run found page a's text and refused page b.
        Path earlier = Files.writeString(dir.resolve("earlier.jsonl"),
                "{\"id\": \"a\", \"articleBody\": \"Ein Satz über die neue Brücke in der Stadt, die bald fertig ist.\"}\n"
                + "{\"id\": \"b\", \"error\": \"The file holds no article text.\"}\n");
        Path input = Files.createDirectory(dir.resolve("pages"));
        Files.move(dir.resolve("a.html"), input.resolve("a.html"));
        Files.move(dir.resolve("b.html"), input.resolve("b.html"));

        CommandResult result = CommandResult.run("extract", "--input", input.toString(), "--truth", truth.toString(),
                "--baseline", earlier.toString());

        assertThat(result.exitCode()).isZero();
        JsonNode score = json(result.out().strip());
        assertThat(score.get("f1").asDouble()).isEqualTo(1.0);
        assertThat(score.get("baseline_f1").asDouble()).isEqualTo(0.6667);
        assertThat(score.get("f1_change").asDouble()).isEqualTo(0.3333);
        // Every resample holds page a, page b or both: the change is never below 0 and at most 1 (b alone).
        assertThat(score.get("f1_change_ci95").get(0).asDouble()).isGreaterThanOrEqualTo(0.0);
        assertThat(score.get("f1_change_ci95").get(1).asDouble()).isLessThanOrEqualTo(1.0).isGreaterThan(0.3333);

        CommandResult withoutTruth = CommandResult.run("extract", "--input", input.toString(), "--baseline", earlier.toString());
        assertThat(withoutTruth.exitCode()).isEqualTo(2);
        assertThat(withoutTruth.err()).contains("--baseline compares scores: it needs --truth");
    }

    @Test
    void rejectsBadArgumentsWithUsageAndExitCode2() {
        CommandResult result = CommandResult.run("extract", "--input", dir.resolve("nichts").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("usage: java -jar target/newsdesk.jar extract");
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalArgumentException(line, e);
        }
    }
}
