package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import newsdesk.deeplsim.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restarts, redeliveries and repeated content: finished work is not redone, and nothing is billed twice. */
class RestartAndCacheTest {

    private static final String ARTICLE = "Neue Regeln für die Stadt\n\nDie Regierung hat am Montag ein Gesetz beschlossen. "
            + "Der Minister sagte, es gelte ab Freitag.\n\nDie Polizei wird die Regeln prüfen.";

    @TempDir
    Path dataDir;
    RunningNewsdesk newsdesk;

    @AfterEach
    void stop() {
        if (newsdesk != null) {
            newsdesk.close();
        }
    }

    @Test
    void aRestartLeavesFinishedFilesAloneButTakesNewContentAndBillsKnownContentNothing() throws Exception {
        newsdesk = RunningNewsdesk.start(dataDir);
        newsdesk.drop("stadt.txt", bytes(ARTICLE));
        JsonNode first = newsdesk.awaitResult("stadt.txt");
        newsdesk.awaitFileStartingWith("archive", "stadt.");
        assertThat(first.at("/translation/cached").asBoolean()).isFalse();
        byte[] firstResult = Files.readAllBytes(newsdesk.folder("outbox").resolve("stadt.json"));
        newsdesk.close();

        newsdesk = RunningNewsdesk.start(dataDir);
        Thread.sleep(1500);
        assertThat(newsdesk.deepl.translateRequestCount()).as("finished files are not processed again").isZero();
        assertThat(Files.readAllBytes(newsdesk.folder("outbox").resolve("stadt.json"))).isEqualTo(firstResult);
        assertThat(newsdesk.files("archive")).hasSize(1);

        // The same content under another name: translated from the cache.
        newsdesk.drop("kopie.txt", bytes(ARTICLE));
        JsonNode copy = newsdesk.awaitResult("kopie.txt");
        assertThat(copy.at("/translation/cached").asBoolean()).isTrue();
        assertThat(copy.at("/translation/billedCharacters").asLong()).isZero();
        assertThat(copy.at("/translation/text").asText()).isEqualTo(first.at("/translation/text").asText());
        assertThat(copy.at("/translation/detectedSourceLanguage").asText()).isEqualTo("DE");
        assertThat(ResultSchema.violations(copy)).isEmpty();
        assertThat(newsdesk.deepl.translateRequestCount()).isZero();

        // The same name with new content: processed again, and only the new paragraph is billed.
        String changed = ARTICLE + "\n\nDer Präsident erklärte am Dienstag seine Zustimmung.";
        newsdesk.drop("stadt.txt", bytes(changed));
        await().atMost(Duration.ofSeconds(30)).until(() -> newsdesk.files("archive").stream().filter(n -> n.startsWith("stadt.")).count() == 2);
        JsonNode second = newsdesk.awaitResult("stadt.txt");
        assertThat(second.at("/id").asText()).isNotEqualTo(first.at("/id").asText());
        assertThat(second.at("/translation/paragraphs")).hasSize(4);
        assertThat(second.at("/translation/cached").asBoolean()).isFalse();
        assertThat(newsdesk.deepl.translateRequests()).singleElement()
                .extracting(RecordedRequest::texts).isEqualTo(List.of("Der Präsident erklärte am Dienstag seine Zustimmung."));
        assertThat(second.at("/translation/billedCharacters").asLong()).isEqualTo(newsdesk.deepl.billedCharacters());
    }

    @Test
    void anArticleTriedAgainAfterItsResultCouldNotBeWrittenIsNotBilledAgain() throws Exception {
        newsdesk = RunningNewsdesk.start(dataDir);
        // An outbox that cannot be written: a file where the folder should be.
        Files.delete(newsdesk.folder("outbox"));
        Files.writeString(newsdesk.folder("outbox"), "not a folder");
        newsdesk.drop("stadt.txt", bytes(ARTICLE));
        await().atMost(Duration.ofSeconds(10)).until(() -> newsdesk.deepl.translateRequestCount() == 1);
        Thread.sleep(1000);
        assertThat(newsdesk.files("inbox")).contains("stadt.txt");
        long billed = newsdesk.deepl.billedCharacters();

        Files.delete(newsdesk.folder("outbox"));
        Files.createDirectory(newsdesk.folder("outbox"));

        JsonNode result = newsdesk.awaitResult("stadt.txt");
        assertThat(result.at("/translation/cached").asBoolean()).isTrue();
        assertThat(result.at("/translation/billedCharacters").asLong()).isZero();
        assertThat(newsdesk.deepl.translateRequestCount()).isEqualTo(1);
        assertThat(newsdesk.deepl.billedCharacters()).isEqualTo(billed);
    }

