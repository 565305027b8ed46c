package newsdesk.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import newsdesk.Articles;
import newsdesk.RunningNewsdesk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the translator sets aside in the ledger: one reservation per DeepL request, none for a text from the cache. */
class BudgetReservationTest {

    @Test
    void aRequestIsReservedAndSettledOnceAndACachedTextReservesNothing(@TempDir Path dataDir) throws Exception {
        try (RunningNewsdesk newsdesk = RunningNewsdesk.start(dataDir, "newsdesk.deepl.budget.monthly-chars", "100000")) {
            newsdesk.drop("a.txt", Articles.sample());
            long billed = newsdesk.awaitResult("a").at("/translation/billedCharacters").asLong();
            assertThat(ledgerLines(dataDir)).hasSize(2).satisfiesExactly(
                    line -> assertThat(line).contains(" reserve:"),
                    line -> assertThat(line).contains(" " + billed + " settle:"));

            newsdesk.drop("again.txt", Articles.sample());
            newsdesk.awaitResult("again");
            assertThat(ledgerLines(dataDir)).as("from the cache: nothing set aside").hasSize(2);
            assertThat(newsdesk.deepl.translateRequestCount()).isEqualTo(1);
            assertThat(newsdesk.deepl.billedCharacters()).isEqualTo(billed);
        }
    }

    private static List<String> ledgerLines(Path dataDir) throws Exception {
        try (Stream<Path> files = Files.list(dataDir.resolve("budget"))) {
            return Files.readAllLines(files.findFirst().orElseThrow());
        }
    }
}
