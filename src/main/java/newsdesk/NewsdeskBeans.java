package newsdesk;

import com.deepl.api.DeepLClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import newsdesk.broker.EmbeddedArtemis;
import newsdesk.broker.KafkaOffsetTracker;
import newsdesk.budget.BudgetGauges;
import newsdesk.budget.BudgetLedger;
import newsdesk.budget.DeeplBudget;
import newsdesk.budget.DeeplUsage;
import newsdesk.check.LengthRatioCheck;
import newsdesk.check.NumbersCheck;
import newsdesk.check.TranslationChecks;
import newsdesk.check.UntranslatedTextCheck;
import newsdesk.deliver.DeliveryTargets;
import newsdesk.deliver.NinjsFormatter;
import newsdesk.deliver.ResultFormatter;
import newsdesk.desk.Desk;
import newsdesk.desk.DeskWatcher;
import newsdesk.glossary.GlossarySync;
import newsdesk.ingest.ArticleReader;
import newsdesk.ingest.InboxArrivals;
import newsdesk.ingest.InboxFileReader;
import newsdesk.ingest.InboxLeader;
import newsdesk.ingest.InboxNames;
import newsdesk.ingest.LanguageGuesser;
import newsdesk.ingest.QuietPeriod;
import newsdesk.ingest.RejectionReport;
import newsdesk.ingest.UndecodableNames;
import newsdesk.monitor.ArticleCounters;
import newsdesk.monitor.ArticleLogContext;
import newsdesk.monitor.DeeplAnswerTimes;
import newsdesk.monitor.JvmMetrics;
import newsdesk.monitor.MonitoringAddress;
import newsdesk.monitor.RecentArticles;
import newsdesk.monitor.RetryCount;
import newsdesk.monitor.StatusPage;
import newsdesk.monitor.WorkSummary;
import newsdesk.settings.KnownSettings;
import newsdesk.monitor.DeeplReadiness;
import newsdesk.summarize.ExtractiveSummarizer;
import newsdesk.summarize.SummaryLength;
import newsdesk.summarize.SummaryMethod;
import newsdesk.translate.DeeplAnswers;
import newsdesk.translate.DeeplClientFactory;
import newsdesk.translate.DeeplPause;
import newsdesk.translate.DeeplRetryLog;
import newsdesk.translate.DeeplStatus;
import newsdesk.translate.DeeplTranslator;
import newsdesk.translate.InFlightLimit;
import newsdesk.translate.LanguageSettings;
import newsdesk.translate.MissingSettingException;
import newsdesk.translate.RequestPacker;
import newsdesk.translate.SummaryTranslator;
import newsdesk.translate.TranslationCache;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.StartupListener;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.MicrometerUtils;
import org.springframework.jms.connection.CachingConnectionFactory;

/** The beans the routes call by name, built from config/application.properties. */
@Configuration
public class NewsdeskBeans implements CamelConfiguration {

    private static final String INBOX_ELECTION = "newsdesk-inbox";
    /** Not a setting: twice newsdesk.concurrency, set at start for the threads that work on articles. */
    private static final String ARTICLE_THREADS = "newsdesk.article-threads";
    private static final long LANGUAGE_CHECK_MS = 5000;

