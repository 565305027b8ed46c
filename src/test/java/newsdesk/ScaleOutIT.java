package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import newsdesk.brokers.KafkaBroker;
import newsdesk.deeplsim.DeeplSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scale-out as deployed: one ingest node and two worker processes, all the packaged jar, sharing one
 * data folder, with the DeepL simulator in this JVM. The work queue is Artemis (the ingest node hosts
 * the broker, listening on 127.0.0.1) or Kafka (a real broker in this JVM, the topic with a partition
 * per worker). Each worker keeps 8 articles in flight (the default newsdesk.concurrency).
 */
class ScaleOutIT {

    private static final int ARTICLES = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path data;
    DeeplSimulator deepl;
    final List<Process> processes = new ArrayList<>();
    /** Started by the test on Kafka only. */
    KafkaBroker kafka;

    @BeforeEach
    void startSimulator() throws IOException {
        data = dir.resolve("data");
        deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY);
        // A little latency per request, as with the real DeepL, so work is spread over both workers.
        deepl.setLatency(Duration.ofMillis(20));
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            process.waitFor(60, TimeUnit.SECONDS);
        }
        deepl.close();
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void twoWorkersShare500ArticlesAndEachResultIsWrittenOnce() throws Exception {
        String broker = startIngestNode("jms");
        Path logA = startWorker("a", "jms", broker);
        Path logB = startWorker("b", "jms", broker);

        long start = System.nanoTime();
        dropArticles();
        awaitResults(Duration.ofMinutes(5));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertEveryArticleHasExactlyOneResult();
        long byA = translated(logA);
        long byB = translated(logB);
        assertThat(byA).isPositive();
        assertThat(byB).isPositive();
        // Without failures each article is worked on once.
        assertThat(byA + byB).isEqualTo(ARTICLES);
        System.out.printf("Scale-out: %d articles, 1 ingest node + 2 workers: %.1f s, worker a %d, worker b %d%n",
                ARTICLES, elapsedMs / 1000.0, byA, byB);
    }

    /**
     * SIGKILL to a worker with 8 articles in flight (DeepL answering after 100 ms, so the kill lands
     * while they wait): what it had not finished goes to the other worker, nothing is lost, and no
     * partial result is ever visible in outbox/.
     */
    @ParameterizedTest
    @ValueSource(strings = {"jms", "kafka"})
    void killingAWorkerMidRunLosesNoArticleAndLeavesNothingPartial(String workQueue) throws Exception {
        deepl.setLatency(Duration.ofMillis(100));
        if (workQueue.equals("kafka")) {
            kafka = KafkaBroker.start(Files.createDirectories(dir.resolve("kafka"))).withWorkQueue(2);
        }
        String broker = startIngestNode(workQueue);
        Path logA = startWorker("a", workQueue, broker);
        Path logB = startWorker("b", workQueue, broker);
        if (workQueue.equals("kafka")) {
            kafka.awaitWorkersHoldingPartitions(2);
        }
        OutboxWatcher watcher = new OutboxWatcher(data.resolve("outbox"));
        watcher.start();
        try {
            dropArticles();
            await().atMost(Duration.ofMinutes(3)).until(() -> translated(logA) >= 50 && translated(logB) >= 50);
            processes.get(2).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            long byBUntilKilled = translated(logB);
            assertThat(outbox().size()).isLessThan(ARTICLES);

            awaitResults(Duration.ofMinutes(5));

            assertEveryArticleHasExactlyOneResult();
            assertThat(watcher.corrupt.get()).as("partial or corrupt results seen in outbox/").isZero();
            System.out.printf("Scale-out on %s with worker b killed after %d articles: worker a did %d, %d results parsed as they came%n",
                    workQueue, byBUntilKilled, translated(logA), watcher.parsed.get());
        } finally {
            watcher.stopWatching();
        }
    }

    /**
     * Starts the ingest node; on jms with the embedded broker listening on a free port. Returns the
     * broker's address for the workers.
     */
    private String startIngestNode(String workQueue) throws Exception {
        String broker = workQueue.equals("jms") ? "tcp://127.0.0.1:" + Articles.freePort() : kafka.bootstrapServers();
        Map<String, String> env = common(workQueue, broker);
        env.put("NEWSDESK_ROLE", "ingest");
        if (workQueue.equals("jms")) {
            // It hosts the broker (the default vm://0) and lets the workers connect.
            env.remove("NEWSDESK_JMS_BROKER_URL");
            env.put("NEWSDESK_JMS_LISTEN", broker);
        }
        Path log = dir.resolve("ingest.log");
        processes.add(JarProcess.start(env, log, "-Xmx256m"));
        await().atMost(Duration.ofSeconds(60)).until(() -> JarProcess.countLines(log, "Newsdesk watches") == 1);
        return broker;
    }

    private Path startWorker(String name, String workQueue, String broker) throws Exception {
        Map<String, String> env = common(workQueue, broker);
        env.put("NEWSDESK_ROLE", "worker");
        env.put("DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY);
        env.put("DEEPL_SERVER_URL", deepl.url());
        Path log = dir.resolve("worker-" + name + ".log");
        processes.add(JarProcess.start(env, log, "-Xmx256m"));
        await().atMost(Duration.ofSeconds(60)).until(() -> JarProcess.countLines(log, "Newsdesk worker takes") == 1);
        return log;
    }

    private Map<String, String> common(String workQueue, String broker) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("NEWSDESK_WORK_QUEUE", workQueue);
        env.put(workQueue.equals("jms") ? "NEWSDESK_JMS_BROKER_URL" : "NEWSDESK_KAFKA_BOOTSTRAP_SERVERS", broker);
        env.put("NEWSDESK_DATA_DIR", data.toString());
        // Every process on this machine serves its health and metrics on a port of its own.
        env.put("NEWSDESK_MONITORING_PORT", String.valueOf(Articles.freePort()));
        env.put("NEWSDESK_INBOX_QUIET_PERIOD_MS", "200");
        env.put("NEWSDESK_INBOX_POLL_MS", "200");
        return env;
    }

    private void dropArticles() throws IOException {
        Path inbox = data.resolve("inbox");
        for (int i = 0; i < ARTICLES; i++) {
            Path hidden = inbox.resolve(".a" + i + ".part");
            Files.write(hidden, Articles.numbered(i));
            Files.move(hidden, inbox.resolve("a" + i + ".txt"));
        }
    }

    private void awaitResults(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> outbox().size() >= ARTICLES);
    }

    private void assertEveryArticleHasExactlyOneResult() throws IOException {
        List<Path> results = outbox();
        assertThat(results).hasSize(ARTICLES);
        List<String> ids = new ArrayList<>();
        for (Path result : results) {
            JsonNode json = JSON.readTree(result.toFile());
            assertThat(ResultSchema.violations(json)).isEmpty();
            ids.add(json.at("/id").asText());
        }
        Set<String> expected = IntStream.range(0, ARTICLES).mapToObj(i -> Articles.sha256(Articles.numbered(i))).collect(Collectors.toSet());
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(Set.copyOf(ids)).isEqualTo(expected);
        try (Stream<Path> archived = Files.list(data.resolve("archive")); Stream<Path> errors = Files.list(data.resolve("error"))) {
            assertThat(archived.count()).isEqualTo(ARTICLES);
            assertThat(errors.count()).isZero();
        }
    }

    private List<Path> outbox() {
        try (Stream<Path> files = Files.list(data.resolve("outbox"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith(".")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long translated(Path workerLog) {
        return JarProcess.countLines(workerLog, "newsdesk.articles - Translated ");
    }
}
