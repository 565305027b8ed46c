package newsdesk.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that knows why Newsdesk takes no new work. Each {@link Condition} is entered with its
 * reason and a probe, and left when the probe says it is over (or its owner says so). While any holds, the
 * routes that take in articles (opted in with {@code routePolicy: serviceState}) are suspended; articles
 * already taken in meet {@link #checkNotPaused} before DeepL and wait where they are.
 *
 * <p>The log says each change once: one ERROR when a condition starts (what, what Newsdesk does, what the
 * operator can do), one INFO when it ends (how long, how many articles waited), and a WARN reminder every
 * {@code newsdesk.log.reminder-ms} while it lasts. Readiness, /api/status, the status page and the metric
 * {@code newsdesk_paused} all read {@link #holds()}, so they never disagree.
 */
public class ServiceState extends RoutePolicySupport {

    private static final Logger LOG = LoggerFactory.getLogger("newsdesk.state");
    static final long MAX_HOLD_MS = 30_000;

    /** Asked with backoff whether a condition is over; an exception counts as "not yet". */
    @FunctionalInterface
    public interface Probe {
        boolean over() throws Exception;
    }

    /** A condition in force, as shown everywhere. */
    public record Hold(Condition condition, String reason, Instant since) {
    }

    private final CamelContext context;
    private final Clock clock;
    private final long firstProbeMs;
    private final long reminderMs;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final Map<Condition, Entry> entries = new EnumMap<>(Condition.class);
    /** Conditions whose probe passed lately: said to be over once they stay away for {@code settleMs}. */
    private final Map<Condition, Entry> ending = new EnumMap<>(Condition.class);
    private final long settleMs;
    private ScheduledExecutorService scheduler;

    public ServiceState(CamelContext context, Clock clock, long firstProbeMs, long reminderMs) {
        this.context = context;
        this.clock = clock;
        this.firstProbeMs = firstProbeMs;
        this.reminderMs = reminderMs;
        // Long enough for the articles let through to meet the fault again (the DeepL client retries for seconds).
        this.settleMs = 10 * firstProbeMs;
    }

    /**
     * Enters {@code condition} unless it already holds (then only its reason is brought up to date, silently).
     * {@code action} tells the operator what to do. {@code probe} is asked after {@code firstProbeMs}, then
     * at doubling intervals up to {@code maxProbeMs}; null leaves ending it to {@link #leave}.
     *
     * @return true if the condition began now
     */
    public synchronized boolean enter(Condition condition, String reason, String action, Probe probe, long maxProbeMs) {
        Entry held = entries.get(condition);
        if (held != null) {
            held.reason = reason;
            return false;
        }
        boolean wasRunning = entries.isEmpty();
        // Back soon after its probe passed (DeepL answers /v2/usage but still fails translations): the same
        // condition goes on, said once, probed at the intervals it had reached.
        Entry entry = ending.remove(condition);
        boolean began = entry == null;
        if (began) {
            entry = new Entry(reason, clock.instant(), probe, maxProbeMs);
            LOG.error("{} Newsdesk takes no new articles until this is over; waiting articles stay where they are "
                    + "(inbox or work queue) and nothing is lost. {} [{}]", reason, action, condition.id());
        } else {
            entry.cancel();
            entry.reason = reason;
            entry.probe = probe;
            LOG.debug("Back within {} ms of its probe passing: {}", settleMs, reason);
        }
        entries.put(condition, entry);
        if (wasRunning) {
            for (Route route : routes) {
                suspendConsumer(route);
            }
        }
        long first = Math.min(firstProbeMs, Math.max(maxProbeMs, 1));
        schedule(condition, entry, began ? first : Math.min(entry.lastDelayMs * 2, Math.max(maxProbeMs, first)));
        return began;
    }

    /**
     * Ends {@code condition} if it holds; work is taken again once no condition is left. It is said to be over
     * once it has stayed away for a while; until then it may come back without a new ERROR.
     */
    public synchronized void leave(Condition condition) {
        Entry entry = entries.remove(condition);
        if (entry == null) {
            return;
        }
        entry.cancel();
        if (entries.isEmpty()) {
            notifyAll();
            for (Route route : routes) {
                resumeConsumer(route);
            }
        }
        ending.put(condition, entry);
        entry.next = scheduler().schedule(() -> over(condition, entry), settleMs, TimeUnit.MILLISECONDS);
    }

    private synchronized void over(Condition condition, Entry entry) {
        if (ending.get(condition) != entry) {
            return;
        }
        ending.remove(condition);
        Duration lasted = Duration.between(entry.since, clock.instant().minusMillis(settleMs)).truncatedTo(ChronoUnit.SECONDS);
        if (entries.isEmpty()) {
            LOG.info("Over after {}: {} {} article(s) waited meanwhile; Newsdesk takes new articles again. [{}]",
                    describe(lasted), entry.reason, entry.waited, condition.id());
        } else {
            LOG.info("Over after {}: {} {} article(s) waited meanwhile; still paused: {} [{}]",
                    describe(lasted), entry.reason, entry.waited, problem(), condition.id());
        }
    }

    /** Whether {@code condition} holds now. */
    public synchronized boolean holds(Condition condition) {
        return entries.containsKey(condition);
    }

    /** The conditions in force, oldest first. */
    public synchronized List<Hold> holds() {
        List<Hold> holds = new ArrayList<>();
        entries.forEach((condition, entry) -> holds.add(new Hold(condition, entry.reason, entry.since)));
        holds.sort((a, b) -> a.since().compareTo(b.since()));
        return holds;
    }

    /** Why no work is taken, or null while work goes on. */
    public synchronized String problem() {
        return entries.isEmpty() ? null
                : holds().stream().map(Hold::reason).collect(Collectors.joining(" "));
    }

    /** Route step before DeepL: an article taken in just before a pause waits (its file stays in the inbox). */
    public synchronized void checkNotPaused() throws WorkPausedException {
        if (!entries.isEmpty()) {
            entries.values().forEach(entry -> entry.waited++);
            throw new WorkPausedException(problem());
        }
    }

    /** An article that met a condition on its way (its DeepL request failed): counted among those that waited. */
    public synchronized void articleWaits() {
        entries.values().forEach(entry -> entry.waited++);
    }

    /**
     * For a consumer that cannot be suspended without skipping the articles in hand (Kafka): waits while any
     * condition holds, at most {@link #MAX_HOLD_MS} at a time, well inside Kafka's poll interval.
     */
    public synchronized void awaitNotPaused() throws InterruptedException {
        long until = System.currentTimeMillis() + MAX_HOLD_MS;
        long left = MAX_HOLD_MS;
        while (!entries.isEmpty() && left > 0) {
            wait(left);
            left = until - System.currentTimeMillis();
        }
    }

    @Override
    public synchronized void onInit(Route route) {
        routes.add(route);
    }

    /** A desk started while work is paused starts paused. */
    @Override
    public synchronized void onStart(Route route) {
        if (!entries.isEmpty()) {
            suspendConsumer(route);
        }
    }

    /** A desk removed or replaced: its route must never be resumed again. */
    @Override
    public synchronized void onRemove(Route route) {
        routes.remove(route);
    }

    @Override
    protected synchronized void doStop() throws Exception {
        entries.values().forEach(Entry::cancel);
        ending.values().forEach(Entry::cancel);
        super.doStop();
    }

    private void schedule(Condition condition, Entry entry, long delayMs) {
        if (entry.probe == null && reminderMs <= 0) {
            return;
        }
        long delay = entry.probe == null ? reminderMs : delayMs;
        entry.lastDelayMs = delay;
        entry.next = scheduler().schedule(() -> probe(condition, entry, delay), delay, TimeUnit.MILLISECONDS);
    }

    private ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "service-state");
        }
        return scheduler;
    }

    private void probe(Condition condition, Entry entry, long lastDelayMs) {
        boolean over = false;
        if (entry.probe != null) {
            try {
                over = entry.probe.over();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.debug("Still {}: {}", condition.id(), e.getMessage(), e);
            }
        }
        synchronized (this) {
            if (entries.get(condition) != entry) {
                return;
            }
            if (over) {
                leave(condition);
                return;
            }
            Instant now = clock.instant();
            if (reminderMs > 0 && Duration.between(entry.lastSaid, now).toMillis() >= reminderMs) {
                entry.lastSaid = now;
                LOG.warn("Still paused since {} ({}): {} {} article(s) waited so far. [{}]", entry.since,
                        describe(Duration.between(entry.since, now).truncatedTo(ChronoUnit.SECONDS)), entry.reason,
                        entry.waited, condition.id());
            }
            schedule(condition, entry, Math.min(lastDelayMs * 2, Math.max(entry.maxProbeMs, firstProbeMs)));
        }
    }

    private void suspendConsumer(Route route) {
        try {
            suspendOrStopConsumer(route.getConsumer());
        } catch (Exception e) {
            LOG.error("Could not pause route {}: {}", route.getRouteId(), e.getMessage());
        }
    }

    private void resumeConsumer(Route route) {
        try {
            resumeOrStartConsumer(route.getConsumer());
        } catch (Exception e) {
            LOG.error("Could not resume route {}: {}", route.getRouteId(), e.getMessage());
        }
    }

    private static String describe(Duration duration) {
        return duration.toString().substring(2).toLowerCase();
    }

    private static final class Entry {
        volatile String reason;
        final Instant since;
        Probe probe;
        final long maxProbeMs;
        Instant lastSaid;
        long waited;
        long lastDelayMs;
        ScheduledFuture<?> next;

        Entry(String reason, Instant since, Probe probe, long maxProbeMs) {
            this.reason = reason;
            this.since = since.truncatedTo(ChronoUnit.SECONDS);
            this.probe = probe;
            this.maxProbeMs = maxProbeMs;
            this.lastSaid = since;
        }

        void cancel() {
            if (next != null) {
                next.cancel(false);
            }
        }
    }
}
