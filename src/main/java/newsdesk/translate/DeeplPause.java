package newsdesk.translate;

import com.deepl.api.AuthorizationException;
import com.deepl.api.DeepLException;
import com.deepl.api.Translator;
import com.deepl.api.Usage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import newsdesk.budget.DeeplUsage;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops taking new articles while DeepL refuses all work, because the quota is used up (456), the
 * key is refused (403) or a language setting is refused (400 about target_lang or source_lang), and
 * starts again on its own once DeepL accepts work.
 *
 * <p>Routes that take in articles opt in with {@code routePolicy: deeplPause}; the error handling
 * calls {@link #pause} when DeepL answers 456, 403 or refuses a setting. The first call suspends those routes'
 * consumers and logs one ERROR with the account's usage from /v2/usage; calls while paused add
 * nothing. Articles already taken in meet {@link #checkNotPaused} before DeepL and wait too; a
 * consumer that cannot be suspended safely waits in {@link #awaitNotPaused} instead. Every {@code
 * checkIntervalMs} /v2/usage is asked again; once it answers and shows characters left, the
 * consumers resume. After a refused setting, /v2/languages is asked instead, until it lists the
 * configured languages (the setting itself only changes with a restart).
 */
public class DeeplPause extends RoutePolicySupport {

    private static final Logger LOG = LoggerFactory.getLogger("newsdesk.deepl");
    static final long MAX_HOLD_MS = 30_000;

    private final CamelContext context;
    private final Supplier<? extends Translator> client;
    private final LanguageSettings languages;
    private final long checkIntervalMs;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService checker;
    private ScheduledFuture<?> check;
    private volatile Exception reason;
    private volatile String problem;

    /** {@code client} is asked for only when needed: nodes that never translate have none. */
    public DeeplPause(CamelContext context, Supplier<? extends Translator> client, LanguageSettings languages,
                      long checkIntervalMs) {
        this.context = context;
        this.client = client;
        this.languages = languages;
        this.checkIntervalMs = checkIntervalMs;
    }

    /** Why work is paused, or null when it is not. */
    public String problem() {
        return problem;
    }

    @Override
    public synchronized void onInit(Route route) {
        routes.add(route);
    }

    /** A desk removed or replaced: its route must never be resumed again. */
    @Override
    public synchronized void onRemove(Route route) {
        routes.remove(route);
    }

    /**
     * For a consumer that cannot be paused without skipping the article in hand (Kafka): waits here
     * while the pause lasts, at most {@link #MAX_HOLD_MS} at a time, well inside Kafka's poll interval.
     */
    public synchronized void awaitNotPaused() throws InterruptedException {
        long until = System.currentTimeMillis() + Math.min(checkIntervalMs, MAX_HOLD_MS);
        long left = until - System.currentTimeMillis();
        while (check != null && left > 0) {
            wait(left);
            left = until - System.currentTimeMillis();
        }
    }

    /** Articles already taken in when the pause began are held back too, rather than sent to be refused. */
    public synchronized void checkNotPaused() throws DeeplPausedException {
        if (check != null) {
            throw new DeeplPausedException();
        }
    }

    /** Pauses the routes for {@code reason} (a 456 or 403 from DeepL) unless they already are. */
    public synchronized void pause(Exception reason) throws Exception {
        // A held-back article reports the pause it met; if that has just ended there is nothing to do.
        if (check != null || reason instanceof DeeplPausedException) {
            return;
        }
        for (Route route : routes) {
            suspendOrStopConsumer(route.getConsumer());
        }
        if (checker == null) {
            checker = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "deepl-pause-check");
        }
        check = checker.scheduleWithFixedDelay(this::checkAndResume, checkIntervalMs, checkIntervalMs,
                TimeUnit.MILLISECONDS);
        this.reason = reason;
        problem = reason instanceof AuthorizationException ? "DeepL refuses the API key (403): check DEEPL_AUTH_KEY."
                : reason instanceof SettingRejectedException setting
                ? setting.getMessage() + " Check " + setting.setting() + " and restart."
                : "DeepL's character quota is used up (456).";
        // A refused setting has nothing to do with the account's usage.
        LOG.error("{}{} Newsdesk takes no new articles until DeepL accepts work again; it checks every {} s "
                        + "(newsdesk.deepl.pause-check-ms). Waiting articles stay in the inbox (or on the work queue).",
                problem, reason instanceof SettingRejectedException ? "" : " Usage: " + usage() + ".",
                checkIntervalMs / 1000.0);
    }

    private void checkAndResume() {
        try {
            if (reason instanceof SettingRejectedException) {
                if (languages.offeredBy(client.get())) {
                    resume("DeepL offers the configured languages");
                }
                return;
            }
            Usage usage = client.get().getUsage();
            if (usage.getCharacter() != null && usage.getCharacter().limitReached()) {
                LOG.debug("DeepL quota still used up: {}", describe(usage));
                return;
            }
            resume("usage: " + describe(usage));
        } catch (DeepLException e) {
            LOG.debug("DeepL still refuses work: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void resume(String usage) {
        if (check == null) {
            return;
        }
        check.cancel(false);
        check = null;
        reason = null;
        problem = null;
        notifyAll();
        for (Route route : routes) {
            try {
                resumeOrStartConsumer(route.getConsumer());
            } catch (Exception e) {
                LOG.error("Could not resume route {}: {}", route.getRouteId(), e.getMessage());
            }
        }
        LOG.info("DeepL accepts work again ({}); Newsdesk takes new articles again.", usage);
    }

    private String usage() throws InterruptedException {
        try {
            return describe(client.get().getUsage());
        } catch (AuthorizationException e) {
            return "unknown, as DeepL refuses the key for /v2/usage too";
        } catch (DeepLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String describe(Usage usage) {
        Usage.Detail characters = usage.getCharacter();
        return characters == null ? "no character limit reported"
                : DeeplUsage.describe(characters.getCount(), characters.getLimit());
    }
}
