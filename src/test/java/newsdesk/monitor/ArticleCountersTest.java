package newsdesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import newsdesk.RunningNewsdesk;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.MicrometerUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counters on /observe/metrics follow what happens to the files, through the real routes. */
class ArticleCountersTest {

    @TempDir
    Path dataDir;

    @Test
    void countsDeliveredArticlesBilledCharactersRejectedFilesAndDeeplFailures() throws Exception {
        try (RunningNewsdesk newsdesk = RunningNewsdesk.start(dataDir, "newsdesk.deepl.redeliveries", "0")) {
            MeterRegistry registry = MicrometerUtils.getOrCreateMeterRegistry(newsdesk.camel().getRegistry(),
                    MicrometerConstants.METRICS_REGISTRY_NAME);

            newsdesk.drop("one.txt", "Titel\n\nDie Straße ist groß. Das Wetter ist schön.".getBytes(StandardCharsets.UTF_8));
            JsonNode one = newsdesk.awaitResult("one.txt");
            newsdesk.drop("two.txt", "Zweiter Titel\n\nDer Zug kommt heute später an.".getBytes(StandardCharsets.UTF_8));
            JsonNode two = newsdesk.awaitResult("two.txt");
            newsdesk.drop("empty.txt", new byte[0]);
            newsdesk.awaitFileStartingWith("error", "empty.");
            newsdesk.deepl.failWith(500);
            newsdesk.drop("unlucky.txt", "Pech\n\nDer Dienst antwortet heute nicht.".getBytes(StandardCharsets.UTF_8));

            await().atMost(Duration.ofSeconds(30)).until(() -> count(registry, "newsdesk.deepl.failures") >= 1);
            assertThat(count(registry, "newsdesk.articles.delivered")).isEqualTo(2);
            assertThat(count(registry, "newsdesk.deepl.billed.characters")).isEqualTo(
                    one.at("/translation/billedCharacters").asDouble() + two.at("/translation/billedCharacters").asDouble());
            assertThat(count(registry, "newsdesk.articles.rejected")).isEqualTo(1);
            assertThat(registry.get("newsdesk.articles.delivered").counter().getId().getTag("camelContext")).isEqualTo("newsdesk");
        }
    }

    /** DeepL's own count is the truth: articles that then wait (456) or cannot be delivered were paid for too. */
    @Test
    void billedCharactersAreCountedWhenDeeplAnswersEvenIfNoResultIsDelivered() throws Exception {
        try (RunningNewsdesk newsdesk = RunningNewsdesk.start(dataDir, "newsdesk.deepl.redeliveries", "0",
                "newsdesk.inbox.max-files-per-poll", "1", "newsdesk.concurrency", "1")) {
            MeterRegistry registry = MicrometerUtils.getOrCreateMeterRegistry(newsdesk.camel().getRegistry(),
                    MicrometerConstants.METRICS_REGISTRY_NAME);
            // A result that cannot be written (a folder in its place, so the article's own fault, not the outbox's):
            // translated, billed, never delivered.
            java.nio.file.Path blocked = java.nio.file.Files.createDirectories(newsdesk.folder("outbox").resolve("undeliverable.json"));
            java.nio.file.Files.writeString(blocked.resolve("keep"), "in the way");
            newsdesk.drop("undeliverable.txt", "Titel\n\nDie Straße ist groß. Das Wetter ist schön.".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(30)).until(() -> newsdesk.deepl.translateRequestCount() >= 1);

            // A long article: several requests answered, then the quota runs out (456) and it waits.
            StringBuilder longArticle = new StringBuilder("Ein langer Bericht\n\n");
            for (int i = 0; longArticle.length() < 400 * 1024; i++) {
                longArticle.append("Absatz ").append(i).append(": Die Regierung hat am Montag über die Lage beraten.\n");
            }
            newsdesk.deepl.setCharacterLimit(newsdesk.deepl.billedCharacters() + 200_000);
            newsdesk.drop("lang.txt", longArticle.toString().getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(30)).until(() -> newsdesk.deepl.translateRequests().stream().anyMatch(r -> r.status() == 456));

            assertThat(count(registry, "newsdesk.articles.delivered")).isZero();
            assertThat(newsdesk.deepl.billedCharacters()).isGreaterThan(200_000);
            assertThat(count(registry, "newsdesk.deepl.billed.characters")).isEqualTo((double) newsdesk.deepl.billedCharacters());
        }
    }

    private static double count(MeterRegistry registry, String name) {
        return registry.get(name).counter().count();
    }
}
