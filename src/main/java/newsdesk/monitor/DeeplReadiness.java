package newsdesk.monitor;

import java.util.Map;
import newsdesk.translate.DeeplPause;
import newsdesk.translate.DeeplStatus;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness on /observe/health/ready: DOWN, saying why, while no article can be translated, because
 * work is paused (quota, key, language setting) or DeepL does not answer. Liveness is not affected:
 * the process is fine and resumes on its own, so restarting it would not help.
 */
public class DeeplReadiness extends AbstractHealthCheck {

    private final DeeplPause pause;
    private final DeeplStatus status;

    public DeeplReadiness(DeeplPause pause, DeeplStatus status) {
        super("newsdesk", "deepl");
        this.pause = pause;
        this.status = status;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        String paused = pause.problem();
        String problem = paused != null ? paused : status.problem();
        if (problem == null) {
            builder.up();
        } else {
            builder.down().message(problem);
        }
    }
}
