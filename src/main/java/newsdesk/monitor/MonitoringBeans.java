package newsdesk.monitor;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import newsdesk.StartStep;
import newsdesk.broker.WorkQueueDepth;
import newsdesk.budget.BudgetGauges;
import newsdesk.budget.DeeplBudget;
import newsdesk.budget.DeeplUsage;
import newsdesk.desk.DeskWatcher;
import newsdesk.ingest.InboxLeader;
import newsdesk.state.PausedGauges;
import newsdesk.state.ServiceState;
import newsdesk.translate.DeeplTranslator;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.StartupListener;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.MicrometerUtils;

/** The beans that count, log and show what the service does (metrics, status page, work summary). */
@Configuration
public class MonitoringBeans implements CamelConfiguration {

    /** Camel Main sets up the meter registry after the beans are bound, so gauges are registered once started. */
    @Override
    public void configure(CamelContext context) throws Exception {
        StartStep.atStart(context, started -> started.getRegistry().lookupByNameAndType("httpGuard", HttpGuard.class).install(started));
        StartStep.atStart(context, started -> BudgetGauges.register(meterRegistry(started), started.getName(),
                started.getRegistry().lookupByNameAndType("deeplBudget", DeeplBudget.class),
                started.getRegistry().lookupByNameAndType("deeplUsage", DeeplUsage.class)));
        StartStep.atStart(context, started -> PausedGauges.register(meterRegistry(started), started.getName(),
                started.getRegistry().lookupByNameAndType("serviceState", ServiceState.class)));
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
    }

    /** Before every handler of the monitoring port: the security headers and the Host check. */
    @BindToRegistry
    public HttpGuard httpGuard(@PropertyInject("newsdesk.monitoring.host") String host,
                               @PropertyInject("newsdesk.http.allowed-hosts") String allowedHosts) {
        return new HttpGuard(host, allowedHosts);
    }

    /** For the ready line's status address. */
    @BindToRegistry
    public MonitoringAddress monitoringAddress(@PropertyInject("newsdesk.monitoring.enabled") boolean enabled,
                                               @PropertyInject("newsdesk.monitoring.host") String host,
                                               @PropertyInject("newsdesk.monitoring.port") int port) {
        return new MonitoringAddress(enabled, host, port);
    }

    /** Lazy: Camel Main sets up the meter registry (camel.metrics.*) after the beans are bound. */
    @BindToRegistry(lazy = true)
    public ArticleCounters articleCounters(CamelContext context) {
        return new ArticleCounters(meterRegistry(context), context.getName());
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
     * The status page's API. The translator, the inbox leader and the work queue are looked up when asked for,
     * and only on the roles that have them: asking for the translator builds it, and a node of role ingest has
     * no DeepL key. Only an ingest node on Artemis shows the work queue's depth (Kafka keeps no such count).
     */
    @BindToRegistry
    public StatusPage statusPage(CamelContext context, @BeanInject("recentArticles") RecentArticles recent,
                                 @PropertyInject("newsdesk.role") String role,
                                 @PropertyInject("newsdesk.work-queue") String workQueue,
                                 @BeanInject("deskWatcher") DeskWatcher desks,
                                 @BeanInject("serviceState") ServiceState state, @BeanInject("deeplBudget") DeeplBudget budget,
                                 @BeanInject("deeplUsage") DeeplUsage usage,
                                 @PropertyInject("newsdesk.deepl.simulator") boolean simulator) {
        return new StatusPage(recent, role, desks::inboxes, state, budget, usage,
                role.equals("ingest") ? null
                        : () -> context.getRegistry().lookupByNameAndType("deeplTranslator", DeeplTranslator.class),
                role.equals("worker") ? null
                        : () -> context.getRegistry().lookupByNameAndType("inboxLeader", InboxLeader.class),
                role.equals("ingest") && workQueue.equals("jms")
                        ? new WorkQueueDepth(() -> context.getRegistry().lookupByNameAndType("jmsConnectionFactory", ConnectionFactory.class))::count
                        : null,
                simulator);
    }

    @BindToRegistry
    public ArticleLogContext articleLogContext() {
        return new ArticleLogContext();
    }

    /** Found by Camel's health check registry among the beans. */
    @BindToRegistry
    public StateReadiness stateReadiness(@BeanInject("serviceState") ServiceState state) {
        return new StateReadiness(state);
    }

    /** The meter registry Camel Main sets up, the one /observe/metrics shows. */
    public static MeterRegistry meterRegistry(CamelContext context) {
        return MicrometerUtils.getOrCreateMeterRegistry(context.getRegistry(), MicrometerConstants.METRICS_REGISTRY_NAME);
    }
}
