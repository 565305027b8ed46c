package newsdesk.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Times the exchanges of one route as Camel reports them: from the first file picked up to the
 * last one done, and each exchange's latency from pick-up to done.
 */
final class RunClock extends EventNotifierSupport {

    private final String routeId;
    private final CountDownLatch done;
    private final List<Long> latenciesMs = Collections.synchronizedList(new ArrayList<>());
    private volatile long firstPickedUpNanos;
    private volatile long lastDoneNanos;
    private volatile long cpuAtFirstPickUpNanos;
    private volatile long cpuAtLastDoneNanos;

    RunClock(String routeId, int exchanges) {
        this.routeId = routeId;
        this.done = new CountDownLatch(exchanges);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeCreatedEvent || event instanceof CamelEvent.ExchangeCompletedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
        if (!routeId.equals(exchange.getFromRouteId())) {
            return;
        }
        long now = System.nanoTime();
        if (event instanceof CamelEvent.ExchangeCreatedEvent) {
            synchronized (this) {
                if (firstPickedUpNanos == 0) {
                    firstPickedUpNanos = now;
                    cpuAtFirstPickUpNanos = processCpuNanos();
                }
            }
        } else if (exchange.getException() == null) {
            // A failed exchange leaves its file for a later poll, which makes a new exchange.
            latenciesMs.add(exchange.getClock().elapsed());
            lastDoneNanos = now;
            cpuAtLastDoneNanos = processCpuNanos();
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

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The latency below which {@code share} of the exchanges finished, in ms. */
    long latencyPercentileMs(double share) {
        List<Long> sorted;
        synchronized (latenciesMs) {
            sorted = latenciesMs.stream().sorted().toList();
        }
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.max(0, (int) Math.ceil(share * sorted.size()) - 1));
    }
}
