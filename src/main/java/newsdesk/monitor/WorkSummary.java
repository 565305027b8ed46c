package newsdesk.monitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route step (timer, every newsdesk.log.summary-ms): one INFO line on what was done since the last one,
 * when anything was: results delivered, files rejected and waiting per desk, characters DeepL billed,
 * its answer times, the articles tried again, the inbox backlog. The delivered, rejected and billed
 * figures are read from Newsdesk's counters on /observe/metrics, so they agree with them.
 */
public class WorkSummary {

    private static final Logger LOG = LoggerFactory.getLogger("newsdesk.summary");

    private final Supplier<MeterRegistry> registry;
    private final DeeplAnswerTimes answerTimes;
    private final RetryCount retries;
    private final Supplier<Map<String, Path>> inboxes;
    private final long intervalMs;
    /** The counters' totals at the last summary, per counter and desk. */
    private final Map<String, Double> last = new HashMap<>();
    private double billed;

    /**
     * {@code registry}: asked for at the first summary; Camel Main sets it up after the beans are bound.
     * {@code inboxes}: the running desks' inboxes, by desk.
     */
    public WorkSummary(Supplier<MeterRegistry> registry, DeeplAnswerTimes answerTimes, RetryCount retries,
                       Supplier<Map<String, Path>> inboxes, long intervalMs) {
        this.registry = registry;
        this.answerTimes = answerTimes;
        this.retries = retries;
        this.inboxes = inboxes;
        this.intervalMs = intervalMs;
    }

    public synchronized void log() {
        Map<String, Path> running = inboxes.get();
        Map<String, Long> delivered = since("newsdesk.articles.delivered");
        Map<String, Long> rejected = since("newsdesk.articles.rejected");
        double billedNow = total("newsdesk.deepl.billed.characters");
        long newlyBilled = Math.round(billedNow - billed);
        billed = billedNow;
        long retried = retries.take();
        DeeplAnswerTimes.Figures answers = answerTimes.take();
        boolean idle = delivered.values().stream().allMatch(n -> n == 0) && rejected.values().stream().allMatch(n -> n == 0);
        if (idle && retried == 0 && answers.answers() == 0) {
            return;
        }
        // The desks running here, and any other that did work since the last line (on a worker: all it did).
        Set<String> desks = new TreeSet<>(running.keySet());
        delivered.forEach((desk, n) -> addIfAny(desks, desk, n));
        rejected.forEach((desk, n) -> addIfAny(desks, desk, n));
        long backlog = 0;
        List<String> perDesk = new ArrayList<>();
        for (String desk : desks) {
            Path inbox = running.get(desk);
            long waiting = inbox == null ? 0 : InboxBacklog.count(inbox);
            backlog += waiting;
            perDesk.add("desk " + desk + ": " + delivered.getOrDefault(desk, 0L) + " delivered, "
                    + rejected.getOrDefault(desk, 0L) + " rejected, " + waiting + " waiting");
        }
        LOG.info("Last {} s: {}. DeepL: {} characters billed, {} answers (p50 {} ms, p95 {} ms), {} retries. "
                        + "Inbox backlog: {} files.",
                intervalMs / 1000, String.join("; ", perDesk), newlyBilled, answers.answers(), answers.p50Ms(),
                answers.p95Ms(), retried, backlog);
    }

    private static void addIfAny(Set<String> desks, String desk, long count) {
        if (count > 0) {
            desks.add(desk);
        }
    }

    /** Per desk, how much this counter grew since the last summary. */
    private Map<String, Long> since(String counter) {
        Map<String, Long> grown = new HashMap<>();
        for (Counter byDesk : registry.get().find(counter).counters()) {
            String desk = byDesk.getId().getTag("desk");
            double before = last.getOrDefault(counter + '\0' + desk, 0.0);
            last.put(counter + '\0' + desk, byDesk.count());
            grown.put(desk, Math.round(byDesk.count() - before));
        }
        return grown;
    }

    private double total(String counter) {
        return registry.get().find(counter).counters().stream().mapToDouble(Counter::count).sum();
    }
}
