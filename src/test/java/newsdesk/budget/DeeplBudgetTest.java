package newsdesk.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import newsdesk.LogCapture;
import newsdesk.MutableClock;
import newsdesk.state.Condition;
import newsdesk.state.ServiceState;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeeplBudgetTest {

    private static final Instant MARCH_14 = Instant.parse("2026-03-14T10:00:00Z");

    @TempDir
    Path folder;
    private final DefaultCamelContext context = new DefaultCamelContext();
    private ServiceState state;

    @BeforeEach
    void start() {
        context.start();
        // Probes from 50 ms.
        state = new ServiceState(context, Clock.systemUTC(), 50, 0);
        state.start();
    }

    @AfterEach
    void stop() {
        state.stop();
        context.stop();
    }

    @Test
    void billingPeriodsStartOnTheBillingDayInUtc() {
        assertThat(BillingPeriod.of(MARCH_14, 1).monthStart()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(BillingPeriod.of(MARCH_14, 15).monthStart()).isEqualTo(LocalDate.of(2026, 2, 15));
        assertThat(BillingPeriod.of(MARCH_14, 15).monthEnd()).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(BillingPeriod.of(MARCH_14, 14).monthStart()).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThatThrownBy(() -> BillingPeriod.of(MARCH_14, 31)).hasMessageContaining("billing-day");
    }

    @Test
    void nodesSharingTheFolderSeeEachOthersCharactersAndARestartKeepsThem() throws Exception {
        BillingPeriod period = BillingPeriod.of(MARCH_14, 1);
        BudgetLedger one = new BudgetLedger(folder);
        BudgetLedger two = new BudgetLedger(folder);
        one.record(1000, MARCH_14, period);
        two.record(500, MARCH_14, period);
        // Billed yesterday: counts for the month, not for the day.
        one.record(200, MARCH_14.minusSeconds(86_400), period);

        assertThat(one.totals(period)).isEqualTo(new BudgetLedger.Totals(1700, 1500));
        assertThat(two.totals(period)).isEqualTo(new BudgetLedger.Totals(1700, 1500));
        assertThat(new BudgetLedger(folder).totals(period)).as("after a restart").isEqualTo(new BudgetLedger.Totals(1700, 1500));
        // The next billing month starts from nothing.
        BillingPeriod april = BillingPeriod.of(Instant.parse("2026-04-01T00:00:01Z"), 1);
        assertThat(one.totals(april)).isEqualTo(new BudgetLedger.Totals(0, 0));
        assertThat(Files.list(folder)).hasSize(2);
    }

    @Test
    void warnsAt80PercentOnceStopsAt100AndAllowsAgainInTheNextMonth() throws Exception {
        MutableClock clock = new MutableClock(MARCH_14);
        DeeplBudget budget = new DeeplBudget(state, new BudgetLedger(folder), 10_000, 0, 1, clock);
        try (LogCapture log = new LogCapture()) {
            budget.reserve(7_000).settle(7_000);
            assertThat(log.messages(Level.WARN, "newsdesk.deepl")).isEmpty();

            budget.reserve(1_000).settle(1_000);
            budget.reserve(500).settle(500);
            assertThat(log.messages(Level.WARN, "newsdesk.deepl")).singleElement().asString()
                    .contains("80 %").contains("8000 of 10000");

            budget.reserve(1_500).settle(1_500);
            assertThat(state.holds(Condition.BUDGET_USED_UP)).isTrue();
            assertThatThrownBy(() -> budget.reserve(1)).isInstanceOf(DeeplBudgetUsedUpException.class)
                    .hasMessageContaining("10000 of 10000");
            assertThat(log.messages(Level.WARN, "newsdesk.deepl")).hasSize(1);
            assertThat(log.messages(Level.ERROR, "newsdesk.state")).singleElement().asString()
                    .contains("10000 of 10000").contains("2026-04-01T00:00:00Z").contains("[budget-used-up]");
            assertThat(budget.remainingThisMonth()).isZero();
            assertThat(budget.projectedThisMonth()).isEqualTo(Math.round(10_000 * 31.0 / (13 + 10 / 24.0)));

            Thread.sleep(300);
            assertThat(state.holds(Condition.BUDGET_USED_UP)).as("probed within the month").isTrue();
            clock.now = Instant.parse("2026-04-01T00:00:02Z");
            await().atMost(Duration.ofSeconds(10)).until(() -> !state.holds(Condition.BUDGET_USED_UP));
            budget.reserve(1_000).settle(1_000);
            assertThat(budget.usedThisMonth()).isEqualTo(1_000);
        }
    }

    @Test
    void aDailyLimitStopsForTheRestOfTheUtcDay() throws Exception {
        MutableClock clock = new MutableClock(MARCH_14);
        DeeplBudget budget = new DeeplBudget(state, new BudgetLedger(folder), 0, 1_000, 1, clock);
        budget.reserve(1_000).settle(1_000);
        assertThatThrownBy(() -> budget.reserve(1)).hasMessageContaining("of the day");
        clock.now = Instant.parse("2026-03-15T00:00:02Z");
        await().atMost(Duration.ofSeconds(10)).until(() -> !state.holds(Condition.BUDGET_USED_UP));
        budget.reserve(1).release();
        assertThat(budget.usedThisMonth()).isEqualTo(1_000);
        assertThat(budget.usedToday()).isZero();
    }

    @Test
    void aRequestTheRestOfTheBudgetDoesNotCoverIsRefusedBeforeItIsSentAndAReleaseFreesItsCharacters() throws Exception {
        MutableClock clock = new MutableClock(MARCH_14);
        DeeplBudget budget = new DeeplBudget(state, new BudgetLedger(folder), 6_000, 0, 1, clock);
        try (LogCapture log = new LogCapture()) {
            DeeplBudget.Reserved first = budget.reserve(2_000);
            DeeplBudget.Reserved second = budget.reserve(2_000);
            assertThat(budget.usedThisMonth()).as("set aside, not billed yet").isEqualTo(4_000);
            second.release();
            first.settle(1_900);
            first.release();
            assertThat(budget.usedThisMonth()).isEqualTo(1_900);

            budget.reserve(3_000).settle(3_000);
            assertThatThrownBy(() -> budget.reserve(1_500)).isInstanceOf(DeeplBudgetUsedUpException.class)
                    .hasMessageContaining("4900 of 6000").hasMessageContaining("the next request needs 1500");
            assertThatThrownBy(() -> budget.reserve(100)).isInstanceOf(DeeplBudgetUsedUpException.class);
            assertThat(budget.usedThisMonth()).isEqualTo(4_900);
            // The rest (1,100) would pass a check of the totals alone: the pause lasts until the month ends.
            Thread.sleep(500);
            assertThat(state.holds(Condition.BUDGET_USED_UP)).isTrue();
            assertThat(log.messages(Level.ERROR, "newsdesk.state")).singleElement().asString()
                    .contains("Newsdesk takes no new articles").contains("the next request needs 1500");
        }
    }

    @Test
    void withoutALimitOnlyWhatDeeplBilledIsWritten() throws Exception {
        DeeplBudget budget = new DeeplBudget(state, new BudgetLedger(folder), 0, 0, 1, new MutableClock(MARCH_14));
        budget.reserve(1_000).settle(990);
        budget.reserve(1_000).release();
        assertThat(budget.usedThisMonth()).isEqualTo(990);
        try (var files = Files.list(folder)) {
            assertThat(Files.readAllLines(files.findFirst().orElseThrow())).singleElement().asString().contains(" 990 billed ");
        }
    }
}
