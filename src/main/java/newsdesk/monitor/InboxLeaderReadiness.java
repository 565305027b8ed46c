package newsdesk.monitor;

import java.util.Map;
import newsdesk.ingest.InboxLeader;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness on /observe/health/ready: DOWN, saying why, while the inbox lock cannot be used, so no node
 * leads the inbox and nothing is polled. Liveness is not affected: a restart would find the same lock.
 */
public class InboxLeaderReadiness extends AbstractHealthCheck {

    private final InboxLeader leader;

    public InboxLeaderReadiness(InboxLeader leader) {
        super("newsdesk", "inbox-leader");
        this.leader = leader;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        String problem = leader.problem();
        if (problem == null) {
            builder.up();
        } else {
            builder.down().message(problem);
        }
    }
}
