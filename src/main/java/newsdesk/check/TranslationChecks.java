package newsdesk.check;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsdesk.article.Article;
import newsdesk.article.Translation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route step: runs the translation checks on a translated article, puts the flags of those that found
 * something on the article (and so into the result), counts each flag on /observe/metrics
 * ({@code newsdesk_translation_flags_total{flag=...}}) and logs one WARN line per flagged article.
 */
public class TranslationChecks {

    private static final Logger LOG = LoggerFactory.getLogger("newsdesk.checks");

    private final List<TranslationCheck> checks;
    private final Map<String, Counter> counters = new LinkedHashMap<>();

    /** camelContext: the tag Camel's own meters carry, as on Newsdesk's other counters. */
    public TranslationChecks(List<TranslationCheck> checks, MeterRegistry registry, String camelContext) {
        this.checks = List.copyOf(checks);
        for (TranslationCheck check : checks) {
            // Registered at start, so each flag shows on /observe/metrics at 0 before it is ever raised.
            counters.put(check.flag(), Counter.builder("newsdesk.translation.flags")
                    .description("Translated articles flagged by a translation check")
                    .tag("flag", check.flag()).tag("camelContext", camelContext).register(registry));
        }
    }

    public Article check(Article article) {
        Translation translation = article.translation();
        if (!Translation.DEEPL.equals(translation.engine())) {
            return article;
        }
        List<String> flags = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (TranslationCheck check : checks) {
            if (translation.mode() == Translation.Mode.SUMMARY && check.needsWholeText()) {
                continue;
            }
            Optional<String> problem = check.problem(article);
            if (problem.isPresent()) {
                flags.add(check.flag());
                problems.add(check.flag() + " (" + problem.get() + ")");
                counters.get(check.flag()).increment();
            }
        }
        if (flags.isEmpty()) {
            return article;
        }
        LOG.warn("Check the translation of {}: {}", article.source().file(), String.join(", ", problems));
        return article.withCheckFlags(flags);
    }
}
