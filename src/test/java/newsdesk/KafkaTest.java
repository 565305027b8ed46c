package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import newsdesk.brokers.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka as delivery target and as work queue, against a real KRaft broker started by the test. */
class KafkaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path kafkaDir;
    static KafkaBroker kafka;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startKafka() throws Exception {
        // As the docs ask of a deployment: at least as many partitions as workers.
        kafka = KafkaBroker.start(kafkaDir).withWorkQueue(2);
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void resultsArePublishedKeyedByIdAsWellAsWrittenToTheOutbox() throws Exception {
        try (RunningNewsdesk newsdesk = RunningNewsdesk.start(dataDir, "newsdesk.deliver.targets", "file,kafka",
                "newsdesk.kafka.bootstrap-servers", kafka.bootstrapServers())) {
            for (int i = 0; i < 3; i++) {
                newsdesk.drop("k" + i + ".txt", Articles.numbered(i));
            }

            List<ConsumerRecord<String, String>> records = consume("newsdesk.articles", 3);

            assertThat(records).hasSize(3);
            for (ConsumerRecord<String, String> record : records) {
                JsonNode body = JSON.readTree(record.value());
                assertThat(ResultSchema.violations(body)).isEmpty();
                assertThat(record.key()).isEqualTo(body.at("/id").asText());
                assertThat(header(record, "NewsdeskId")).isEqualTo(record.key());
                String file = header(record, "NewsdeskSourceFile");
                assertThat(file).isEqualTo(body.at("/source/file").asText()).matches("k[0-2]\\.txt");
                assertThat(body).isEqualTo(newsdesk.awaitResult(file));
            }
            assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
                    .isEqualTo(IntStream.range(0, 3).mapToObj(i -> Articles.sha256(Articles.numbered(i))).collect(Collectors.toSet()));
        }
    }

    /** An article whose delivery keeps failing goes to error/ after three attempts; the worker commits past it. */
    @Test
    void aKafkaWorkerRejectsAnArticleThatKeepsFailing() throws Exception {
        String[] common = {"newsdesk.work-queue", "kafka", "newsdesk.kafka.bootstrap-servers", kafka.bootstrapServers()};
        try (LogCapture logs = new LogCapture();
             RunningNewsdesk ingest = RunningNewsdesk.start(dataDir, concat(common, "newsdesk.role", "ingest"));
             RunningNewsdesk worker = RunningNewsdesk.start(dataDir, concat(common, "newsdesk.role", "worker"))) {
            kafka.awaitWorkersHoldingPartitions(1);
            ArticleFailuresTest.blockResult(ingest, "stuck");
            ingest.drop("stuck.txt", Articles.numbered(5));
            ingest.drop("fine.txt", Articles.numbered(6));

            ingest.awaitResult("fine.txt");
            ArticleFailuresTest.assertGaveUpAfterThree(ArticleFailuresTest.awaitReport(ingest, "stuck.txt"), logs, true);
        }
    }

    @Test
    void anIngestNodeAndTwoWorkersShareTheWorkThroughAKafkaTopic() throws Exception {
        String[] common = {"newsdesk.work-queue", "kafka", "newsdesk.kafka.bootstrap-servers", kafka.bootstrapServers()};
        try (RunningNewsdesk ingest = RunningNewsdesk.start(dataDir, concat(common, "newsdesk.role", "ingest"));
             RunningNewsdesk first = RunningNewsdesk.start(dataDir, concat(common, "newsdesk.role", "worker"));
             RunningNewsdesk second = RunningNewsdesk.start(dataDir, concat(common, "newsdesk.role", "worker"));
             Admin admin = kafka.admin()) {
            // Both workers hold a partition of newsdesk.incoming before the articles arrive.
            kafka.awaitWorkersHoldingPartitions(2);
            for (int i = 0; i < 20; i++) {
                ingest.drop("w" + i + ".txt", Articles.numbered(100 + i));
            }
            ingest.drop("empty.txt", new byte[0]);

            await().atMost(Duration.ofSeconds(60)).until(() -> ingest.files("outbox").size() == 20);
            // The ingest node rejected the bad file itself: the original and its reason are in error/.
            assertThat(ingest.awaitFileStartingWith("error", "empty.")).hasSize(2)
                    .anyMatch(name -> name.matches("empty\\.\\d{8}T\\d{9}\\.txt"))
                    .anyMatch(name -> name.endsWith(".txt.error.json"));

            for (int i = 0; i < 20; i++) {
                JsonNode result = ingest.awaitResult("w" + i + ".txt");
                assertThat(result.at("/id").asText()).isEqualTo(Articles.sha256(Articles.numbered(100 + i)));
                assertThat(ResultSchema.violations(result)).isEmpty();
            }
            assertThat(ingest.files("archive")).hasSize(20);
            assertThat(ingest.deepl.translateRequestCount()).isZero();
            assertThat(first.deepl.translateRequestCount()).isPositive();
            assertThat(second.deepl.translateRequestCount()).isPositive();
            assertThat(first.deepl.translateRequestCount() + second.deepl.translateRequestCount()).isEqualTo(20);
            // With nothing more to do, the workers have committed every article they finished.
            await().atMost(Duration.ofSeconds(10)).until(() -> uncommitted(admin) == 0);
        }
    }

    /** Records of newsdesk.incoming the workers' group has not committed past. */
    private static long uncommitted(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("newsdesk-workers")
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition = 0; partition < 2; partition++) {
            latest.put(new TopicPartition("newsdesk.incoming", partition), OffsetSpec.latest());
        }
        long behind = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : admin.listOffsets(latest).all().get().entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            behind += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return behind;
    }

    @Test
    void anArticleAWorkerStoppedWithoutFinishingIsDoneByTheNextWorker() throws Exception {
        String[] common = {"newsdesk.work-queue", "kafka", "newsdesk.kafka.bootstrap-servers", kafka.bootstrapServers()};
        try (RunningNewsdesk ingest = RunningNewsdesk.start(dataDir, concat(common, "newsdesk.role", "ingest"))) {
            RunningNewsdesk first = RunningNewsdesk.start(dataDir, concat(common, "newsdesk.role", "worker"));
            first.deepl.failWith(503);
            ingest.drop("unfinished.txt", Articles.numbered(200));
            await().atMost(Duration.ofSeconds(60)).until(() -> first.deepl.translateRequestCount() >= 2);
            first.close();
            assertThat(ingest.files("archive")).hasSize(1);
            assertThat(ingest.files("outbox")).isEmpty();

            try (RunningNewsdesk next = RunningNewsdesk.start(dataDir, concat(common, "newsdesk.role", "worker"))) {
                JsonNode result = next.awaitResult("unfinished.txt");
                assertThat(result.at("/id").asText()).isEqualTo(Articles.sha256(Articles.numbered(200)));
                assertThat(next.deepl.translateRequestCount()).isEqualTo(1);
            }
        }
    }

    @Test
    void aWorkerPausesWhileDeeplRefusesWorkAndTheArticlesWaitOnTheTopic() throws Exception {
        String[] common = {"newsdesk.work-queue", "kafka", "newsdesk.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "newsdesk.deepl.pause-check-ms", "300"};
        try (RunningNewsdesk ingest = RunningNewsdesk.start(dataDir, concat(common, "newsdesk.role", "ingest"));
             RunningNewsdesk worker = RunningNewsdesk.start(dataDir, concat(common, "newsdesk.role", "worker"))) {
            WorkerPauseTest.pausesAndResumes(ingest, worker);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, String>> consume(String topic, int count) {
        Properties props = new Properties();
        props.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            Instant end = Instant.now().plusSeconds(60);
            while (records.size() < count && Instant.now().isBefore(end)) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
