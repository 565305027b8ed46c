package newsdesk.monitor;

import java.util.Map;
import newsdesk.state.ServiceState;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness on /observe/health/ready: DOWN, saying why, while Newsdesk takes no work (the conditions of
 * {@link ServiceState}: DeepL refusing or silent, the budget, storage, the inbox lock). Liveness is not
 * affected: the process is fine and resumes on its own, so restarting it would not help.
 */
public class StateReadiness extends AbstractHealthCheck {

    private final ServiceState state;

    public StateReadiness(ServiceState state) {
        super("newsdesk", "state");
        this.state = state;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        var holds = state.holds();
        if (holds.isEmpty()) {
            builder.up();
        } else {
            builder.down().message(state.problem());
            holds.forEach(hold -> builder.detail(hold.condition().id(), hold.since().toString()));
        }
    }
}
