package newsdesk.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
}
