package newsdesk.monitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.ExchangeProperty;

/**
 * Newsdesk's own counters on /observe/metrics (docs/monitoring.md). Registered once (per desk) and
 * incremented directly: a {@code micrometer:} endpoint evaluates its expressions and looks its meter
 * up again for every article. The article counters carry the tag {@code desk}.
 */
public class ArticleCounters {

    /** Name and description of each counter per desk. */
    private static final String[] DELIVERED = {"newsdesk.articles.delivered", "Results delivered"};
    private static final String[] REJECTED = {"newsdesk.articles.rejected", "Files moved to error/"};
    private static final String[] FAILURES = {"newsdesk.deepl.failures", "Articles whose DeepL calls still failed after the retries"};

    private final MeterRegistry registry;
    private final String camelContext;
    private final Counter billedCharacters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /** camelContext: the tag Camel's own meters carry, so all of them can be filtered alike. */
    public ArticleCounters(MeterRegistry registry, String camelContext) {
        this.registry = registry;
        this.camelContext = camelContext;
        billedCharacters = Counter.builder("newsdesk.deepl.billed.characters").description("Characters DeepL billed")
                .tag("camelContext", camelContext).register(registry);
    }

    /** A desk's counters, registered at 0 so they are on /observe/metrics before its first article. */
    public void register(String desk) {
        counter(DELIVERED, desk);
        counter(REJECTED, desk);
        counter(FAILURES, desk);
    }

    public void delivered(@ExchangeProperty("desk") String desk) {
        counter(DELIVERED, desk).increment();
    }

    /**
     * DeepL answered a request and billed these characters. Counted at once, not with the result: an
     * article that then waits (456) or fails to be delivered has been paid for all the same.
     */
    public void billed(long characters) {
        billedCharacters.increment(characters);
    }

    public void rejected(@ExchangeProperty("desk") String desk) {
        counter(REJECTED, desk).increment();
    }

    public void deeplFailed(@ExchangeProperty("desk") String desk) {
        counter(FAILURES, desk).increment();
    }

    private Counter counter(String[] meter, String desk) {
        return counters.computeIfAbsent(meter[0] + '\0' + desk, key -> Counter.builder(meter[0]).description(meter[1])
                .tag("camelContext", camelContext).tag("desk", desk).register(registry));
    }
}
