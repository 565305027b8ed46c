package newsdesk.ingest;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;

/**
 * Of the nodes sharing the data folder, only the elected leader polls the inbox: the poll strategy of
 * pick-up-articles ({@code pollStrategy: "#inboxLeader"}). Every node's inbox consumer runs, but a poll
 * is skipped unless this node holds the election's lock, so a node that becomes leader polls at its
 * next poll. (camel-master's {@code master:} endpoint did the same by starting the consumer a fixed
 * second after the lock was taken, which held up every start.)
 */
public class InboxLeader extends DefaultPollingConsumerPollStrategy {

    private final CamelClusterView election;

    public InboxLeader(CamelClusterView election) {
        this.election = election;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return election.getLocalMember().isLeader();
    }
}
