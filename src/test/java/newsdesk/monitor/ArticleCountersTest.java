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

    private static double count(MeterRegistry registry, String name) {
        return registry.get(name).counter().count();
    }
}
