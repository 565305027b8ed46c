package newsdesk.broker;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.util.Enumeration;
import java.util.function.Supplier;

/**
 * How many articles wait on the work queue {@code newsdesk.incoming} (Artemis), for an ingest node's status
 * page: the queue is browsed, which takes nothing off it. Counting stops at {@link #MOST}, so a deep queue
 * costs a page refresh no more than that.
 */
public class WorkQueueDepth {

    public static final int MOST = 10_000;
    private static final String QUEUE = "newsdesk.incoming";

    private final Supplier<ConnectionFactory> broker;

    /** {@code broker} is asked for only when the depth is: the factory is built when a route first uses JMS. */
    public WorkQueueDepth(Supplier<ConnectionFactory> broker) {
        this.broker = broker;
    }

    /** Articles waiting, at most {@link #MOST}; -1 when the broker cannot be asked. */
    public long count() {
        try (Connection connection = broker.get().createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(session.createQueue(QUEUE))) {
            connection.start();
            long waiting = 0;
            for (Enumeration<?> messages = browser.getEnumeration(); messages.hasMoreElements() && waiting < MOST; waiting++) {
                messages.nextElement();
            }
            return waiting;
        } catch (JMSException e) {
            return -1;
        }
    }
}
