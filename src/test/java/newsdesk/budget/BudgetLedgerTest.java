package newsdesk.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import newsdesk.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetLedgerTest {

    /** Two nodes in one JVM (as the tests run them) share the ledger file: neither refuses the other's lock. */
    @Test
    void twoLedgersOfOneJvmOnOneFileCountEveryAnswerOfBoth(@TempDir Path folder) throws Exception {
        BudgetLedger first = new BudgetLedger(folder);
        BudgetLedger second = new BudgetLedger(folder);
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        BillingPeriod period = BillingPeriod.of(now, 1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                BudgetLedger ledger = i % 2 == 0 ? first : second;
                answers.add(threads.submit(() -> ledger.record(10, now, period)));
            }
            for (Future<?> answer : answers) {
                answer.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(first.totals(period)).isEqualTo(new BudgetLedger.Totals(2000, 2000));
        assertThat(second.totals(period)).isEqualTo(new BudgetLedger.Totals(2000, 2000));
    }

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final BillingPeriod PERIOD = BillingPeriod.of(NOW, 1);

    /** Two nodes reserving at once from one limit: never more set aside than the limit, whoever asks. */
    @Test
    void reservationsOfTwoLedgersAtOnceNeverTogetherExceedTheLimit(@TempDir Path folder) throws Exception {
        BudgetLedger first = new BudgetLedger(folder);
        BudgetLedger second = new BudgetLedger(folder);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<BudgetLedger.Reservation>> asked = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                BudgetLedger ledger = i % 2 == 0 ? first : second;
                asked.add(threads.submit(() -> ledger.reserve(700, NOW, PERIOD, 6_000, 0)));
            }
            int granted = 0;
            for (Future<BudgetLedger.Reservation> reservation : asked) {
                String id = reservation.get().id();
                if (id != null) {
                    granted++;
                    (granted % 2 == 0 ? first : second).settle(id, 690, NOW, PERIOD);
                }
            }
            assertThat(granted).isEqualTo(8);
        } finally {
            threads.shutdown();
        }
        assertThat(new BudgetLedger(folder).totals(PERIOD)).isEqualTo(new BudgetLedger.Totals(8 * 690, 8 * 690));
    }

    /**
     * Damaged lines (not numbers, a number that overflows, a negative count, a record glued onto a line
     * without its newline) are skipped with one WARN each, naming the file and line, however often read.
     */
    @Test
    void damagedLinesAreSkippedWithOneWarnEachAndTheNextRecordStartsOnALineOfItsOwn(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("deepl-2026-12-01.ledger");
        Files.writeString(file, "1796205600 100\nabc def\n1796205600 99999999999999999999999\n1796205600 -5000\n"
                + "1796205600 121764669601 15\n1796205600 40", StandardCharsets.US_ASCII);
        try (LogCapture log = new LogCapture()) {
            BudgetLedger ledger = new BudgetLedger(folder);
            assertThat(ledger.totals(PERIOD).month()).isEqualTo(100);
            ledger.record(60, NOW, PERIOD);
            // The line without its newline is ended before the new record: both count.
            assertThat(ledger.totals(PERIOD).month()).isEqualTo(200);
            assertThat(new BudgetLedger(folder).totals(PERIOD).month()).isEqualTo(200);
            ledger.totals(BillingPeriod.of(NOW.plusSeconds(86_400), 1));
            assertThat(log.messages(Level.WARN, "newsdesk.deepl")).hasSize(4 + 4)
                    .allSatisfy(line -> assertThat(line).contains(file.toString()).contains("damaged"))
                    .anySatisfy(line -> assertThat(line).contains("Line 2 ").contains("abc def"))
                    .anySatisfy(line -> assertThat(line).contains("Line 5 "));
        }
        assertThat(Files.readString(file)).endsWith("1796205600 40\n" + Files.readAllLines(file).get(6) + "\n");
        assertThatThrownBy(() -> new BudgetLedger(folder).record(-1, NOW, PERIOD)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A ledger that cannot be written counts in memory, says so once, and writes every record once it can. */
    @Test
    void recordsThatCannotBeWrittenAreKeptAndWrittenOnceTheLedgerCanBeWrittenAgain(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("budget");
        BudgetLedger ledger = new BudgetLedger(folder);
        Path file = folder.resolve("deepl-2026-12-01.ledger");
        try (LogCapture log = new LogCapture()) {
            ledger.record(100, NOW, PERIOD);
            // A folder in its place cannot be opened as a file, whoever runs the test (root too).
            Files.delete(file);
            Files.createDirectory(file);
            ledger.record(200, NOW, PERIOD);
            String id = ledger.reserve(300, NOW, PERIOD, 10_000, 0).id();
            ledger.settle(id, 280, NOW, PERIOD);
            assertThat(ledger.totals(PERIOD).month()).isEqualTo(100 + 200 + 280);
            Files.delete(file);
            assertThat(log.messages(Level.WARN, "newsdesk.deepl")).singleElement().asString().contains("cannot be used");
            ledger.record(400, NOW, PERIOD);
            assertThat(log.messages(Level.INFO, "newsdesk.deepl")).singleElement().asString().contains("written again");
        }
        // The first record went with the deleted file; the rest are written once each.
        assertThat(new BudgetLedger(folder).totals(PERIOD).month()).isEqualTo(200 + 280 + 400);
        assertThat(ledger.totals(PERIOD).month()).isEqualTo(200 + 280 + 400);
    }
}
