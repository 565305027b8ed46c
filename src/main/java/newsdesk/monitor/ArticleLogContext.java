package newsdesk.monitor;

import newsdesk.article.Article;
import org.apache.camel.Exchange;

/**
 * Route step: names the article in every log line it causes from now on. camel-mdc copies the exchange
 * properties articleId, articleFile and desk into the MDC before each step (camel.mdc.* in
 * config/application.properties), on whichever thread runs it. Set here rather than by a route
 * expression such as {@code ${body.id}}, which costs Camel a bean look-up keyed by the whole article.
 */
public class ArticleLogContext {

    public static final String ARTICLE_ID = "articleId";

    public Article name(Article article, Exchange exchange) {
        exchange.setProperty(ARTICLE_ID, article.id());
        return article;
    }
}
