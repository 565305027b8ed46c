package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import newsdesk.broker.EmbeddedArtemis;
import newsdesk.brokers.JmsQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results delivered to an Artemis queue: the embedded broker by default, or one the service connects to. */
class JmsDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void resultsGoToTheOutboxAndToTheEmbeddedBrokerAtOnce() throws Exception {
        try (RunningNewsdesk newsdesk = RunningNewsdesk.start(dir.resolve("data"), "newsdesk.deliver.targets", "file, jms")) {
            newsdesk.drop("sample.txt", Articles.sample());

            JsonNode file = newsdesk.awaitResult("sample.txt");
            // The service's own in-VM broker, reached from the same JVM.
            List<JmsQueue.Received> messages = JmsQueue.receive(EmbeddedArtemis.IN_VM_URL, "newsdesk.articles", 1, Duration.ofSeconds(20));

            assertThat(messages).hasSize(1);
            JmsQueue.Received message = messages.get(0);
            JsonNode body = JSON.readTree(message.body());
            assertThat(body).isEqualTo(file);
            assertThat(ResultSchema.violations(body)).isEmpty();
            assertThat(message.id()).isEqualTo(body.at("/id").asText()).hasSize(64);
            assertThat(message.sourceFile()).isEqualTo("sample.txt");
            assertThat(dir.resolve("data/broker/journal")).isDirectoryContaining(p -> p.toString().endsWith(".amq"));
        }
    }

    @Test
    void restartingTheBrokerWhileTheServiceRunsLosesNothing() throws Exception {
        Path journal = dir.resolve("broker");
        String url = "tcp://127.0.0.1:" + Articles.freePort();
        EmbeddedArtemis broker = new EmbeddedArtemis(journal, url);
        broker.start();
        try (RunningNewsdesk newsdesk = RunningNewsdesk.start(dir.resolve("data"),
                "newsdesk.deliver.targets", "jms", "newsdesk.jms.broker-url", url)) {
            for (int i = 0; i < 5; i++) {
                newsdesk.drop("before-" + i + ".txt", Articles.numbered(i));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> newsdesk.files("archive").size() == 5);

            broker.stop();
            for (int i = 5; i < 10; i++) {
                newsdesk.drop("during-" + i + ".txt", Articles.numbered(i));
            }
            // While the broker is away nothing can be delivered, so the files wait in the inbox.
            Thread.sleep(3000);
            assertThat(newsdesk.files("inbox")).filteredOn(n -> n.endsWith(".txt")).hasSize(5);

            broker = new EmbeddedArtemis(journal, url);
            broker.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> newsdesk.files("archive").size() == 10);

            List<JmsQueue.Received> messages = JmsQueue.receive(url, "newsdesk.articles", 10, Duration.ofSeconds(20));
            Set<String> ids = messages.stream().map(JmsQueue.Received::id).collect(Collectors.toSet());
            Set<String> expected = IntStream.range(0, 10).mapToObj(i -> Articles.sha256(Articles.numbered(i))).collect(Collectors.toSet());
            assertThat(ids).isEqualTo(expected);
            assertThat(newsdesk.files("inbox")).noneMatch(n -> n.endsWith(".txt"));
            assertThat(newsdesk.files("outbox")).isEmpty();
        } finally {
            broker.stop();
        }
    }
}
