package newsdesk.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Of the nodes sharing the data folder, only the elected leader polls the inbox: the poll strategy of
 * every desk route ({@code pollStrategy: "#inboxLeader"}). Every node's inbox consumer runs, but a poll
 * is skipped unless this node holds the election's lock, so a node that becomes leader polls at its
 * next poll. (camel-master's {@code master:} endpoint did the same by starting the consumer a fixed
 * second after the lock was taken, which held up every start.) Taking and losing the lead is logged
 * and shown as the gauge newsdesk_inbox_leader (1 on the leader), so an operator can tell which node works.
 */
public class InboxLeader extends DefaultPollingConsumerPollStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(InboxLeader.class);

    private final CamelClusterView election;
    private final String inbox;
    private boolean leading;

    public InboxLeader(CamelClusterView election, String inbox) {
        this.election = election;
        this.inbox = inbox;
        // The election tells of the lead taken; each poll checks too, as a lead lost is not always told.
        election.addEventListener((CamelClusterEventListener.Leadership) (view, leader) -> isLeader());
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return isLeader();
    }

    /** Whether this node leads now; logs the change when it differs from the last look. */
    public synchronized boolean isLeader() {
        boolean now = election.getLocalMember().isLeader();
        if (now != leading) {
            leading = now;
            if (now) {
                LOG.info("This node now leads the inbox: it polls {} (of the nodes sharing the data folder, only the leader does).", inbox);
            } else {
                LOG.info("This node no longer leads the inbox {}: another node sharing the data folder polls it.", inbox);
            }
        }
        return now;
    }

    /** For the ready line and the status page: nothing on the leader, else that this node is a standby. */
    public String standbyNote() {
        return isLeader() ? "" : "; standby: another node leads the inbox, and this one takes over if it stops";
    }

    /** newsdesk_inbox_leader on /observe/metrics: 1 while this node leads the inbox, else 0. */
    public void registerGauge(MeterRegistry registry, String camelContext) {
        Gauge.builder("newsdesk.inbox.leader", this, leader -> leader.isLeader() ? 1 : 0)
                .description("1 while this node leads the inbox (polls it), else 0")
                .tag("camelContext", camelContext)
                .register(registry);
    }
}
