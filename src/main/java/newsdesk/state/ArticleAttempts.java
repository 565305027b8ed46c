package newsdesk.state;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.component.file.FileComponent;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.model.Model;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.reifier.language.ExpressionReifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An article's own failures (handler {@code give-up-after-attempts} in routes/errors.camel.yaml): whatever fails one
 * article and is neither a {@link Condition} nor a fault of the file that is said at once, i.e. none of the
 * exceptions the other handlers of {@code newsdesk-errors} take. Such an article is tried again at most
 * {@code newsdesk.article.max-attempts} times in all, then goes to its desk's error folder, so nothing is tried at
 * every poll for ever. An inbox file is tried again only after {@code newsdesk.article.retry-delay-ms}, twice as long
 * after each failure ({@link #waitsForRetry}), so a passing local fault does not use up its attempts within a second.
 *
 * <p>Failures are counted per inbox file (its path, size and last change: a file written anew starts afresh) or,
 * on a worker, per message (desk, article id and file name), in memory, for at most {@link #REMEMBERED} articles.
 */
public class ArticleAttempts {

    /** The exchange property holding this failure's number (1 for the first), for the log line. */
    public static final String ATTEMPT = "articleAttempt";
    /** The exchange property saying where the article waits and when it is tried again, for the log line. */
    public static final String RETRY = "articleRetry";
    /** The wait before an inbox file's next attempt doubles up to this. */
    static final long MAX_RETRY_DELAY_MS = 600_000;
    /** Failures are remembered for this many articles at most; those least recently failed or looked at are forgotten first. */
    static final int REMEMBERED = 10_000;
    private static final String ERRORS = "newsdesk-errors";
    private static final String OWN_HANDLER = "give-up-after-attempts";
    private static final Logger LOG = LoggerFactory.getLogger("newsdesk.articles");

    private final CamelContext context;
    private final int maxAttempts;
    private final long retryDelayMs;
    private final Clock clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > REMEMBERED;
        }
    };
    private volatile List<Handler> otherHandlers;

    public ArticleAttempts(CamelContext context, int maxAttempts, long retryDelayMs, Clock clock) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("newsdesk.article.max-attempts must be at least 1: " + maxAttempts);
        }
        this.context = context;
        this.maxAttempts = maxAttempts;
        this.retryDelayMs = retryDelayMs;
        this.clock = clock;
    }

    /**
     * Whether the exchange's failure is the article's own: no other handler takes an exception in its chain (a
     * handler with an {@code onWhen}, such as the storage one, only when its condition holds for this exchange).
     * Camel matches handlers from the innermost cause outwards, so without this a catch-all would take, say, the
     * broker's exception inside a {@code JMSException}.
     */
    public boolean articlesOwn(Exchange exchange) {
        Throwable failure = failure(exchange);
        for (Handler handler : otherHandlers()) {
            if (handler.takes(failure) && (handler.when() == null || handler.when().matches(caught(exchange, failure)))) {
                return false;
            }
        }
        return true;
    }

    /** A copy holding the failure as caught, as Camel has it while it asks an onWhen (a bean is not called on a failed exchange). */
    private static Exchange caught(Exchange exchange, Throwable failure) {
        Exchange copy = exchange.copy();
        copy.setException(null);
        copy.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        return copy;
    }

    /**
     * Counts this failure of the exchange's article (its number in the property {@link #ATTEMPT}, what happens next in
     * {@link #RETRY}); true once it has failed {@code newsdesk.article.max-attempts} times, when it goes to error/ and
     * is forgotten.
     */
    public boolean lastAttempt(Exchange exchange) {
        Throwable failure = failure(exchange);
        GenericFile<?> file = exchange.getProperty(FileComponent.FILE_EXCHANGE_FILE, GenericFile.class);
        String key = file != null ? key(file) : exchange.getProperty("desk") + "\0" + exchange.getMessage().getHeader("NewsdeskId") + '\0'
                + exchange.getProperty("articleFile");
        int attempt;
        synchronized (failures) {
            Failures before = failures.remove(key);
            attempt = before == null ? 1 : before.count() + 1;
            if (attempt < maxAttempts) {
                failures.put(key, new Failures(attempt, clock.millis()));
            }
        }
        exchange.setProperty(ATTEMPT, attempt);
        // A worker hands the message back to the broker, which offers it again at once.
        exchange.setProperty(RETRY, file == null ? "It goes back on the work queue and is tried again."
                : "It stays in the inbox and is tried again in " + seconds(waitAfter(attempt)) + ".");
        LOG.debug("{} failed (attempt {} of {})", exchange.getProperty("articleFile"), attempt, maxAttempts, failure);
        return attempt >= maxAttempts;
    }

    /** Whether this inbox file failed a moment ago and waits for its next attempt ({@code InboxArrivals} leaves it alone till then). */
    public boolean waitsForRetry(GenericFile<?> file) {
        Failures failed;
        synchronized (failures) {
            failed = failures.get(key(file));
        }
        return failed != null && clock.millis() < failed.lastAt() + waitAfter(failed.count());
    }

    /** newsdesk.article.retry-delay-ms after the first failure, twice as long after each further one, up to ten minutes. */
    private long waitAfter(int failures) {
        return Math.min(retryDelayMs << Math.min(failures - 1, 20), MAX_RETRY_DELAY_MS);
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /** What went wrong, in a few words: the innermost cause (the one that says most) and its message. */
    public String describe(Exchange exchange) {
        Throwable innermost = failure(exchange);
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (innermost.getCause() != null && seen.add(innermost)) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage();
        return innermost.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message.strip());
    }

    /** The reason the error report and the status page give for an article that failed every attempt. */
    public ArticleFailedException gaveUp(Exchange exchange) {
        return new ArticleFailedException("It failed " + maxAttempts + " times (newsdesk.article.max-attempts), the last time with "
                + describe(exchange).replaceAll("[.\\s]*$", "."), failure(exchange));
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    private static Throwable failure(Exchange exchange) {
        Throwable failure = exchange.getException();
        return failure != null ? failure : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }

    /** An inbox file is its path, size and last change: the same name written anew is another article. */
    private static String key(GenericFile<?> file) {
        return file.getAbsoluteFilePath() + '\0' + file.getFileLength() + '\0' + file.getLastModified();
    }

    /** The other handlers of newsdesk-errors: the exceptions each names and its onWhen, read once the routes are loaded. */
    private List<Handler> otherHandlers() {
        if (otherHandlers == null) {
            Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
            RouteConfigurationDefinition errors = model.getRouteConfigurationDefinitions().stream()
                    .filter(configuration -> ERRORS.equals(configuration.getId())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("routes/errors.camel.yaml defines no " + ERRORS));
            List<Handler> handlers = new ArrayList<>();
            for (OnExceptionDefinition handler : errors.getOnExceptions()) {
                if (!OWN_HANDLER.equals(handler.getId())) {
                    // Camel has resolved them already: it refuses to start with a handler of an unknown type.
                    List<Class<?>> types = new ArrayList<>();
                    for (String type : handler.getExceptions()) {
                        types.add(context.getClassResolver().resolveClass(type));
                    }
                    Predicate when = handler.getOnWhen() == null ? null
                            : ExpressionReifier.reifier(context, handler.getOnWhen().getExpression()).createPredicate();
                    if (when != null) {
                        when.init(context);
                    }
                    handlers.add(new Handler(List.copyOf(types), when));
                }
            }
            otherHandlers = List.copyOf(handlers);
        }
        return otherHandlers;
    }

    /** How often an article has failed, and when last. */
    private record Failures(int count, long lastAt) {
    }

    private record Handler(List<Class<?>> types, Predicate when) {

        boolean takes(Throwable failure) {
            Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
                for (Class<?> type : types) {
                    if (type.isInstance(t)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
