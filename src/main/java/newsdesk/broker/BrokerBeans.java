package newsdesk.broker;

import java.nio.file.Path;
import newsdesk.NewsdeskBeans;
import newsdesk.StartStep;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.springframework.jms.connection.CachingConnectionFactory;

/** The beans for the work queue between ingest and worker nodes: Artemis (JMS) and Kafka. */
@Configuration
public class BrokerBeans implements CamelConfiguration {

    /** A Kafka worker's articles in flight and the offsets it may commit (routes/scale-out.camel.yaml). */
    @BindToRegistry
    public KafkaOffsetTracker kafkaOffsets(CamelContext context, @PropertyInject("newsdesk.concurrency") int concurrency)
            throws Exception {
        KafkaOffsetTracker tracker = new KafkaOffsetTracker(concurrency);
        // Once the routes are built, before their consumers start.
        StartStep.atStart(context, started -> tracker.listenTo(started.getRoute("take-articles-from-kafka")));
        return tracker;
    }

    /**
     * The Artemis broker JMS routes talk to, built when a route first uses JMS. A {@code vm://} URL
     * starts a broker inside this process, with its messages kept in {@code <data-dir>/broker}.
     */
    @BindToRegistry(lazy = true)
    public ActiveMQConnectionFactory jmsConnectionFactory(CamelContext context,
                                                          @PropertyInject("newsdesk.jms.broker-url") String brokerUrl,
                                                          @PropertyInject("newsdesk.jms.listen") String listen,
                                                          @PropertyInject("newsdesk.data-dir") String dataDir) throws Exception {
        if (brokerUrl.startsWith("vm:")) {
            context.addService(new EmbeddedArtemis(Path.of(dataDir, "broker"), listen), true, true);
        }
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
        // No prefetching: a worker takes the next article only when it is free, so work spreads over all
        // workers and a worker that dies holds nothing but the article it was working on.
        factory.setConsumerWindowSize(0);
        return factory;
    }

    /**
     * The same broker for sending (the work queue, the {@code jms} target): Camel sends with Spring's
     * JmsTemplate, which opens a new connection, session and producer for every message, and Artemis
     * opens connections one at a time (a lock on the factory); so the ingest node's article threads
     * queued about 45 articles a second, one after another, while two workers could take 80. This keeps
     * one connection and a session and producer per article thread. A send still returns only once the
     * broker has stored the message. Consumers keep the plain factory: their listener container holds
     * its own connection and sessions, and stops and starts them with the route (the DeepL pause).
     */
    @BindToRegistry(lazy = true)
    public CachingConnectionFactory jmsSendingConnectionFactory(
            @BeanInject("jmsConnectionFactory") ActiveMQConnectionFactory broker,
            @PropertyInject(NewsdeskBeans.ARTICLE_THREADS) int articleThreads) {
        CachingConnectionFactory sending = new CachingConnectionFactory(broker);
        sending.setSessionCacheSize(articleThreads);
        return sending;
    }
}
