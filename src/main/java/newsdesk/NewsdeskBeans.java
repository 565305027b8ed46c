package newsdesk;

import com.deepl.api.DeepLClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import newsdesk.check.LengthRatioCheck;
import newsdesk.check.NumbersCheck;
import newsdesk.check.TranslationChecks;
import newsdesk.check.UntranslatedTextCheck;
import newsdesk.deliver.DeliveryTargets;
import newsdesk.deliver.NinjsFormatter;
import newsdesk.deliver.ResultFormatter;
import newsdesk.deliver.WebhookAnswer;
import newsdesk.deliver.WebhookRequest;
import newsdesk.desk.Desk;
import newsdesk.desk.DeskWatcher;
import newsdesk.glossary.GlossarySync;
import newsdesk.ingest.ArticleReader;
import newsdesk.ingest.InboxArrivals;
import newsdesk.ingest.InboxFileReader;
import newsdesk.ingest.InboxLeader;
import newsdesk.ingest.InboxLockFiles;
import newsdesk.ingest.InboxNames;
import newsdesk.ingest.LanguageGuesser;
import newsdesk.ingest.QuietPeriod;
import newsdesk.ingest.ReadLimits;
import newsdesk.ingest.RejectionReport;
import newsdesk.ingest.UndecodableNames;
import newsdesk.monitor.ArticleCounters;
import newsdesk.monitor.MonitoringBeans;
import newsdesk.settings.SecretSetting;
import newsdesk.state.ArticleAttempts;
import newsdesk.state.Condition;
import newsdesk.state.ServiceState;
import newsdesk.state.StoragePause;
import newsdesk.summarize.ExtractiveSummarizer;
import newsdesk.summarize.SummaryLength;
import newsdesk.summarize.SummaryMethod;
import newsdesk.translate.DeeplClientFactory;
import newsdesk.translate.LanguageSettings;
import newsdesk.translate.MissingSettingException;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.file.cluster.FileLockClusterService;

/**
 * The checks of the settings at start, the data folders and the inbox election, and the beans that read,
 * summarize and deliver articles, built from config/application.properties. The other beans the routes call by
 * name are DeeplBeans', MonitoringBeans' and BrokerBeans'.
 */
@Configuration
public class NewsdeskBeans implements CamelConfiguration {

    /** Not a setting: twice newsdesk.concurrency, set at start for the threads that work on articles. */
    public static final String ARTICLE_THREADS = "newsdesk.article-threads";
    private static final String INBOX_ELECTION = "newsdesk-inbox";
    private static final long LANGUAGE_CHECK_MS = 5000;

