package newsdesk.budget;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/** The DeepL budget and DeepL's own usage on /observe/metrics (docs/monitoring.md). */
public final class BudgetGauges {

    private BudgetGauges() {
    }

    public static void register(MeterRegistry registry, String camelContext, DeeplBudget budget, DeeplUsage usage) {
        gauge(registry, camelContext, "newsdesk.deepl.budget.used.month.characters",
                "Characters DeepL billed this billing month, all nodes on the data folder", budget::usedThisMonth);
        gauge(registry, camelContext, "newsdesk.deepl.budget.used.today.characters",
                "Characters DeepL billed this UTC day, all nodes on the data folder", budget::usedToday);
        gauge(registry, camelContext, "newsdesk.deepl.budget.remaining.month.characters",
                "Characters left of newsdesk.deepl.budget.monthly-chars (-1: no limit)", budget::remainingThisMonth);
        gauge(registry, camelContext, "newsdesk.deepl.budget.projected.month.characters",
                "This billing month's use if it goes on as so far", budget::projectedThisMonth);
        gauge(registry, camelContext, "newsdesk.deepl.account.used.characters",
                "Characters used this billing period by DeepL's /v2/usage (-1: not asked yet)", usage::used);
        gauge(registry, camelContext, "newsdesk.deepl.account.limit.characters",
                "The account's character limit by DeepL's /v2/usage (-1: not asked yet)", usage::limit);
    }

    private static void gauge(MeterRegistry registry, String camelContext, String name, String description,
                              Supplier<Number> value) {
        Gauge.builder(name, value).description(description).tag("camelContext", camelContext).register(registry);
    }
}