    @Test
    void whenOneRequestOfALongArticleFailsOnlyThatOneIsSentAgain() throws Exception {
        newsdesk = RunningNewsdesk.start(dataDir, "newsdesk.deepl.redeliveries", "0");
        StringBuilder article = new StringBuilder("Ein langer Bericht\n\n");
        for (int i = 0; article.length() < 200 * 1024; i++) {
            article.append("Absatz ").append(i).append(": Die Regierung hat am Montag über die Lage beraten.\n");
        }
        article.append("Der letzte Absatz enthält das Stichwort Störfall.\n");
        newsdesk.deepl.rejectTextsContaining("Störfall", 503, "Service unavailable");
        newsdesk.drop("lang.txt", bytes(article.toString()));
        await().atMost(Duration.ofSeconds(10)).until(() -> newsdesk.deepl.translateRequests().stream().anyMatch(r -> r.status() == 503));
        int succeeded = (int) newsdesk.deepl.translateRequests().stream().filter(r -> r.status() == 200).count();
        assertThat(succeeded).isPositive();

        newsdesk.deepl.clearFaults();

        JsonNode result = newsdesk.awaitResult("lang.txt");
        List<RecordedRequest> answered = newsdesk.deepl.translateRequests().stream().filter(r -> r.status() == 200).toList();
        assertThat(answered).hasSize(succeeded + 1);
        assertThat(answered.stream().flatMap(r -> r.texts().stream()).toList()).doesNotHaveDuplicates();
        assertThat(result.at("/translation/billedCharacters").asLong())
                .isEqualTo(answered.get(answered.size() - 1).texts().stream().mapToLong(t -> t.codePointCount(0, t.length())).sum());
        assertThat(result.at("/translation/cached").asBoolean()).isFalse();
        assertThat(ResultSchema.violations(result)).isEmpty();
    }

    /** Single flight: workers needing a text another worker has sent wait for its answer instead of paying again. */
    @Test
    void oneTextDroppedUnder50NamesAtOnceIsBilledOnce() throws Exception {
        newsdesk = RunningNewsdesk.start(dataDir, "newsdesk.concurrency", "8");
        // Slow answers, so the workers surely overlap.
        newsdesk.deepl.setLatency(Duration.ofMillis(500));
        byte[] article = Articles.sample();
        Path staging = Files.createDirectories(dataDir.resolve("staging"));
        for (int i = 0; i < 50; i++) {
            Files.write(staging.resolve("kopie-" + i + ".txt"), article);
        }
        for (int i = 0; i < 50; i++) {
            Files.move(staging.resolve("kopie-" + i + ".txt"), newsdesk.folder("inbox").resolve("kopie-" + i + ".txt"));
        }

        long billedInResults = 0;
        for (int i = 0; i < 50; i++) {
            billedInResults += newsdesk.awaitResult("kopie-" + i + ".txt").at("/translation/billedCharacters").asLong();
        }
        List<RecordedRequest> answered = newsdesk.deepl.translateRequests().stream().filter(r -> r.status() == 200).toList();
        assertThat(answered).as("requests DeepL answered").hasSize(1);
        assertThat(newsdesk.deepl.billedCharacters())
                .isEqualTo(answered.get(0).texts().stream().mapToLong(t -> t.codePointCount(0, t.length())).sum())
                .isEqualTo(billedInResults);
    }

    @Test
    void twoCopiesRenamedInTogetherAreBilledOnce() throws Exception {
        newsdesk = RunningNewsdesk.start(dataDir);
        newsdesk.deepl.setLatency(Duration.ofMillis(500));
        Path staging = Files.createDirectories(dataDir.resolve("staging"));
        Files.writeString(staging.resolve("a.txt"), ARTICLE);
        Files.writeString(staging.resolve("b.txt"), ARTICLE);
        Files.move(staging.resolve("a.txt"), newsdesk.folder("inbox").resolve("a.txt"));
        Files.move(staging.resolve("b.txt"), newsdesk.folder("inbox").resolve("b.txt"));

        JsonNode a = newsdesk.awaitResult("a.txt");
        JsonNode b = newsdesk.awaitResult("b.txt");
        assertThat(newsdesk.deepl.translateRequests()).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(a.at("/translation/billedCharacters").asLong() + b.at("/translation/billedCharacters").asLong())
                .isEqualTo(newsdesk.deepl.billedCharacters()).isPositive();
        assertThat(a.at("/translation/text")).isEqualTo(b.at("/translation/text"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
