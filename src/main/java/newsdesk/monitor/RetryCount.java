package newsdesk.monitor;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Counts each time Camel tries an article again (onRedeliveryRef of the retry clauses in
 * routes/errors.camel.yaml), for the work summary.
 */
public class RetryCount implements Processor {

    private final AtomicLong retries = new AtomicLong();

    @Override
    public void process(Exchange exchange) {
        retries.incrementAndGet();
    }

    /** The retries since the last call. */
    public long take() {
        return retries.getAndSet(0);
    }
}
