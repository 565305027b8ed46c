package newsdesk.brokers;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** Reads what arrived on an Artemis queue, as a consumer of the results would. */
public final class JmsQueue {

    /** A text message as received: its body and the Newsdesk properties. */
    public record Received(String body, String id, String sourceFile) {
    }

    private JmsQueue() {
    }

    /** Receives until {@code count} messages arrived or {@code timeout} passed, and returns them all. */
    public static List<Received> receive(String brokerUrl, String queue, int count, Duration timeout) throws JMSException {
        List<Received> received = new ArrayList<>();
        Instant end = Instant.now().plus(timeout);
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
             JMSContext context = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             JMSConsumer consumer = context.createConsumer(context.createQueue(queue))) {
            while (received.size() < count && Instant.now().isBefore(end)) {
                Message message = consumer.receive(200);
                if (message != null) {
                    received.add(new Received(((TextMessage) message).getText(),
                            message.getStringProperty("NewsdeskId"), message.getStringProperty("NewsdeskSourceFile")));
                }
            }
        }
        return received;
    }
}
