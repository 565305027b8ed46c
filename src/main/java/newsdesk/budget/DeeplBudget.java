package newsdesk.budget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Newsdesk's own limit on what DeepL may bill: {@code newsdesk.deepl.budget.monthly-chars} per billing
 * month and {@code daily-chars} per UTC day (0: no limit), counted in the {@link BudgetLedger} that all
 * nodes on the data folder share. At 80 % of a limit one WARN; at 100 % the routes that take in work are
 * suspended the way a 456 from DeepL suspends them (routes opt in with {@code routePolicy}), with one
 * ERROR, and articles already taken in are held back by {@link #checkWithinBudget}; their files stay in
 * the inbox. The routes resume on their own when the next day or billing month begins.
 */
public class DeeplBudget extends RoutePolicySupport {

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

    private final CamelContext context;
    private final BudgetLedger ledger;
    private final long monthlyLimit;
    private final long dailyLimit;
    private final int billingDay;
    private final Clock clock;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private LocalDate warnedMonth;
    private LocalDate warnedDay;
    private String usedUp;
    private ScheduledExecutorService scheduler;

    public DeeplBudget(CamelContext context, BudgetLedger ledger, long monthlyLimit, long dailyLimit, int billingDay,
                       Clock clock) {
        this.context = context;
        this.ledger = ledger;
        this.monthlyLimit = monthlyLimit;
        this.dailyLimit = dailyLimit;
        this.billingDay = billingDay;
        this.clock = clock;
        BillingPeriod.of(clock.instant(), billingDay);
    }

    @Override
    public void onInit(Route route) {
        routes.add(route);
    }

    /** A desk removed or replaced: its route must never be resumed again. */
    @Override
    public void onRemove(Route route) {
        routes.remove(route);
    }

    /**
     * Before a DeepL request of {@code characters}: sets them aside in the ledger. Refused, and no new
     * articles taken, when the limits have no room for them, or no new articles are taken already;
     * without limits nothing is set aside.
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

    /** Route step before DeepL: an article taken in once the budget is used up waits in the inbox. */
    public void checkWithinBudget() throws DeeplBudgetUsedUpException {
        if (monthlyLimit == 0 && dailyLimit == 0) {
            return;
        }
        BillingPeriod period = period();
        judge(ledger.totals(period), period, 0);
        String reason = usedUpReason();
        if (reason != null) {
            throw new DeeplBudgetUsedUpException(reason);
        }
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
    public synchronized String usedUpReason() {
        return usedUp;
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
        Instant resumeAt;
        String needs = next == 0 ? "" : "; the next request needs " + next;
        if (exceeds(totals.month(), next, monthlyLimit)) {
            usedUp = "the DeepL budget of the billing month is used up (" + totals.month() + " of " + monthlyLimit
                    + " characters, newsdesk.deepl.budget.monthly-chars" + needs + ")";
            resumeAt = period.monthEndInstant();
        } else if (exceeds(totals.day(), next, dailyLimit)) {
            usedUp = "the DeepL budget of the day is used up (" + totals.day() + " of " + dailyLimit
                    + " characters, newsdesk.deepl.budget.daily-chars" + needs + ")";
            resumeAt = period.dayEndInstant();
        } else {
            return;
        }
        for (Route route : routes) {
            try {
                suspendOrStopConsumer(route.getConsumer());
            } catch (Exception e) {
                LOG.error("Could not suspend route {}: {}", route.getRouteId(), e.getMessage());
            }
        }
        scheduleResumeCheck(resumeAt);
        LOG.error("Newsdesk takes no new articles: {}. It takes them again from {} (UTC). Waiting articles stay in the inbox "
                + "(or on the work queue).", usedUp, resumeAt);
    }

    private void scheduleResumeCheck(Instant at) {
        if (context == null) {
            return;
        }
        if (scheduler == null) {
            scheduler = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "deepl-budget");
        }
        long delayMs = Math.max(0, Duration.between(clock.instant(), at).toMillis()) + 1000;
        scheduler.schedule(this::resumeIfAllowed, delayMs, TimeUnit.MILLISECONDS);
    }

    /** At the start of the next day or month: takes articles again unless the budget still says no. */
    synchronized void resumeIfAllowed() {
        String was = usedUp;
        usedUp = null;
        BillingPeriod period = period();
        judge(ledger.totals(period), period, 0);
        if (usedUp != null) {
            return;
        }
        for (Route route : routes) {
            try {
                resumeOrStartConsumer(route.getConsumer());
            } catch (Exception e) {
                LOG.error("Could not resume route {}: {}", route.getRouteId(), e.getMessage());
            }
        }
        if (was != null) {
            LOG.info("The DeepL budget allows new articles again ({} characters used this billing month); Newsdesk takes "
                    + "new articles again.", ledger.totals(period).month());
        }
    }

    /** Whether {@code used} (billed and set aside) reaches {@code limit}, or leaves no room for {@code next}. */
    private static boolean exceeds(long used, long next, long limit) {
        return limit > 0 && (next == 0 ? used >= limit : used + next > limit);
    }

    private static String percent(long used, long limit) {
        return String.format(Locale.ROOT, "%.0f %%", 100.0 * used / limit);
    }
}
