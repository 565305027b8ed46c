package newsdesk.monitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import newsdesk.article.Article;
import org.apache.camel.ExchangeProperty;

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

    /** A result was delivered: one more article, and the characters DeepL billed for it. */
    public void delivered(@ExchangeProperty("article") Article article) {
        delivered.increment();
        billedCharacters.increment(article.translation().billedCharacters());
    }

    public void rejected() {
        rejected.increment();
    }

    public void deeplFailed() {
        deeplFailures.increment();
    }
}
