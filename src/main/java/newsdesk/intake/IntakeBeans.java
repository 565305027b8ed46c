package newsdesk.intake;

import newsdesk.desk.DeskWatcher;
import newsdesk.monitor.RecentArticles;
import newsdesk.state.ServiceState;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;

/** The beans of the HTTP API that takes articles in and tells where they are (routes/http-api.camel.yaml). */
@Configuration
public class IntakeBeans implements CamelConfiguration {

    /** Articles sent over HTTP whose progress is kept: far more than arrive while a client waits for one. */
    private static final int ARTICLES_FOLLOWED = 10_000;

    @BindToRegistry
    public ArticleProgress articleProgress(@BeanInject("recentArticles") RecentArticles recent) {
        return new ArticleProgress(recent, ARTICLES_FOLLOWED);
    }

    /** Paused while a condition holds (serviceState: DeepL, storage, the budget, ...), as the routes taking files are. */
    @BindToRegistry
    public ArticleIntake articleIntake(@BeanInject("deskWatcher") DeskWatcher desks, @BeanInject("serviceState") ServiceState state,
                                       @PropertyInject("newsdesk.inbox.max-bytes") long maxBytes,
                                       @BeanInject("articleProgress") ArticleProgress progress) {
        return new ArticleIntake(desks::desks, state::problem, maxBytes, progress);
    }
}
