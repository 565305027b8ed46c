package newsdesk.broker;

import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.support.service.ServiceSupport;

/**
 * An ActiveMQ Artemis broker inside this process, so JMS works without installing anything. Its
 * messages are persisted under {@code dir}, so a restart loses none; {@code listen} (a tcp:// URL,
 * may be empty) lets other processes, such as workers, connect to it.
 */
public class EmbeddedArtemis extends ServiceSupport {

    /** The in-VM address clients of this process use. */
    public static final String IN_VM_URL = "vm://0";

    private final Path dir;
    private final String listen;
    private EmbeddedActiveMQ broker;

    public EmbeddedArtemis(Path dir, String listen) {
        this.dir = dir;
        this.listen = listen == null ? "" : listen.strip();
    }

    @Override
    protected void doStart() throws Exception {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("newsdesk");
        config.setPersistenceEnabled(true);
        // NIO rather than libaio: works on every file system and needs no native library.
        config.setJournalType(JournalType.NIO);
        config.setJournalDirectory(dir.resolve("journal").toString());
        config.setBindingsDirectory(dir.resolve("bindings").toString());
        config.setLargeMessagesDirectory(dir.resolve("large-messages").toString());
        config.setPagingDirectory(dir.resolve("paging").toString());
        config.setSecurityEnabled(false);
        config.setJMXManagementEnabled(false);
        config.addAcceptorConfiguration("in-vm", IN_VM_URL);
        if (!listen.isEmpty()) {
            config.addAcceptorConfiguration("tcp", listen);
        }
        // A message that keeps failing is retried with growing pauses, never dropped: an article is
        // only done when a worker has delivered its result.
        config.addAddressSetting("#", new AddressSettings()
                .setMaxDeliveryAttempts(-1)
                .setRedeliveryDelay(1000)
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(60_000)
                .setDeadLetterAddress(SimpleString.of("DLQ"))
                .setExpiryAddress(SimpleString.of("ExpiryQueue")));
        broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
    }

    @Override
    protected void doStop() throws Exception {
        if (broker != null) {
            broker.stop();
            broker = null;
        }
    }
}
