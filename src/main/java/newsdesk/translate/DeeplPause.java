package newsdesk.translate;

import com.deepl.api.AuthorizationException;
import com.deepl.api.DeepLException;
import com.deepl.api.Translator;
import com.deepl.api.Usage;
import java.util.function.Supplier;
import newsdesk.budget.DeeplUsage;
import newsdesk.state.Condition;
import newsdesk.state.ServiceState;

/**
 * What DeepL's refusals and silences mean for the service: the error handling hands them here, and this
 * enters the matching {@link ServiceState} condition with a probe that tells when DeepL accepts work again.
 *
 * <ul>
 *   <li>DeepL refuses all work: quota used up (456), key refused (403) or a language setting refused (400
 *   about target_lang or source_lang). Probed every {@code checkIntervalMs} at most: /v2/usage shows
 *   characters left (after a refused setting, /v2/languages lists the configured languages).</li>
 *   <li>DeepL does not answer (connection refused, timeouts, 5xx after the client's own retries). Probed
 *   with backoff up to {@code unreachableCheckMs}: /v2/usage answers. Any answer to a translation ends it too.</li>
 * </ul>
 */
public class DeeplPause {

    private final ServiceState state;
    private final Supplier<? extends Translator> client;
    private final LanguageSettings languages;
    private final long checkIntervalMs;
    private final long unreachableCheckMs;

    /** {@code client} is asked for only when needed: nodes that never translate have none. */
    public DeeplPause(ServiceState state, Supplier<? extends Translator> client, LanguageSettings languages,
                      long checkIntervalMs, long unreachableCheckMs) {
        this.state = state;
        this.client = client;
        this.languages = languages;
        this.checkIntervalMs = checkIntervalMs;
        this.unreachableCheckMs = unreachableCheckMs;
    }

    /** DeepL refuses all work ({@code reason}: a 456, a 403 or a refused setting). */
    public void pause(Exception reason) {
        if (state.holds(Condition.DEEPL_REFUSES)) {
            state.articleWaits();
            return;
        }
        String problem;
        String action;
        ServiceState.Probe probe;
        if (reason instanceof SettingRejectedException setting) {
            problem = setting.getMessage();
            action = "Check " + setting.setting() + " and restart.";
            probe = () -> languages.offeredBy(client.get());
        } else {
            problem = (reason instanceof AuthorizationException ? "DeepL refuses the API key (403)."
                    : "DeepL's character quota is used up (456).") + " Usage: " + usage() + ".";
            action = reason instanceof AuthorizationException ? "Check DEEPL_AUTH_KEY; Newsdesk asks DeepL again by itself."
                    : "Raise the quota or wait for the next billing period; Newsdesk asks DeepL again by itself.";
            probe = () -> {
                Usage usage = client.get().getUsage();
                return usage.getCharacter() == null || !usage.getCharacter().limitReached();
            };
        }
        if (!state.enter(Condition.DEEPL_REFUSES, problem, action, probe, checkIntervalMs)) {
            state.articleWaits();
        }
    }

    /** DeepL gave no useful answer to an article's request, even after the client's own retries. */
    public void unreachable(Exception reason) {
        if (!state.enter(Condition.DEEPL_UNREACHABLE, "DeepL does not answer (" + reason.getMessage() + ").",
                "Check the network and DeepL's status page; Newsdesk asks DeepL again by itself, at growing intervals up to "
                        + unreachableCheckMs / 1000 + " s.",
                () -> {
                    client.get().getUsage();
                    return true;
                }, unreachableCheckMs)) {
            state.articleWaits();
        }
    }

    /** DeepL answered a request, whatever it said of the text. */
    public void answered() {
        if (state.holds(Condition.DEEPL_UNREACHABLE)) {
            state.leave(Condition.DEEPL_UNREACHABLE);
        }
    }

    private String usage() {
        try {
            return describe(client.get().getUsage());
        } catch (AuthorizationException e) {
            return "unknown, as DeepL refuses the key for /v2/usage too";
        } catch (DeepLException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String describe(Usage usage) {
        Usage.Detail characters = usage.getCharacter();
        return characters == null ? "no character limit reported"
                : DeeplUsage.describe(characters.getCount(), characters.getLimit());
    }
}
