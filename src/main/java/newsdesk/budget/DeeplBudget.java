package newsdesk.budget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import newsdesk.state.Condition;
import newsdesk.state.ServiceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Newsdesk's own limit on what DeepL may bill: {@code newsdesk.deepl.budget.monthly-chars} per billing
 * month and {@code daily-chars} per UTC day (0: no limit), counted in the {@link BudgetLedger} that all
 * nodes on the data folder share. Each DeepL request's characters are set aside there before it is sent
 * ({@link #reserve}) and settled with what DeepL billed, so the nodes together never exceed a limit.
 * At 80 % one WARN; at 100 %, or when the rest does not cover the next request, the {@link ServiceState}
 * condition budget-used-up: no new articles (their files stay in the inbox, or on the work queue) until
 * the next day or billing month begins.
 */
public class DeeplBudget {

    private record UsedUp(String reason, Instant until) {
    }

    /** Characters set aside for one DeepL request: settled with what DeepL billed, or released when it failed. */
    public final class Reserved {

        /** The ledger's reservation; null without a limit, when only what DeepL billed is recorded. */
        private final String id;
        private boolean done;

        private Reserved(String id) {
            this.id = id;
        }

        /** DeepL answered and billed {@code billedCharacters}, whatever becomes of the article. */
        public void settle(long billedCharacters) {
            if (done) {
                return;
            }
            done = true;
            BillingPeriod period = period();
            if (id != null) {
                judge(ledger.settle(id, billedCharacters, clock.instant(), period), period, 0);
            } else if (billedCharacters > 0) {
                judge(ledger.record(billedCharacters, clock.instant(), period), period, 0);
            }
        }

        /** The request failed or was never sent: its characters are free again (a no-op once settled). */
        public void release() {
            settle(0);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger("newsdesk.deepl");
    private static final double WARN_SHARE = 0.8;
    /** The projection waits for an hour of the month, so the first answers do not project a huge month. */
    private static final Duration MIN_ELAPSED = Duration.ofHours(1);
    /** How often, at most, the used-up budget checks whether its day or month has ended. */
    private static final long PROBE_MS = 60_000;

    private final ServiceState state;
    private final BudgetLedger ledger;
    private final long monthlyLimit;
    private final long dailyLimit;
    private final int billingDay;
    private final Clock clock;
    private LocalDate warnedMonth;
    private LocalDate warnedDay;
    private UsedUp usedUp;

    public DeeplBudget(ServiceState state, BudgetLedger ledger, long monthlyLimit, long dailyLimit, int billingDay,
                       Clock clock) {
        this.state = state;
        this.ledger = ledger;
        this.monthlyLimit = monthlyLimit;
        this.dailyLimit = dailyLimit;
        this.billingDay = billingDay;
        this.clock = clock;
        BillingPeriod.of(clock.instant(), billingDay);
    }

    /**
     * Before a DeepL request of {@code characters}: sets them aside in the ledger. Refused, and no new
     * articles taken, when the limits have no room for them, or the budget is used up already; without
     * limits nothing is set aside.
     */
    public Reserved reserve(long characters) throws DeeplBudgetUsedUpException {
        if (monthlyLimit == 0 && dailyLimit == 0) {
            return new Reserved(null);
        }
        String reason = usedUpReason();
        if (reason != null) {
            throw new DeeplBudgetUsedUpException(reason);
        }
        BillingPeriod period = period();
        BudgetLedger.Reservation reservation = ledger.reserve(characters, clock.instant(), period, monthlyLimit, dailyLimit);
        if (reservation.id() == null) {
            judge(reservation.totals(), period, characters);
            throw new DeeplBudgetUsedUpException(usedUpReason());
        }
        judge(reservation.totals(), period, 0);
        return new Reserved(reservation.id());
    }

    /** newsdesk.deepl.budget.monthly-chars: 0 for none. */
    public long monthlyLimit() {
        return monthlyLimit;
    }

    /** newsdesk.deepl.budget.daily-chars: 0 for none. */
    public long dailyLimit() {
        return dailyLimit;
    }

    /** Characters used this billing month, by all nodes. */
    public long usedThisMonth() {
        return ledger.totals(period()).month();
    }

    public long usedToday() {
        return ledger.totals(period()).day();
    }

    /** What is left of the monthly limit, or -1 when there is none. */
    public long remainingThisMonth() {
        return monthlyLimit == 0 ? -1 : Math.max(0, monthlyLimit - usedThisMonth());
    }

    /** The month's use if it goes on as it went so far. */
    public long projectedThisMonth() {
        BillingPeriod period = period();
        long used = ledger.totals(period).month();
        Duration elapsed = Duration.between(period.monthStartInstant(), clock.instant());
        if (elapsed.compareTo(MIN_ELAPSED) < 0) {
            elapsed = MIN_ELAPSED;
        }
        double whole = Duration.between(period.monthStartInstant(), period.monthEndInstant()).toSeconds();
        return Math.round(used * whole / elapsed.toSeconds());
    }

    /** Why no new articles are taken now, or null when the budget allows them. */
    private synchronized String usedUpReason() {
        return usedUp == null ? null : usedUp.reason();
    }

    private BillingPeriod period() {
        return BillingPeriod.of(clock.instant(), billingDay);
    }

    /** Warns at 80 %; stops taking articles when a limit is reached, or has no room for {@code next} more characters. */
    private synchronized void judge(BudgetLedger.Totals totals, BillingPeriod period, long next) {
        if (monthlyLimit > 0 && totals.month() >= WARN_SHARE * monthlyLimit && !period.monthStart().equals(warnedMonth)) {
            warnedMonth = period.monthStart();
            LOG.warn("The DeepL budget of the billing month from {} is {} used: {} of {} characters "
                    + "(newsdesk.deepl.budget.monthly-chars).", period.monthStart(), percent(totals.month(), monthlyLimit),
                    totals.month(), monthlyLimit);
        }
        if (dailyLimit > 0 && totals.day() >= WARN_SHARE * dailyLimit && !period.day().equals(warnedDay)) {
            warnedDay = period.day();
            LOG.warn("The DeepL budget of {} (UTC) is {} used: {} of {} characters (newsdesk.deepl.budget.daily-chars).",
                    period.day(), percent(totals.day(), dailyLimit), totals.day(), dailyLimit);
        }
        if (usedUp != null) {
            return;
        }
        usedUp = usedUp(totals, period, next);
        if (usedUp != null) {
            state.enter(Condition.BUDGET_USED_UP, usedUp.reason() + ".", "It takes them again from " + usedUp.until()
                    + " (UTC), or after a restart with a higher limit.", this::periodOver, PROBE_MS);
        }
    }

    /** The budget used up, and until when; null while it allows {@code next} more characters. */
    private UsedUp usedUp(BudgetLedger.Totals totals, BillingPeriod period, long next) {
        String needs = next == 0 ? "" : "; the next request needs " + next;
        if (exceeds(totals.month(), next, monthlyLimit)) {
            return new UsedUp("The DeepL budget of the billing month is used up (" + totals.month() + " of " + monthlyLimit
                    + " characters, newsdesk.deepl.budget.monthly-chars" + needs + ")", period.monthEndInstant());
        }
        if (exceeds(totals.day(), next, dailyLimit)) {
            return new UsedUp("The DeepL budget of the day is used up (" + totals.day() + " of " + dailyLimit
                    + " characters, newsdesk.deepl.budget.daily-chars" + needs + ")", period.dayEndInstant());
        }
        return null;
    }

    /** The probe of the condition: over once its day or billing month has ended and the new one allows articles. */
    synchronized boolean periodOver() {
        if (usedUp == null) {
            return true;
        }
        if (clock.instant().isBefore(usedUp.until())) {
            return false;
        }
        BillingPeriod period = period();
        usedUp = usedUp(ledger.totals(period), period, 0);
        return usedUp == null;
    }

    /** Whether {@code used} (billed and set aside) reaches {@code limit}, or leaves no room for {@code next}. */
    private static boolean exceeds(long used, long next, long limit) {
        return limit > 0 && (next == 0 ? used >= limit : used + next > limit);
    }

    private static String percent(long used, long limit) {
        return String.format(Locale.ROOT, "%.0f %%", 100.0 * used / limit);
    }
}
