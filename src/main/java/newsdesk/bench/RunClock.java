package newsdesk.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import newsdesk.article.Article;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Times the exchanges of one route as Camel reports them: from the first file picked up to the
 * last one done, and for each article how long it took from being read to done (its own latency)
 * and how long it waited before that for a worker (which a queued backlog makes long).
 */
final class RunClock extends EventNotifierSupport {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    private final String routeId;
    private final CountDownLatch done;
    private final AtomicInteger pending;
    private final List<Long> latenciesMs = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> waitsMs = Collections.synchronizedList(new ArrayList<>());
    private volatile long firstPickedUpNanos;
    private volatile long lastDoneNanos;
    private volatile long cpuAtFirstPickUpNanos;
    private volatile long cpuAtLastDoneNanos;
    private volatile long jitAtFirstPickUpMs;
    private volatile long jitAtLastDoneMs;

    RunClock(String routeId, int exchanges) {
        this.routeId = routeId;
        this.done = new CountDownLatch(exchanges);
        this.pending = new AtomicInteger(exchanges);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeCreatedEvent || event instanceof CamelEvent.ExchangeCompletedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
        // Copies made on the way (one per delivery target) are correlated to the file's own exchange.
        Object correlation = exchange.getProperty(ExchangePropertyKey.CORRELATION_ID);
        boolean copy = correlation != null && !correlation.equals(exchange.getExchangeId());
        if (!routeId.equals(exchange.getFromRouteId()) || copy) {
            return;
        }
        long now = System.nanoTime();
        if (event instanceof CamelEvent.ExchangeCreatedEvent) {
            synchronized (this) {
                if (firstPickedUpNanos == 0) {
                    firstPickedUpNanos = now;
                    cpuAtFirstPickUpNanos = processCpuNanos();
                    jitAtFirstPickUpMs = JIT.getTotalCompilationTime();
                }
            }
        } else if (exchange.getException() == null) {
            // A failed exchange leaves its file for a later poll, which makes a new exchange.
            long sincePickUp = exchange.getClock().elapsed();
            // The route keeps the finished article in this property; the baseline has none.
            Article article = exchange.getProperty("article", Article.class);
            long sinceRead = article == null ? sincePickUp
                    : Math.min(sincePickUp, Duration.between(article.startedAt(), Instant.now()).toMillis());
            latenciesMs.add(sinceRead);
            waitsMs.add(sincePickUp - sinceRead);
            lastDoneNanos = now;
            // Read once, by the last one, before the waiting bench sees it done (the reading itself
            // costs as much as a small step of the route).
            if (pending.decrementAndGet() == 0) {
                cpuAtLastDoneNanos = processCpuNanos();
                jitAtLastDoneMs = JIT.getTotalCompilationTime();
            }
            done.countDown();
        }
    }

    boolean awaitDone(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    long remaining() {
        return done.getCount();
    }

    /** Seconds from the first pick-up to the last exchange done. */
    double seconds() {
        return (lastDoneNanos - firstPickedUpNanos) / 1e9;
    }

    /** CPU time this JVM used, on all its threads, from the first pick-up to the last exchange done. */
    long cpuNanos() {
        return cpuAtLastDoneNanos - cpuAtFirstPickUpNanos;
    }

    /**
     * Milliseconds the JIT compiler threads spent compiling between the first pick-up and the last
     * exchange done: on two cores they compete with the route, until the hot code is compiled.
     */
    long jitMs() {
        return jitAtLastDoneMs - jitAtFirstPickUpMs;
    }

    static long processCpuNanos() {
        return OS.getProcessCpuTime();
    }

    /** The latency from read to done below which {@code share} of the articles finished, in ms. */
    long latencyPercentileMs(double share) {
        return percentile(latenciesMs, share);
    }

    /** The wait from pick-up to read below which {@code share} of the articles started, in ms. */
    long waitPercentileMs(double share) {
        return percentile(waitsMs, share);
    }

    private static long percentile(List<Long> values, double share) {
        List<Long> sorted;
        synchronized (values) {
            sorted = values.stream().sorted().toList();
        }
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.max(0, (int) Math.ceil(share * sorted.size()) - 1));
    }
}
