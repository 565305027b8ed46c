package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import newsdesk.translate.DeeplTranslator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many articles at once through the real routes: they are worked on in parallel, the inbox is not
 * pulled into memory, and while DeepL answers 429 fewer requests are in flight, until it recovers.
 */
class ConcurrencyTest {

    private static final int CONCURRENCY = 4;
    private static final int PER_POLL = 10;

    @TempDir
    Path dataDir;

    @Test
    void articlesAreWorkedOnInParallelWithABoundedNumberHeldAndEachDeliveredOnce() throws Exception {
        int articles = 60;
        try (RunningNewsdesk newsdesk = RunningNewsdesk.start(dataDir, "newsdesk.concurrency", String.valueOf(CONCURRENCY),
                "newsdesk.inbox.max-files-per-poll", String.valueOf(PER_POLL))) {
            newsdesk.deepl.setLatency(Duration.ofMillis(100));
            newsdesk.deepl.takePeakInFlight();
            dropArticles(newsdesk, articles);

            AtomicInteger mostHeld = new AtomicInteger();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> {
                mostHeld.accumulateAndGet(newsdesk.camel().getInflightRepository().size("desk-default"), Math::max);
                return newsdesk.files("archive").size() == articles;
            });

            assertThat(newsdesk.deepl.takePeakInFlight()).isBetween(CONCURRENCY - 1, CONCURRENCY);
            // Twice as many article threads as requests in flight, so one is ready to send while another's article
            // is summarized and delivered; their queue of one poll's files and the poller itself; the other files
            // wait in the inbox.
            assertThat(Thread.getAllStackTraces().keySet())
                    .filteredOn(thread -> thread.isAlive() && thread.getName().matches("Camel \\(.+\\) thread #\\d+ - article"))
                    .hasSize(2 * CONCURRENCY);
            assertThat(mostHeld.get()).isBetween(2 * CONCURRENCY, 2 * CONCURRENCY + PER_POLL + 1);
            assertThat(newsdesk.files("outbox")).hasSize(articles);
            assertThat(newsdesk.files("inbox")).isEmpty();
            assertThat(newsdesk.files("error")).isEmpty();
            assertThat(newsdesk.deepl.translateRequestCount()).isEqualTo(articles);
        }
    }

    @Test
    void while429sComeFewerRequestsAreInFlightAndAfterwardsTheyGrowBackAndNothingIsLost() throws Exception {
        int articles = 120;
        try (RunningNewsdesk newsdesk = RunningNewsdesk.start(dataDir, "newsdesk.concurrency", "8")) {
            DeeplTranslator translator = newsdesk.camel().getRegistry().lookupByNameAndType("deeplTranslator", DeeplTranslator.class);
            newsdesk.deepl.setLatency(Duration.ofMillis(100));
            dropArticles(newsdesk, articles);
            awaitPeakInFlight(newsdesk, peak -> peak >= 6);

            newsdesk.deepl.failWith(429);
            // Each round of 429s halves the limit: 8, 4, 2, 1.
            await().atMost(Duration.ofSeconds(30)).until(() -> translator.requestsInFlightLimit() == 1);
            newsdesk.deepl.takePeakInFlight();
            for (int window = 0; window < 3; window++) {
                Thread.sleep(500);
                assertThat(newsdesk.deepl.takePeakInFlight()).as("requests in flight while DeepL answers 429").isLessThanOrEqualTo(1);
            }

            newsdesk.deepl.clearFaults();
            newsdesk.deepl.setLatency(Duration.ofMillis(100));
            await().atMost(Duration.ofSeconds(30)).until(() -> translator.requestsInFlightLimit() == 8);
            awaitPeakInFlight(newsdesk, peak -> peak >= 6);
            await().atMost(Duration.ofSeconds(90)).until(() -> newsdesk.files("archive").size() == articles);

            assertThat(newsdesk.files("outbox")).hasSize(articles);
            assertThat(newsdesk.files("inbox")).isEmpty();
            assertThat(newsdesk.files("error")).isEmpty();
        }
    }

    private static void dropArticles(RunningNewsdesk newsdesk, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            newsdesk.drop(String.format("article-%03d.txt", i), ("Meldung " + i + "\n\nDie Regierung hat am Montag "
                    + "beraten. Der Minister sagte, das Gesetz werde Nummer " + i + ".").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Waits until one half-second window's peak of requests in flight at the simulator passes the test. */
    private static void awaitPeakInFlight(RunningNewsdesk newsdesk, java.util.function.IntPredicate test) {
        newsdesk.deepl.takePeakInFlight();
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofMillis(500)).pollInterval(Duration.ofMillis(500))
                .until(() -> test.test(newsdesk.deepl.takePeakInFlight()));
    }
}
