package newsdesk.state;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code newsdesk_paused{condition="..."}} on /observe/metrics: 1 while that condition holds, else 0 (docs/monitoring.md). */
public final class PausedGauges {

    private PausedGauges() {
    }

    public static void register(MeterRegistry registry, String camelContext, ServiceState state) {
        for (Condition condition : Condition.values()) {
            Gauge.builder("newsdesk.paused", () -> state.holds(condition) ? 1 : 0)
                    .description("1 while Newsdesk takes no new articles for this reason (docs/reliability.md, Paused states)")
                    .tag("condition", condition.id()).tag("camelContext", camelContext).register(registry);
        }
    }
}
