package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import newsdesk.FormatSamples.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each article format through the running service: inbox, DeepL simulator, outbox, with its metadata in the result. */
class FormatsEndToEndTest {

    @TempDir
    Path dataDir;

    @Test
    void everyFormatAndAGzippedPageBecomesAResultWithItsMetadataAndTheTranslatedHeadlineAsTitle() throws Exception {
        try (RunningNewsdesk newsdesk = RunningNewsdesk.start(dataDir)) {
            for (Sample sample : FormatSamples.ALL) {
                newsdesk.drop(sample.file(), sample.bytes());
            }
            newsdesk.drop("seite.html.gz", FormatSamples.gzip(FormatSamples.ALL.get(0).bytes()));

            for (Sample sample : FormatSamples.ALL) {
                JsonNode result = newsdesk.awaitResult(sample.file());
                assertThat(ResultSchema.violations(result)).as(sample.file()).isEmpty();
                assertThat(result.at("/source/format").asText()).isEqualTo(sample.format());
                assertThat(result.at("/source/title").asText()).isEqualTo(sample.headline());
                assertThat(result.at("/source/metadata/headline").asText()).isEqualTo(sample.headline());
                assertThat(result.at("/source/metadata/byline").asText()).isEqualTo(sample.byline());
                assertThat(result.at("/source/metadata/language").asText()).isEqualTo("de");
                // The title is the translated headline: the first paragraph of the translation.
                assertThat(result.at("/title").asText()).isNotBlank().isNotEqualTo(sample.headline())
                        .isEqualTo(result.at("/translation/paragraphs/0").asText());
            }
            JsonNode gzipped = newsdesk.awaitResult("seite.html.gz");
            assertThat(gzipped.at("/source/format").asText()).isEqualTo("html");
            assertThat(gzipped.at("/translation/paragraphs")).isEqualTo(newsdesk.awaitResult("de-heise-1password.html").at("/translation/paragraphs"));
            // Only text goes to DeepL: no tags, no front matter, no code block, no image caption.
            assertThat(newsdesk.deepl.translateRequests()).flatExtracting(r -> r.texts())
                    .contains("Bahnstreik legt den Fernverkehr lahm", "Die Zugbindung ist aufgehoben.")
                    .noneMatch(text -> text.contains("<") || text.contains("title:") || text.contains("Ersatzfahrplan")
                            || text.contains("1Password scannt auch QR-Codes"));
        }
    }

    @Test
    void aTargetSetToNinjsGetsAValidNinjs21Item() throws Exception {
        try (RunningNewsdesk newsdesk = RunningNewsdesk.start(dataDir, "newsdesk.deliver.file.format", "ninjs")) {
            newsdesk.drop("de-bahnstreik.md", FormatSamples.ALL.get(1).bytes());

            JsonNode item = newsdesk.awaitResult("de-bahnstreik.md");

            assertThat(FormatSamples.ninjsViolations(item)).isEmpty();
            // The schema is enforced: an item without its one required field fails it.
            assertThat(FormatSamples.ninjsViolations(((com.fasterxml.jackson.databind.node.ObjectNode) item.deepCopy()).without("uri"))).isNotEmpty();
            assertThat(item.at("/standard/version").asText()).isEqualTo("2.1");
            assertThat(item.at("/language").asText()).isEqualTo("en-US");
            assertThat(item.at("/headlines/0/role").asText()).isEqualTo("main");
            assertThat(item.at("/headlines/0/value").asText()).isNotBlank().isNotEqualTo("Bahnstreik legt den Fernverkehr lahm");
            assertThat(item.at("/bodies/0/contenttype").asText()).isEqualTo("text/plain");
            assertThat(item.at("/descriptions/0/role").asText()).isEqualTo("summary");
            assertThat(item.at("/by").asText()).isEqualTo("Anna Schmidt");
            assertThat(item.at("/contentcreated").asText()).isEqualTo("2026-03-04T06:30+01:00");
            assertThat(item.at("/subjects")).extracting(JsonNode::toString).asString().contains("Streik");
            assertThat(item.at("/associations/0/uri").asText()).isEqualTo("https://example.org/wirtschaft/bahnstreik");
            assertThat(item.at("/associations/0/headlines/0/value").asText()).isEqualTo("Bahnstreik legt den Fernverkehr lahm");
            assertThat(item.at("/altids")).extracting(JsonNode::toString).asString().contains("\"role\":\"newsdesk-id\"");
        }
    }
}