    /**
     * The data folders exist before any route starts, so people can see where to drop files; a role,
     * work queue, translation mode or delivery format the routes do not know stops start-up instead of silently doing
     * nothing (or translating in full).
     */
    @Override
    public void configure(CamelContext context) throws Exception {
        // Every setting's kind, range or list of values is checked before this (settings.SettingValueCheck).
        String role = context.resolvePropertyPlaceholders("{{newsdesk.role}}");
        if (!role.equals("ingest")) {
            // Once the routes are built, before anything is delivered or translated.
            StartStep.atStart(context, started ->
                    started.getRegistry().lookupByNameAndType("deliveryTargets", DeliveryTargets.class).check(started));
        }
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
            StartStep.atStart(context, started -> leader.registerGauge(MonitoringBeans.meterRegistry(started), started.getName()));
        }
    }

    /**
     * A language DeepL does not offer would send every article to error/, so it stops start-up (on a node that
     * translates), before the desks are looked at, so it is the one line said. Asked with a client of its own
     * that does not retry, for at most 5 s, so an unreachable DeepL delays the start little (the built-in list is used then).
     */
    static void checkLanguages(CamelContext context) throws Exception {
        if (context.resolvePropertyPlaceholders("{{newsdesk.role}}").equals("ingest")) {
            return;
        }
        Duration patience = Duration.ofMillis(Math.min(LANGUAGE_CHECK_MS,
                Long.parseLong(context.resolvePropertyPlaceholders("{{deepl.timeout-ms}}"))));
        DeepLClient client = DeeplClientFactory.create(context.resolvePropertyPlaceholders("{{deepl.auth-key}}"),
                context.resolvePropertyPlaceholders("{{deepl.auth-key-file}}"),
                context.resolvePropertyPlaceholders("{{deepl.server-url}}"), 0, patience.toMillis());
        context.getRegistry().lookupByNameAndType("languageSettings", LanguageSettings.class).check(client, patience);
    }

    /**
     * Leader election for the inbox ({@code pollStrategy: "#inboxLeader"} on each desk route, routes/articles.camel.yaml): of the nodes
     * sharing the data folder, the one holding the lock on {@code <data-dir>/cluster/newsdesk-inbox} polls.
     * Started at once, so a node on its own holds the lock by the time its routes start, and their first poll counts.
     */
    private static InboxLeader inboxLeader(CamelContext context, String dataDir, long checkMs) throws Exception {
        Path root = Path.of(dataDir, "cluster");
        // Camel tries the lock at once (acquireLockDelay) only when its lock and data files already exist;
        // on a fresh data folder it would first wait for the next multiple of checkMs, up to 2 s at start.
        String problem = InboxLockFiles.prepare(root, INBOX_ELECTION);
        FileLockClusterService election = new FileLockClusterService();
        election.setRoot(root.toString());
        election.setAcquireLockDelay(1, TimeUnit.MILLISECONDS);
        election.setAcquireLockInterval(checkMs, TimeUnit.MILLISECONDS);
        InboxLeader leader = new InboxLeader(election.getView(INBOX_ELECTION), Path.of(dataDir, "inbox").toString());
        if (problem != null) {
            // Never a node that says Ready and polls nothing: the state says why, until this node leads after all.
            StartStep.atStart(context, started -> started.getRegistry().lookupByNameAndType("serviceState", ServiceState.class)
                    .enter(Condition.INBOX_LOCK_UNUSABLE, "This node cannot lead the inbox: " + problem + ".",
                            "Remove what is in the lock's place; the node leads at its next check.", leader::isLeader, checkMs));
        }
        context.addService(election);
        // Now rather than with the context, which starts it only after the management server.
        election.start();
        return leader;
    }

    /**
     * Why no work is taken (DeepL refusing or silent, the budget, storage, the inbox lock), for every route that
     * takes in articles (routePolicy: serviceState) and for health, /api/status, the page and the metrics.
     */
    @BindToRegistry
    public ServiceState serviceState(CamelContext context,
                                     @PropertyInject("newsdesk.state.first-probe-ms") long firstProbeMs,
                                     @PropertyInject("newsdesk.log.reminder-ms") long reminderMs) {
        return new ServiceState(context, Clock.systemUTC(), firstProbeMs, reminderMs);
    }

    /** A folder the articles' results or originals go to that takes no writes (a full disk, no permission). */
    @BindToRegistry
    public StoragePause storagePause(CamelContext context, @BeanInject("serviceState") ServiceState state,
                                     @PropertyInject("newsdesk.state.storage-check-ms") long maxProbeMs) {
        return new StoragePause(state, maxProbeMs, context);
    }

    /** Counts an article's own failures, so it goes to error/ after newsdesk.article.max-attempts (routes/errors.camel.yaml). */
    @BindToRegistry
    public ArticleAttempts articleAttempts(CamelContext context, @PropertyInject("newsdesk.article.max-attempts") int maxAttempts,
                                           @PropertyInject("newsdesk.article.retry-delay-ms") long retryDelayMs) {
        return new ArticleAttempts(context, maxAttempts, retryDelayMs, Clock.systemUTC());
    }

    @BindToRegistry
    public ArticleReader articleReader(@PropertyInject("newsdesk.source-language") String sourceLanguage,
                                       @PropertyInject("newsdesk.inbox.max-bytes") long maxBytes,
                                       @PropertyInject("newsdesk.inbox.max-text-chars") long maxTextChars,
                                       @PropertyInject("newsdesk.inbox.max-depth") int maxDepth) {
        return new ArticleReader(sourceLanguage, new ReadLimits(maxBytes, maxTextChars, maxDepth));
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
                                   @PropertyInject("newsdesk.inbox.quiet-period-ms") long quietMs,
                                   @PropertyInject("newsdesk.data-dir") String dataDir) {
        Clock clock = Clock.systemDefaultZone();
        Function<Desk, Object> arrivals = desk -> {
            // Its counters are on /observe/metrics from the start, at 0.
            context.getRegistry().lookupByNameAndType("articleCounters", ArticleCounters.class).register(desk.name());
            QuietPeriod quiet = new QuietPeriod(quietMs, clock);
            UndecodableNames undecodable = new UndecodableNames(desk.inbox(), Path.of(desk.error()), new InboxNames(clock), quiet,
                    new RejectionReport(),
                    () -> context.getRegistry().lookupByNameAndType("articleCounters", ArticleCounters.class).rejected(desk.name()));
            return new InboxArrivals(quiet, undecodable,
                    file -> context.getRegistry().lookupByNameAndType("articleAttempts", ArticleAttempts.class).waitsForRetry(file), clock);
        };
        Supplier<GlossarySync> glossarySync = role.equals("ingest") ? () -> null
                : () -> context.getRegistry().lookupByNameAndType("glossarySync", GlossarySync.class);
        List<Path> dataFolders = Stream.of("cache", "cluster", "budget", "broker").map(folder -> Path.of(dataDir, folder)).toList();
        return new DeskWatcher(context, Path.of(desks), Path.of(glossaries), glossarySync, arrivals, !role.equals("worker"), dataFolders);
    }

    @BindToRegistry
    public LanguageGuesser languageGuesser(@PropertyInject("newsdesk.target-language") String targetLanguage) {
        return new LanguageGuesser(targetLanguage);
    }

    @BindToRegistry
    public ExtractiveSummarizer extractiveSummarizer(@PropertyInject("newsdesk.summary.sentences") int sentences,
                                                     @PropertyInject("newsdesk.summary.ratio") double ratio,
                                                     @PropertyInject("newsdesk.summary.ratio-min") int ratioMin,
                                                     @PropertyInject("newsdesk.summary.ratio-max") int ratioMax,
                                                     @PropertyInject("newsdesk.summary.max-chars") int maxChars) {
        return new ExtractiveSummarizer(new SummaryLength(sentences, ratio, ratioMin, ratioMax), maxChars, SummaryMethod.DEFAULT);
    }

    @BindToRegistry
    public DeliveryTargets deliveryTargets(@PropertyInject("newsdesk.deliver.targets") String targets) {
        return new DeliveryTargets(targets);
    }

    /**
     * The webhook target's signature. Only when newsdesk.deliver.targets names webhook, which then needs its URL and a
     * secret, or Newsdesk does not start.
     */
    @BindToRegistry
    public WebhookRequest webhookRequest(@PropertyInject("newsdesk.deliver.targets") String targets,
                                         @PropertyInject("newsdesk.deliver.webhook.url") String url,
                                         @PropertyInject("newsdesk.deliver.webhook.secret") String secret,
                                         @PropertyInject("newsdesk.deliver.webhook.secret-file") String secretFile)
            throws MissingSettingException {
        if (!new DeliveryTargets(targets).names().contains("webhook")) {
            return null;
        }
        if (url.isBlank()) {
            throw new MissingSettingException("NEWSDESK_DELIVER_TARGETS names webhook, but NEWSDESK_DELIVER_WEBHOOK_URL is not set: "
                    + "set it to the receiver's address (http:// or https://).");
        }
        return new WebhookRequest(SecretSetting.read(secret, secretFile, "NEWSDESK_DELIVER_WEBHOOK_SECRET",
                "set it (or NEWSDESK_DELIVER_WEBHOOK_SECRET_FILE, a file holding it) to the secret the receiver checks signatures with."));
    }

    @BindToRegistry
    public WebhookAnswer webhookAnswer() {
        return new WebhookAnswer();
    }

    @BindToRegistry
    public ResultFormatter resultFormatter(@PropertyInject("newsdesk.deepl.simulator") boolean simulator) {
        return new ResultFormatter(simulator);
    }

    @BindToRegistry
    public NinjsFormatter ninjsFormatter() {
        return new NinjsFormatter();
    }

    /** Lazy like the counters: it registers a counter per flag. */
    @BindToRegistry(lazy = true)
    public TranslationChecks translationChecks(CamelContext context,
                                               @BeanInject("languageGuesser") LanguageGuesser guesser,
                                               @PropertyInject("newsdesk.checks.length-ratio.min") double minRatio,
                                               @PropertyInject("newsdesk.checks.length-ratio.max") double maxRatio) {
        return new TranslationChecks(List.of(new NumbersCheck(), new UntranslatedTextCheck(guesser),
                new LengthRatioCheck(minRatio, maxRatio)), MonitoringBeans.meterRegistry(context), context.getName());
    }

    @BindToRegistry
    public RejectionReport rejectionReport() {
        return new RejectionReport();
    }

}
