package newsdesk.budget;

import com.deepl.api.DeepLException;
import com.deepl.api.Translator;
import com.deepl.api.Usage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route step (at start and every hour): what DeepL itself says of the account's use this billing period
 * (/v2/usage), logged and kept for /observe/metrics and the status of the budget.
 */
public class DeeplUsage {

    private static final Logger LOG = LoggerFactory.getLogger("newsdesk.deepl");
    /** The limit DeepL reports for an account without one (10^12 characters); anything at or above it is none. */
    public static final long NO_LIMIT = 1_000_000_000_000L;

    private final Supplier<? extends Translator> client;
    private volatile long used = -1;
    private volatile long limit = -1;

    /** {@code client} is asked for only when the check runs: nodes that never translate have none. */
    public DeeplUsage(Supplier<? extends Translator> client) {
        this.client = client;
    }

    public void check() throws InterruptedException {
        try {
            Usage.Detail characters = client.get().getUsage().getCharacter();
            if (characters == null) {
                LOG.info("DeepL reports no character limit for this account.");
                return;
            }
            used = characters.getCount();
            limit = characters.getLimit();
            LOG.info("DeepL account: {} (/v2/usage).", describe(used, limit));
        } catch (DeepLException e) {
            LOG.warn("DeepL's /v2/usage did not answer: {}", e.getMessage());
        }
    }

    /** "N of M characters used this billing period", without the limit for an account that has none. */
    public static String describe(long used, long limit) {
        return limit >= NO_LIMIT ? used + " characters used this billing period, no character limit"
                : used + " of " + limit + " characters used this billing period";
    }

    /** Characters DeepL counts as used this billing period, or -1 before it first answered. */
    public long used() {
        return used;
    }

    /** The account's character limit, or -1 before DeepL first answered. */
    public long limit() {
        return limit;
    }
}
