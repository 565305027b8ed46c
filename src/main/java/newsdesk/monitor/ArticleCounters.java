package newsdesk.monitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Newsdesk's own counters on /observe/metrics (README "Monitoring"). Registered once and incremented
 * directly: a {@code micrometer:} endpoint evaluates its expressions and looks its meter up again for
 * every article.
 */
public class ArticleCounters {

    private final Counter delivered;
    private final Counter billedCharacters;
    private final Counter rejected;
    private final Counter deeplFailures;

    /** camelContext: the tag Camel's own meters carry, so all of them can be filtered alike. */
    public ArticleCounters(MeterRegistry registry, String camelContext) {
        delivered = counter(registry, camelContext, "newsdesk.articles.delivered", "Results delivered");
        billedCharacters = counter(registry, camelContext, "newsdesk.deepl.billed.characters", "Characters DeepL billed");
        rejected = counter(registry, camelContext, "newsdesk.articles.rejected", "Files moved to error/");
        deeplFailures = counter(registry, camelContext, "newsdesk.deepl.failures",
                "Articles whose DeepL calls still failed after the retries");
    }

    private static Counter counter(MeterRegistry registry, String camelContext, String name, String description) {
        return Counter.builder(name).description(description).tag("camelContext", camelContext).register(registry);
    }

    public void delivered() {
        delivered.increment();
    }

    /**
     * DeepL answered a request and billed these characters. Counted at once, not with the result: an
     * article that then waits (456) or fails to be delivered has been paid for all the same.
     */
    public void billed(long characters) {
        billedCharacters.increment(characters);
    }

    public void rejected() {
        rejected.increment();
    }

    public void deeplFailed() {
        deeplFailures.increment();
    }
}
