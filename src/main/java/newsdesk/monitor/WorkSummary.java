package newsdesk.monitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
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
    /** Desks come with a later issue; until then every article is on this one. */
    private static final String DESK = "default";

    private final Supplier<MeterRegistry> registry;
    private final DeeplAnswerTimes answerTimes;
    private final RetryCount retries;
    private final Path inbox;
    private final long intervalMs;
    private double delivered;
    private double rejected;
    private double billed;

    /** {@code registry}: asked for at the first summary; Camel Main sets it up after the beans are bound. */
    public WorkSummary(Supplier<MeterRegistry> registry, DeeplAnswerTimes answerTimes, RetryCount retries, Path inbox,
                       long intervalMs) {
        this.registry = registry;
        this.answerTimes = answerTimes;
        this.retries = retries;
        this.inbox = inbox;
        this.intervalMs = intervalMs;
    }

    public synchronized void log() {
        double deliveredNow = total("newsdesk.articles.delivered");
        double rejectedNow = total("newsdesk.articles.rejected");
        double billedNow = total("newsdesk.deepl.billed.characters");
        long newlyDelivered = Math.round(deliveredNow - delivered);
        long newlyRejected = Math.round(rejectedNow - rejected);
        long newlyBilled = Math.round(billedNow - billed);
        delivered = deliveredNow;
        rejected = rejectedNow;
        billed = billedNow;
        long retried = retries.take();
        DeeplAnswerTimes.Figures answers = answerTimes.take();
        if (newlyDelivered == 0 && newlyRejected == 0 && retried == 0 && answers.answers() == 0) {
            return;
        }
        long backlog = InboxBacklog.count(inbox);
        LOG.info("Last {} s: desk {}: {} delivered, {} rejected, {} waiting. DeepL: {} characters billed, {} answers "
                        + "(p50 {} ms, p95 {} ms), {} retries. Inbox backlog: {} files.",
                intervalMs / 1000, DESK, newlyDelivered, newlyRejected, backlog, newlyBilled, answers.answers(),
                answers.p50Ms(), answers.p95Ms(), retried, backlog);
    }

    private double total(String counter) {
        return registry.get().find(counter).counters().stream().mapToDouble(Counter::count).sum();
    }
}
