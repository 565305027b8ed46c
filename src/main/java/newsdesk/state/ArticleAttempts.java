package newsdesk.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.FileComponent;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.model.Model;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An article's own failures (handler {@code give-up-after-attempts} in routes/errors.camel.yaml): whatever fails one
 * article and is neither a {@link Condition} nor a fault of the file that is said at once, i.e. none of the
 * exceptions the other handlers of {@code newsdesk-errors} take. Such an article is tried again at most
 * {@code newsdesk.article.max-attempts} times in all, then goes to its desk's error folder, so nothing is tried at
 * every poll for ever.
 *
 * <p>Failures are counted per inbox file (its path, size and last change: a file written anew starts afresh) or,
 * on a worker, per message (desk, article id and file name), in memory, for at most {@link #REMEMBERED} articles.
 */
public class ArticleAttempts {

    /** The exchange property holding this failure's number (1 for the first), for the log line. */
    public static final String ATTEMPT = "articleAttempt";
    /** Failures are remembered for this many articles at most; the least recently failed are forgotten first. */
    static final int REMEMBERED = 10_000;
    private static final String ERRORS = "newsdesk-errors";
    private static final String OWN_HANDLER = "give-up-after-attempts";
    private static final Logger LOG = LoggerFactory.getLogger("newsdesk.articles");

    private final CamelContext context;
    private final int maxAttempts;
    private final Map<String, Integer> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED;
        }
    };
    private volatile List<Class<?>> takenElsewhere;

    public ArticleAttempts(CamelContext context, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("newsdesk.article.max-attempts must be at least 1: " + maxAttempts);
        }
        this.context = context;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Whether the failure is the article's own: no exception in its chain is one another handler takes. Camel
     * matches handlers from the innermost cause outwards, so without this a catch-all would take, say, the
     * broker's exception inside a {@code JMSException}.
     */
    public boolean articlesOwn(Throwable failure) {
        List<Class<?>> others = takenElsewhere();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            for (Class<?> type : others) {
                if (type.isInstance(t)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Counts this failure of the exchange's article (its number in the property {@link #ATTEMPT}); true once it
     * has failed {@code newsdesk.article.max-attempts} times, when it goes to error/ and is forgotten.
     */
    public boolean lastAttempt(Exchange exchange) {
        Throwable failure = failure(exchange);
        String key = key(exchange);
        int attempt;
        synchronized (failures) {
            attempt = failures.merge(key, 1, Integer::sum);
            if (attempt >= maxAttempts) {
                failures.remove(key);
            }
        }
        exchange.setProperty(ATTEMPT, attempt);
        LOG.debug("{} failed (attempt {} of {})", exchange.getProperty("articleFile"), attempt, maxAttempts, failure);
        return attempt >= maxAttempts;
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
                + describe(exchange), failure(exchange));
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    private static Throwable failure(Exchange exchange) {
        Throwable failure = exchange.getException();
        return failure != null ? failure : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }

    private static String key(Exchange exchange) {
        GenericFile<?> file = exchange.getProperty(FileComponent.FILE_EXCHANGE_FILE, GenericFile.class);
        if (file != null) {
            return file.getAbsoluteFilePath() + '\0' + file.getFileLength() + '\0' + file.getLastModified();
        }
        return exchange.getProperty("desk") + "\0" + exchange.getMessage().getHeader("NewsdeskId") + '\0'
                + exchange.getProperty("articleFile");
    }

    /** The exceptions the other handlers of newsdesk-errors name, read from the routes once they are loaded. */
    private List<Class<?>> takenElsewhere() {
        if (takenElsewhere == null) {
            Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
            RouteConfigurationDefinition errors = model.getRouteConfigurationDefinitions().stream()
                    .filter(configuration -> ERRORS.equals(configuration.getId())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("routes/errors.camel.yaml defines no " + ERRORS));
            List<Class<?>> types = new ArrayList<>();
            for (OnExceptionDefinition handler : errors.getOnExceptions()) {
                if (!OWN_HANDLER.equals(handler.getId())) {
                    for (String type : handler.getExceptions()) {
                        // Camel has resolved them already: it refuses to start with a handler of an unknown type.
                        types.add(context.getClassResolver().resolveClass(type));
                    }
                }
            }
            takenElsewhere = List.copyOf(types);
        }
        return takenElsewhere;
    }
}
