package newsdesk.state;

/** An article failed every one of its attempts (newsdesk.article.max-attempts) for a reason of its own: why, for error/. */
public class ArticleFailedException extends Exception {
    public ArticleFailedException(String reason, Throwable lastFailure) {
        super(reason, lastFailure);
    }
}
