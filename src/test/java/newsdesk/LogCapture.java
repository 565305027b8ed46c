package newsdesk;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects what the service logs in this JVM, for tests that check what an operator would read. */
public final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    /** Formatted messages at {@code level} from loggers whose name starts with {@code loggerPrefix}. */
    public List<String> messages(Level level, String loggerPrefix) {
        // AppenderBase appends while holding the appender's lock.
        synchronized (appender) {
            return appender.list.stream()
                    .filter(event -> event.getLevel() == level && event.getLoggerName().startsWith(loggerPrefix))
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
        }
    }

    /** Every formatted message at {@code level}, whichever logger wrote it. */
    public List<String> messages(Level level) {
        return messages(level, "");
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
