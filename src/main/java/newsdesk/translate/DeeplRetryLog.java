package newsdesk.translate;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per failed DeepL attempt that will be tried again (onExceptionOccurredRef of retry-deepl): the
 * file, DeepL's reason and when the next try comes. Camel's own retry line names only the message id.
 * The last failure is not logged here: the route's onException logs it as the file staying in the inbox.
 */
public class DeeplRetryLog implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger("newsdesk.articles");

    private final int redeliveries;
    private final long firstDelayMs;
    private final long maxDelayMs;

    /** The retry-deepl redelivery policy's settings: newsdesk.deepl.redeliveries, redelivery-delay-ms, max-redelivery-delay-ms. */
    public DeeplRetryLog(int redeliveries, long firstDelayMs, long maxDelayMs) {
        this.redeliveries = redeliveries;
        this.firstDelayMs = firstDelayMs;
        this.maxDelayMs = maxDelayMs;
    }

    @Override
    public void process(Exchange exchange) {
        int failures = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        if (failures < 1 || failures > redeliveries) {
            return;
        }
        Exception exception = exchange.getException();
        LOG.warn("DeepL failed for {} ({}): try {} of {} in about {}.",
                exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class),
                exception == null ? "no reason given" : exception.getMessage(),
                failures + 1, redeliveries + 1, seconds(nextDelayMs(failures)));
    }

    /** As Camel's exponential back-off reckons it (doubling, capped), before its jitter of up to 15 %. */
    long nextDelayMs(int failures) {
        long delay = firstDelayMs;
        for (int i = 1; i < failures && delay < maxDelayMs; i++) {
            delay *= 2;
        }
        return Math.min(delay, maxDelayMs);
    }

    private static String seconds(long ms) {
        return ms < 1000 ? ms + " ms" : Math.round(ms / 1000.0) + " s";
    }
}
