package newsdesk.translate;

import com.deepl.api.DeepLClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import newsdesk.budget.BudgetLedger;
import newsdesk.budget.DeeplBudget;
import newsdesk.budget.DeeplUsage;
import newsdesk.glossary.GlossarySync;
import newsdesk.monitor.ArticleCounters;
import newsdesk.monitor.DeeplAnswerTimes;
import newsdesk.state.ServiceState;
import newsdesk.summarize.ExtractiveSummarizer;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;

/** The beans that talk to DeepL, count what it bills and keep the glossaries, built from config/application.properties. */
@Configuration
public class DeeplBeans implements CamelConfiguration {

    /** The glossary files kept in step with DeepL's glossaries; lazy like the client it needs. */
    @BindToRegistry(lazy = true)
    public GlossarySync glossarySync(@BeanInject("deeplClient") DeepLClient client,
                                     @PropertyInject("newsdesk.glossaries.folder") String folder) {
        return new GlossarySync(client, Path.of(folder));
    }

    /** The one DeepL client; built on first use, so nodes that never translate (role ingest) need no key. */
    @BindToRegistry(lazy = true)
    public DeepLClient deeplClient(@PropertyInject("deepl.auth-key") String authKey,
                                   @PropertyInject("deepl.auth-key-file") String authKeyFile,
                                   @PropertyInject("deepl.server-url") String serverUrl,
                                   @PropertyInject("deepl.max-retries") int maxRetries,
                                   @PropertyInject("deepl.timeout-ms") long timeoutMs)
            throws MissingSettingException {
        return DeeplClientFactory.create(authKey, authKeyFile, serverUrl, maxRetries, timeoutMs);
    }

    /** The cache file is let go when Camel stops, so a restart in the same folder finds it free. */
    @BindToRegistry(lazy = true)
    public DeeplTranslator deeplTranslator(CamelContext context,
                                           @BeanInject("deeplClient") DeepLClient client,
                                           @BeanInject("deeplPause") DeeplPause pause,
                                           @PropertyInject("newsdesk.data-dir") String dataDir,
                                           @PropertyInject("newsdesk.target-language") String targetLanguage,
                                           @PropertyInject("newsdesk.concurrency") int concurrency,
                                           @PropertyInject("newsdesk.cache.max-mb") long cacheMaxMb,
                                           @BeanInject("deeplAnswerTimes") DeeplAnswerTimes answerTimes,
                                           @BeanInject("deeplBudget") DeeplBudget budget,
                                           @BeanInject("glossarySync") GlossarySync glossaries)
            throws Exception {
        TranslationCache cache = new TranslationCache(Path.of(dataDir, "cache"), cacheMaxMb * 1024 * 1024);
        context.addService(cache, true, true);
        DeeplAnswers billedCounter = (billed, nanos) ->
                context.getRegistry().lookupByNameAndType("articleCounters", ArticleCounters.class).billed(billed);
        return new DeeplTranslator(client, new RequestPacker(), cache, new InFlightLimit(concurrency), targetLanguage,
                DeeplAnswers.all(answerTimes, billedCounter), budget, pause, glossaries);
    }

    @BindToRegistry
    public DeeplRetryLog deeplRetryLog(@PropertyInject("newsdesk.deepl.redeliveries") int redeliveries,
                                       @PropertyInject("newsdesk.deepl.redelivery-delay-ms") long delayMs,
                                       @PropertyInject("newsdesk.deepl.max-redelivery-delay-ms") long maxDelayMs) {
        return new DeeplRetryLog(redeliveries, delayMs, maxDelayMs);
    }

    @BindToRegistry(lazy = true)
    public LanguageSettings languageSettings(@PropertyInject("newsdesk.source-language") String sourceLanguage,
                                             @PropertyInject("newsdesk.target-language") String targetLanguage) {
        return new LanguageSettings(sourceLanguage, targetLanguage);
    }

    /** Asks for the client only once DeepL has refused work or gone silent, which never happens on a node that does not translate. */
    @BindToRegistry
    public DeeplPause deeplPause(CamelContext context, @BeanInject("serviceState") ServiceState state,
                                 @BeanInject("languageSettings") LanguageSettings languages,
                                 @PropertyInject("newsdesk.deepl.pause-check-ms") long checkIntervalMs,
                                 @PropertyInject("newsdesk.deepl.unreachable-check-ms") long unreachableCheckMs) {
        return new DeeplPause(state, () -> context.getRegistry().lookupByNameAndType("deeplClient", DeepLClient.class),
                languages, checkIntervalMs, unreachableCheckMs);
    }

    /**
     * Newsdesk's own DeepL budget (newsdesk.deepl.budget.*), counted in a ledger in {@code <data-dir>/budget}
     * that every node on the data folder shares. Used up, it enters the serviceState condition budget-used-up.
     */
    @BindToRegistry
    public DeeplBudget deeplBudget(@BeanInject("serviceState") ServiceState state,
                                   @PropertyInject("newsdesk.data-dir") String dataDir,
                                   @PropertyInject("newsdesk.deepl.budget.monthly-chars") long monthlyChars,
                                   @PropertyInject("newsdesk.deepl.budget.daily-chars") long dailyChars,
                                   @PropertyInject("newsdesk.deepl.budget.billing-day") int billingDay) throws IOException {
        return new DeeplBudget(state, new BudgetLedger(Path.of(dataDir, "budget")), monthlyChars, dailyChars, billingDay,
                Clock.systemUTC());
    }

    /** DeepL's own account of the usage (/v2/usage); asks for the client only when it first runs. */
    @BindToRegistry
    public DeeplUsage deeplUsage(CamelContext context) {
        return new DeeplUsage(() -> context.getRegistry().lookupByNameAndType("deeplClient", DeepLClient.class));
    }

    /** Lazy like the translator it uses. */
    @BindToRegistry(lazy = true)
    public SummaryTranslator summaryTranslator(@BeanInject("extractiveSummarizer") ExtractiveSummarizer summarizer,
                                               @BeanInject("deeplTranslator") DeeplTranslator translator) {
        return new SummaryTranslator(summarizer, translator, new RequestPacker());
    }
}