    /**
     * The data folders exist before any route starts, so people can see where to drop files; a role,
     * work queue, translation mode or delivery format the routes do not know stops start-up instead of silently doing
     * nothing (or translating in full).
     */
    @Override
    public void configure(CamelContext context) throws Exception {
        String role = checkOneOf(context, "newsdesk.role", List.of("all", "ingest", "worker"));
        checkOneOf(context, "newsdesk.work-queue", List.of("jms", "kafka"));
        checkOneOf(context, "newsdesk.translate", List.of("full", "summary"));
        for (String target : List.of("file", "jms", "kafka")) {
            checkOneOf(context, "newsdesk.deliver." + target + ".format", List.of("newsdesk", "ninjs"));
        }
        if (!role.equals("ingest")) {
            // Once the routes are built, before anything is delivered or translated.
            atStart(context, started -> {
                started.getRegistry().lookupByNameAndType("deliveryTargets", DeliveryTargets.class).check(started);
                checkLanguages(started);
            });
        }
        // Once started: Camel Main sets up the meter registry after the beans are bound.
        atStart(context, started -> BudgetGauges.register(meterRegistry(started), started.getName(),
                started.getRegistry().lookupByNameAndType("deeplBudget", DeeplBudget.class),
                started.getRegistry().lookupByNameAndType("deeplUsage", DeeplUsage.class)));
        // Once the routes run, on the main thread, while the first articles are worked on. (Camel says
        // "fully started" once, at the end of the start, not again when desk routes start later.)
        context.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) {
                JvmMetrics.bindTo(meterRegistry(started));
            }
        });
        // An article's thread holds it after DeepL answers: to summarize and deliver it, and on a worker while
        // its transaction commits and the next message is asked for (about 50-130 ms under load, against
        // DeepL's 200 ms). With twice as many threads as DeepL requests in flight, one is always ready to send
        // the next request meanwhile. The requests themselves stay within newsdesk.concurrency (InFlightLimit).
        int concurrency = Integer.parseInt(context.resolvePropertyPlaceholders("{{newsdesk.concurrency}}"));
        context.getPropertiesComponent().addOverrideProperty(ARTICLE_THREADS, String.valueOf(2 * concurrency));
        String dataDir = context.resolvePropertyPlaceholders("{{newsdesk.data-dir}}");
        for (String folder : new String[] {"inbox", "outbox", "archive", "error", "cache"}) {
            Files.createDirectories(Path.of(dataDir, folder));
        }
        // Workers never poll the inbox, so they take no part in its election.
        if (!role.equals("worker")) {
            long leaderCheckMs = Long.parseLong(context.resolvePropertyPlaceholders("{{newsdesk.leader.check-ms}}"));
            InboxLeader leader = inboxLeader(context, dataDir, leaderCheckMs);
            context.getRegistry().bind("inboxLeader", leader);
            // Once started: Camel Main sets up the meter registry after this.
            atStart(context, started -> leader.registerGauge(meterRegistry(started), started.getName()));
        }
    }

    /** A step taken once, when the routes have started; not again when desk routes start later. */
    private static void atStart(CamelContext context, StartStep step) throws Exception {
        context.addStartupListener((started, alreadyStarted) -> {
            if (!alreadyStarted) {
                step.run(started);
            }
        });
    }

    private interface StartStep {
        void run(CamelContext context) throws Exception;
    }

    /**
     * A language DeepL does not offer would send every article to error/, so it stops start-up. Asked
     * with a client of its own that does not retry, for at most 5 s, so an unreachable DeepL delays
     * the start little (the built-in list is used then).
     */
    private static void checkLanguages(CamelContext context) throws Exception {
        Duration patience = Duration.ofMillis(Math.min(LANGUAGE_CHECK_MS,
                Long.parseLong(context.resolvePropertyPlaceholders("{{deepl.timeout-ms}}"))));
        DeepLClient client = DeeplClientFactory.create(context.resolvePropertyPlaceholders("{{deepl.auth-key}}"),
                context.resolvePropertyPlaceholders("{{deepl.auth-key-file}}"),
                context.resolvePropertyPlaceholders("{{deepl.server-url}}"), 0, patience.toMillis());
        context.getRegistry().lookupByNameAndType("languageSettings", LanguageSettings.class).check(client, patience);
    }

    private static String checkOneOf(CamelContext context, String key, List<String> allowed) throws MissingSettingException {
        String value = context.resolvePropertyPlaceholders("{{" + key + "}}");
        if (!allowed.contains(value)) {
            throw new MissingSettingException(KnownSettings.variable(key) + " is '" + value + "': set it to one of " + allowed + ".");
        }
        return value;
    }

    /**
     * Leader election for the inbox ({@code pollStrategy: "#inboxLeader"} on each desk route, routes/articles.camel.yaml): of the nodes
     * sharing the data folder, the one holding the lock on {@code <data-dir>/cluster/newsdesk-inbox} polls.
     * Started at once, so a node on its own holds the lock by the time its routes start, and their first poll counts.
     */
    private static InboxLeader inboxLeader(CamelContext context, String dataDir, long checkMs) throws Exception {
        Path root = Files.createDirectories(Path.of(dataDir, "cluster"));
        // Camel tries the lock at once (acquireLockDelay) only when its lock and data files already exist;
        // on a fresh data folder it would first wait for the next multiple of checkMs, up to 2 s at start.
        // Empty files say "no leader", as after a clean stop; a leader's files are left as they are.
        for (String file : new String[] {INBOX_ELECTION, INBOX_ELECTION + ".dat"}) {
            try {
                Files.createFile(root.resolve(file));
            } catch (FileAlreadyExistsException alreadyThere) {
                // Another node, or an earlier run, made it.
            }
        }
        FileLockClusterService election = new FileLockClusterService();
        election.setRoot(root.toString());
        election.setAcquireLockDelay(1, TimeUnit.MILLISECONDS);
        election.setAcquireLockInterval(checkMs, TimeUnit.MILLISECONDS);
        InboxLeader leader = new InboxLeader(election.getView(INBOX_ELECTION), Path.of(dataDir, "inbox").toString());
        context.addService(election);
        // Now rather than with the context, which starts it only after the management server.
        election.start();
        return leader;
    }

    @BindToRegistry
    public ArticleReader articleReader(@PropertyInject("newsdesk.source-language") String sourceLanguage,
                                       @PropertyInject("newsdesk.inbox.max-bytes") long maxBytes) {
        return new ArticleReader(sourceLanguage, maxBytes);
    }

    @BindToRegistry
    public InboxFileReader inboxFileReader(@PropertyInject("newsdesk.inbox.max-bytes") long maxBytes) {
        return new InboxFileReader(maxBytes);
    }

    @BindToRegistry
    public InboxNames inboxNames() {
        return new InboxNames(Clock.systemDefaultZone());
    }

    /**
     * Runs the desks (routes/desks/) and keeps DeepL's glossaries in step with config/glossaries/. Each desk's
     * inbox gets its own file filter. The counters are looked up when a desk starts, as they are bound lazily.
     */
    @BindToRegistry
    public DeskWatcher deskWatcher(CamelContext context, @PropertyInject("newsdesk.role") String role,
                                   @PropertyInject("newsdesk.desks.folder") String desks,
                                   @PropertyInject("newsdesk.glossaries.folder") String glossaries,
                                   @PropertyInject("newsdesk.inbox.quiet-period-ms") long quietMs) {
        Clock clock = Clock.systemDefaultZone();
        Function<Desk, Object> arrivals = desk -> {
            // Its counters are on /observe/metrics from the start, at 0.
            context.getRegistry().lookupByNameAndType("articleCounters", ArticleCounters.class).register(desk.name());
            QuietPeriod quiet = new QuietPeriod(quietMs, clock);
            UndecodableNames undecodable = new UndecodableNames(desk.inbox(), Path.of(desk.error()), new InboxNames(clock), quiet,
                    new RejectionReport(),
                    () -> context.getRegistry().lookupByNameAndType("articleCounters", ArticleCounters.class).rejected(desk.name()));
            return new InboxArrivals(quiet, undecodable, clock);
        };
        Supplier<GlossarySync> glossarySync = role.equals("ingest") ? () -> null
                : () -> context.getRegistry().lookupByNameAndType("glossarySync", GlossarySync.class);
        return new DeskWatcher(context, Path.of(desks), Path.of(glossaries), glossarySync, arrivals, !role.equals("worker"));
    }

    /** The glossary files kept in step with DeepL's glossaries; lazy like the client it needs. */
    @BindToRegistry(lazy = true)
    public GlossarySync glossarySync(@BeanInject("deeplClient") DeepLClient client,
                                     @PropertyInject("newsdesk.glossaries.folder") String folder) {
        return new GlossarySync(client, Path.of(folder));
    }

    @BindToRegistry
    public LanguageGuesser languageGuesser(@PropertyInject("newsdesk.target-language") String targetLanguage) {
        return new LanguageGuesser(targetLanguage);
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
                                           @BeanInject("deeplStatus") DeeplStatus status,
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
                DeeplAnswers.all(answerTimes, budget, billedCounter), status, glossaries);
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

    /** Asks for the client only once DeepL has refused work, which never happens on a node that does not translate. */
    @BindToRegistry
    public DeeplPause deeplPause(CamelContext context,
                                 @BeanInject("languageSettings") LanguageSettings languages,
                                 @PropertyInject("newsdesk.deepl.pause-check-ms") long checkIntervalMs) {
        return new DeeplPause(context, () -> context.getRegistry().lookupByNameAndType("deeplClient", DeepLClient.class),
                languages, checkIntervalMs);
    }

    @BindToRegistry(lazy = true)
    public DeeplStatus deeplStatus() {
        return new DeeplStatus();
    }

    /** Found by Camel's health check registry among the beans; lazy, as it needs deeplPause. */
    @BindToRegistry(lazy = true)
    public DeeplReadiness deeplReadiness(@BeanInject("deeplPause") DeeplPause pause,
                                         @BeanInject("deeplStatus") DeeplStatus status) {
        return new DeeplReadiness(pause, status);
    }

    /**
     * Newsdesk's own DeepL budget (newsdesk.deepl.budget.*), counted in a ledger in {@code <data-dir>/budget}
     * that every node on the data folder shares. A route policy, like deeplPause.
     */
    @BindToRegistry
    public DeeplBudget deeplBudget(CamelContext context, @PropertyInject("newsdesk.data-dir") String dataDir,
                                   @PropertyInject("newsdesk.deepl.budget.monthly-chars") long monthlyChars,
                                   @PropertyInject("newsdesk.deepl.budget.daily-chars") long dailyChars,
                                   @PropertyInject("newsdesk.deepl.budget.billing-day") int billingDay) throws IOException {
        return new DeeplBudget(context, new BudgetLedger(Path.of(dataDir, "budget")), monthlyChars, dailyChars, billingDay,
                Clock.systemUTC());
    }

    /** DeepL's own account of the usage (/v2/usage); asks for the client only when it first runs. */
    @BindToRegistry
    public DeeplUsage deeplUsage(CamelContext context) {
        return new DeeplUsage(() -> context.getRegistry().lookupByNameAndType("deeplClient", DeepLClient.class));
    }

    @BindToRegistry
    public ExtractiveSummarizer extractiveSummarizer(@PropertyInject("newsdesk.summary.sentences") int sentences,
                                                     @PropertyInject("newsdesk.summary.ratio") double ratio,
                                                     @PropertyInject("newsdesk.summary.ratio-min") int ratioMin,
                                                     @PropertyInject("newsdesk.summary.ratio-max") int ratioMax,
                                                     @PropertyInject("newsdesk.summary.max-chars") int maxChars) {
        return new ExtractiveSummarizer(new SummaryLength(sentences, ratio, ratioMin, ratioMax), maxChars, SummaryMethod.DEFAULT);
    }

    /** Lazy like the translator it uses. */
    @BindToRegistry(lazy = true)
    public SummaryTranslator summaryTranslator(@BeanInject("extractiveSummarizer") ExtractiveSummarizer summarizer,
                                               @BeanInject("deeplTranslator") DeeplTranslator translator) {
        return new SummaryTranslator(summarizer, translator, new RequestPacker());
    }

    @BindToRegistry
    public DeliveryTargets deliveryTargets(@PropertyInject("newsdesk.deliver.targets") String targets) {
        return new DeliveryTargets(targets);
    }

    /** For the ready line's status address. */
    @BindToRegistry
    public MonitoringAddress monitoringAddress(@PropertyInject("newsdesk.monitoring.enabled") boolean enabled,
                                               @PropertyInject("newsdesk.monitoring.host") String host,
                                               @PropertyInject("newsdesk.monitoring.port") int port) {
        return new MonitoringAddress(enabled, host, port);
    }

    @BindToRegistry
    public ResultFormatter resultFormatter(@PropertyInject("newsdesk.deepl.simulator") boolean simulator) {
        return new ResultFormatter(simulator);
    }

    @BindToRegistry
    public NinjsFormatter ninjsFormatter() {
        return new NinjsFormatter();
    }

    /** Lazy: Camel Main sets up the meter registry (camel.metrics.*) after the beans are bound. */
    @BindToRegistry(lazy = true)
    public ArticleCounters articleCounters(CamelContext context) {
        return new ArticleCounters(meterRegistry(context), context.getName());
    }

    /** Lazy like the counters: it registers a counter per flag. */
    @BindToRegistry(lazy = true)
    public TranslationChecks translationChecks(CamelContext context,
                                               @BeanInject("languageGuesser") LanguageGuesser guesser,
                                               @PropertyInject("newsdesk.checks.length-ratio.min") double minRatio,
                                               @PropertyInject("newsdesk.checks.length-ratio.max") double maxRatio) {
        return new TranslationChecks(List.of(new NumbersCheck(), new UntranslatedTextCheck(guesser),
                new LengthRatioCheck(minRatio, maxRatio)), meterRegistry(context), context.getName());
    }

    @BindToRegistry
    public DeeplAnswerTimes deeplAnswerTimes() {
        return new DeeplAnswerTimes();
    }

    @BindToRegistry
    public RetryCount retryCount() {
        return new RetryCount();
    }

    @BindToRegistry
    public WorkSummary workSummary(CamelContext context, @BeanInject("deeplAnswerTimes") DeeplAnswerTimes answerTimes,
                                   @BeanInject("retryCount") RetryCount retries,
                                   @BeanInject("deskWatcher") DeskWatcher desks,
                                   @PropertyInject("newsdesk.log.summary-ms") long intervalMs) {
        return new WorkSummary(() -> meterRegistry(context), answerTimes, retries, desks::inboxes, intervalMs);
    }

    @BindToRegistry
    public RecentArticles recentArticles(@PropertyInject("newsdesk.status.recent-articles") int keep) {
        return new RecentArticles(keep, Clock.systemUTC());
    }

    /**
     * The status page's API. The translator and the inbox leader are looked up when asked for, and only on
     * the roles that have them: asking for the translator builds it, and a node of role ingest has no DeepL key.
     */
    @BindToRegistry
    public StatusPage statusPage(CamelContext context, @BeanInject("recentArticles") RecentArticles recent,
                                 @PropertyInject("newsdesk.role") String role,
                                 @BeanInject("deskWatcher") DeskWatcher desks,
                                 @BeanInject("deeplPause") DeeplPause pause, @BeanInject("deeplBudget") DeeplBudget budget,
                                 @BeanInject("deeplUsage") DeeplUsage usage) {
        return new StatusPage(recent, role, desks::inboxes, pause, budget, usage,
                role.equals("ingest") ? null
                        : () -> context.getRegistry().lookupByNameAndType("deeplTranslator", DeeplTranslator.class),
                role.equals("worker") ? null
                        : () -> context.getRegistry().lookupByNameAndType("inboxLeader", InboxLeader.class));
    }

    @BindToRegistry
    public ArticleLogContext articleLogContext() {
        return new ArticleLogContext();
    }

    @BindToRegistry
    public RejectionReport rejectionReport() {
        return new RejectionReport();
    }

    /** A Kafka worker's articles in flight and the offsets it may commit (routes/scale-out.camel.yaml). */
    @BindToRegistry
    public KafkaOffsetTracker kafkaOffsets(CamelContext context, @PropertyInject("newsdesk.concurrency") int concurrency)
            throws Exception {
        KafkaOffsetTracker tracker = new KafkaOffsetTracker(concurrency);
        // Once the routes are built, before their consumers start.
        atStart(context, started -> tracker.listenTo(started.getRoute("take-articles-from-kafka")));
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
            @PropertyInject(ARTICLE_THREADS) int articleThreads) {
        CachingConnectionFactory sending = new CachingConnectionFactory(broker);
        sending.setSessionCacheSize(articleThreads);
        return sending;
    }

    /** The meter registry Camel Main sets up, the one /observe/metrics shows. */
    private static MeterRegistry meterRegistry(CamelContext context) {
        return MicrometerUtils.getOrCreateMeterRegistry(context.getRegistry(), MicrometerConstants.METRICS_REGISTRY_NAME);
    }
}
